package adapters.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adapters.json.CloudEventsCodec;
import domain.Notification;
import domain.ParseResult;
import domain.Target;
import domain.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import testsupport.AwsCli;

/** Runs the AWS CLI example of docs/producers.md, as written there, against ElasticMQ. */
class AwsCliSendMessageIT {
    private static final Path GUIDE = Path.of("docs", "producers.md");
    private static final ElasticMq ELASTIC_MQ = ElasticMq.shared();

    @Test
    void theGuidesCliExample_sendsAMessageTheCodecAccepts() throws IOException, InterruptedException {
        assumeTrue(AwsCli.installed(), "the AWS CLI is not on PATH here; CI installs it");
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String queueUrl = ELASTIC_MQ.newQueue("cli");

        ProcessBuilder command = new ProcessBuilder("aws", "sqs", "send-message",
                "--endpoint-url", ELASTIC_MQ.endpoint().toString(), "--region", "us-east-1", "--queue-url", queueUrl,
                "--message-body", quotedArgument(guide, "--message-body"),
                "--message-attributes", quotedArgument(guide, "--message-attributes"))
                .redirectErrorStream(true);
        AwsCli.withDummyCredentials(command.environment());
        Process aws = command.start();
        String output = new String(aws.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(aws.waitFor(2, TimeUnit.MINUTES)).as("aws exited").isTrue();
        assertThat(aws.exitValue()).as(output).isZero();

        Message message = ELASTIC_MQ.receive(queueUrl, 1).get(0);
        assertThat(output).contains(message.messageId());
        ParseResult result = new CloudEventsCodec(Clock.systemUTC()).decode(message.body());
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        Notification notification = ((ParseResult.Parsed) result).notification();
        assertThat(notification.target()).isEqualTo(Target.user(UserId.of("user-42")));
        assertThat(message.messageAttributes().get("type").stringValue()).isEqualTo(notification.type());
        assertThat(message.messageAttributes().get("target").stringValue()).isEqualTo("user:user-42");
    }

    /** The single-quoted value after {@code option} in the guide's {@code aws sqs send-message} example. */
    private static String quotedArgument(String guide, String option) {
        Matcher matcher = Pattern.compile(Pattern.quote(option) + " '([^']*)'").matcher(guide);
        assertThat(matcher.find()).as("%s in %s", option, GUIDE).isTrue();
        return matcher.group(1);
    }
}
