package adapters.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import testsupport.AwsCli;
import testsupport.WebSocketTestClient;

/** The AWS CLI's {@code apigatewaymanagementapi} commands, pointed at the local gateway, reach a real client. */
class AwsCliPostToConnectionIT {
    private final ScriptedHandlers handlers = new ScriptedHandlers();
    private ApiGatewayEmulator gateway;

    @BeforeEach
    void start() throws InterruptedException {
        gateway = ApiGatewayEmulator.start(EmulatorSettings.defaults().withPort(0), TestRoutes.table(), handlers);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void postToConnection_deliversTheDataToTheClient() throws Exception {
        assumeTrue(AwsCli.installed(), "the AWS CLI is not on PATH here; CI installs it");
        WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUri());
        String id = handlers.next(Route.CONNECT).getRequestContext().getConnectionId();

        Result result = aws("post-to-connection", "--connection-id=" + id, "--data", "{\"from\":\"cli\"}");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(client.next()).isEqualTo("{\"from\":\"cli\"}");
    }

    @Test
    void postToAGoneConnection_failsWithGoneException() throws Exception {
        assumeTrue(AwsCli.installed(), "the AWS CLI is not on PATH here; CI installs it");

        Result result = aws("post-to-connection", "--connection-id", "AAAAAAAAAAAAAAA=", "--data", "x");

        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("GoneException");
    }

    private record Result(int exit, String output) {
    }

    private Result aws(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "apigatewaymanagementapi"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--endpoint-url", gateway.managementEndpoint().toString(), "--region", "us-east-1"));
        if (cliMajorVersion() >= 2) {
            command.addAll(List.of("--cli-binary-format", "raw-in-base64-out"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        AwsCli.withDummyCredentials(builder.environment());
        Process aws = builder.start();
        String output = new String(aws.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(aws.waitFor(2, TimeUnit.MINUTES)).as("aws exited").isTrue();
        return new Result(aws.exitValue(), output);
    }

    /** v2 reads blobs as base64 unless told otherwise; v1 takes them raw and has no such option. */
    private static int cliMajorVersion() throws IOException, InterruptedException {
        Process version = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
        String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        version.waitFor(1, TimeUnit.MINUTES);
        return output.startsWith("aws-cli/2") ? 2 : 1;
    }
}
