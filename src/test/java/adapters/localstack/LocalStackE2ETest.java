package adapters.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adapters.jose4j.LocalDevKeys;
import adapters.jose4j.TokenMinter;
import adapters.jose4j.TokenRequest;
import adapters.json.CloudEventsCodec;
import adapters.json.NotificationRequest;
import adapters.sqs.SqsNotificationPublisher;
import adapters.sqs.SqsSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.Connection;
import domain.ConnectionId;
import domain.Limits;
import domain.Principal;
import domain.Sleeper;
import domain.Target;
import domain.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ports.ConnectionRepository;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import testsupport.WebSocketTestClient;

/**
 * The running local stack, end to end, with real clients: the JDK's WebSocket client as the
 * browser, the producer library and the AWS SDK on the queue, the AWS CLI on @connections.
 */
class LocalStackE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static LocalStack stack;
    private static SqsClient sqs;
    private static SqsNotificationPublisher publisher;
    private final TokenMinter minter = LocalDevKeys.minter(Clock.systemUTC());
    private final String user = "u-" + UUID.randomUUID().toString().substring(0, 8);
    private final String claim = "C-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = LocalStack.start(LocalStackSettings.defaults()
                .forTests(Duration.ofMinutes(10), Duration.ofHours(2), Duration.ofSeconds(2)));
        sqs = SqsClient.builder().endpointOverride(stack.sqsEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        publisher = new SqsNotificationPublisher(sqs, new SqsSettings(stack.queueUrl(), Optional.of(stack.sqsEndpoint()),
                Region.US_EAST_1), new CloudEventsCodec(Clock.systemUTC()), Sleeper.REAL);
    }

    @AfterAll
    static void stopTheStack() {
        sqs.close();
        stack.close();
    }

    private String token(String... claims) {
        return minter.mint(TokenRequest.forSubject(user).withClaims(List.of(claims)).withTtl(Duration.ofHours(1)));
    }

    /** Connects as Herald's browser client does: the token offered as a subprotocol after {@code herald}. */
    private static WebSocketTestClient connectAsBrowser(String token) {
        return WebSocketTestClient.connect(stack.webSocketUri(), "herald", token);
    }

    private ConnectionRepository store() {
        return stack.inMemoryConnections().orElseThrow();
    }

    private WebSocketTestClient subscribedClient() throws InterruptedException {
        WebSocketTestClient client = connectAsBrowser(token(claim));
        client.send("{\"action\":\"subscribe\",\"claimId\":\"" + claim + "\"}");
        client.await(message -> message.contains("\"type\":\"subscribed\""), WAIT);
        return client;
    }

    private static void eventually(Runnable assertion) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    @Test
    void aBrowserThatSubscribes_receivesANotificationSentToItsClaim() throws Exception {
        try (WebSocketTestClient browser = subscribedClient()) {
            assertThat(browser.protocol()).isEqualTo("herald");

            publisher.publish(NotificationRequest.toClaim(claim, "export.completed", "e2e", new NotificationRequest.JsonText("{\"exportId\":\"e-1\"}")));

            assertThat(browser.await(message -> message.contains("\"claimid\":\"" + claim + "\""), WAIT))
                    .contains("\"type\":\"export.completed\"").contains("\"exportId\":\"e-1\"");
        }
    }

    @Test
    void aNotificationToAUser_reachesEveryConnectionOfThatUser() throws Exception {
        try (WebSocketTestClient phone = connectAsBrowser(token());
             WebSocketTestClient laptop = connectAsBrowser(token())) {
            eventually(() -> assertThat(store().audienceOf(Target.user(UserId.of(user)))).hasSize(2));

            publisher.publish(NotificationRequest.toUser(user, "upload.analyzed", "e2e", new NotificationRequest.JsonText("{}")));

            phone.await(message -> message.contains("upload.analyzed"), WAIT);
            laptop.await(message -> message.contains("upload.analyzed"), WAIT);
        }
    }

    @Test
    void aClientThatVanishedWithoutADisconnect_isEvictedWhenItsNextNotificationMeets410() throws Exception {
        ConnectionId vanished = ConnectionId.of("vanished-" + UUID.randomUUID());
        store().save(Connection.open(vanished, new Principal(UserId.of(user), Set.of()), Clock.systemUTC().instant(), Limits.DEFAULT));
        try (WebSocketTestClient live = connectAsBrowser(token())) {
            eventually(() -> assertThat(store().audienceOf(Target.user(UserId.of(user)))).hasSize(2));

            publisher.publish(NotificationRequest.toUser(user, "claim.paid", "e2e", new NotificationRequest.JsonText("{}")));

            live.await(message -> message.contains("claim.paid"), WAIT);
            eventually(() -> assertThat(store().find(vanished)).isEmpty());
            assertThat(store().audienceOf(Target.user(UserId.of(user)))).hasSize(1);
        }
    }

    @Test
    void aMalformedMessage_goesToTheDeadLetterQueueWithItsReason_andTheRestIsDelivered() throws Exception {
        String malformed = "<html>not a notification " + UUID.randomUUID() + "</html>";
        try (WebSocketTestClient browser = connectAsBrowser(token())) {
            eventually(() -> assertThat(store().audienceOf(Target.user(UserId.of(user)))).hasSize(1));

            sqs.sendMessage(request -> request.queueUrl(stack.queueUrl()).messageBody(malformed));
            publisher.publish(NotificationRequest.toUser(user, "after.the.poison", "e2e", new NotificationRequest.JsonText("{}")));

            browser.await(message -> message.contains("after.the.poison"), WAIT);
            Message deadLetter = awaitDeadLetter(malformed);
            assertThat(deadLetter.messageAttributes().get("herald-dead-letter-reason").stringValue()).startsWith("NOT_JSON");
        }
    }

    private static Message awaitDeadLetter(String body) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Message message : sqs.receiveMessage(request -> request.queueUrl(stack.deadLetterQueueUrl())
                    .messageAttributeNames("All").maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                if (message.body().equals(body)) {
                    return message;
                }
            }
        }
        throw new AssertionError("the malformed message never reached the dead-letter queue");
    }

    @Test
    void aBadToken_isRefusedAtTheUpgradeWith401_andNothingIsStored() {
        String forged = minter.mint(TokenRequest.forSubject(user).signedWithWrongKey());

        assertThatThrownBy(() -> WebSocketTestClient.attempt(stack.webSocketUri(), "herald", forged).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
        assertThat(store().audienceOf(Target.user(UserId.of(user)))).isEmpty();
    }

    @Test
    void aClientOfferingItsTokenWithoutHerald_isRefusedWithAReason_andNothingAnsweredContainsTheToken() {
        String token = token();

        for (URI uri : List.of(stack.webSocketUri(), URI.create(stack.webSocketUri() + "?token=" + token))) {
            String[] offered = uri.getQuery() == null ? new String[] {token} : new String[] {"chat"};
            assertThatThrownBy(() -> WebSocketTestClient.attempt(uri, offered).join())
                    .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class, refused -> {
                        assertThat(refused.getResponse().statusCode()).isEqualTo(400);
                        assertThat(String.valueOf(refused.getResponse().body()))
                                .contains("UNSUPPORTED_SUBPROTOCOL").doesNotContain(token);
                        assertThat(refused.getResponse().headers().map().values()).flatMap(values -> values)
                                .noneMatch(value -> value.contains(token));
                    });
        }
        assertThat(store().audienceOf(Target.user(UserId.of(user)))).isEmpty();
    }

    @Test
    void theDevEndpoints_answerThisMachine_butNotAnotherSitesPage() throws Exception {
        URI token = URI.create("http://localhost:" + stack.webSocketUri().getPort() + "/dev/token");
        String body = "{\"sub\":\"" + user + "\"}";
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> fromAScript = http.send(HttpRequest.newBuilder(token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> fromAnotherSite = http.send(HttpRequest.newBuilder(token).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(fromAScript.statusCode()).isEqualTo(200);
        assertThat(fromAnotherSite.statusCode()).isEqualTo(403);
        assertThat(fromAnotherSite.body()).doesNotContain("token\":");
    }

    @Test
    void aClientThatCloses_isForgottenThroughDisconnect() throws Exception {
        WebSocketTestClient browser = connectAsBrowser(token());
        eventually(() -> assertThat(store().audienceOf(Target.user(UserId.of(user)))).hasSize(1));

        browser.close();

        eventually(() -> assertThat(store().audienceOf(Target.user(UserId.of(user)))).isEmpty());
    }

    @Test
    void theAwsCli_postToConnection_reachesAConnectedClient() throws Exception {
        assumeTrue(onPath("aws"), "the AWS CLI is not installed");
        try (WebSocketTestClient browser = connectAsBrowser(token())) {
            eventually(() -> assertThat(store().audienceOf(Target.user(UserId.of(user)))).hasSize(1));
            String connectionId = store().audienceOf(Target.user(UserId.of(user))).get(0).connectionId().value();

            ProcessBuilder command = new ProcessBuilder("aws", "apigatewaymanagementapi", "post-to-connection",
                    "--endpoint-url", stack.managementEndpoint().toString(), "--connection-id=" + connectionId,
                    "--data", "hello from the AWS CLI", "--region", "us-east-1").redirectErrorStream(true);
            command.environment().put("AWS_ACCESS_KEY_ID", "local");
            command.environment().put("AWS_SECRET_ACCESS_KEY", "local");
            Process cli = command.start();
            String output = new String(cli.getInputStream().readAllBytes());
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.exitValue()).as(output).isZero();

            browser.await("hello from the AWS CLI"::equals, WAIT);
        }
    }

    private static boolean onPath(String command) {
        return List.of(System.getenv("PATH").split(":")).stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    @Test
    void aBrowserDroppedByTheServer_resumesAndGetsWhatItMissed_onceAndInOrder() throws Exception {
        String position;
        try (WebSocketTestClient browser = connectAsBrowser(token(claim))) {
            browser.send("{\"action\":\"subscribe\",\"claimId\":\"" + claim + "\"}");
            position = field(browser.await(message -> message.contains("\"type\":\"subscribed\""), WAIT), "position");
            dropFromTheServer(onlyConnectionOf(user));
            assertThat(browser.closeCode()).isEqualTo(1000);
        }
        for (int i = 1; i <= 3; i++) {
            publisher.publish(NotificationRequest.toClaim(claim, "export.completed", "e2e", new NotificationRequest.JsonText("{}"))
                    .withId("missed-" + i));
        }
        awaitTheQueueDrained();

        try (WebSocketTestClient browser = connectAsBrowser(token(claim))) {
            browser.send("{\"action\":\"subscribe\",\"claimId\":\"" + claim + "\",\"after\":\"" + position + "\"}");

            List<String> answer = browser.takeThrough(message -> message.contains("\"type\":\"resumed\""), WAIT);

            assertThat(answer.get(0)).contains("\"type\":\"subscribed\"");
            // In history order: SQS does not keep the send order, so the Notifier may record them in another.
            List<String> replayed = answer.subList(1, answer.size() - 1);
            assertThat(replayed).extracting(message -> field(message, "id"))
                    .containsExactlyInAnyOrder("missed-1", "missed-2", "missed-3");
            assertThat(replayed).extracting(message -> field(message, "heraldposition")).isSorted();
            assertThat(answer.subList(1, answer.size() - 1)).allSatisfy(event -> assertThat(event).contains("\"heraldposition\":\""));
            assertThat(answer.get(answer.size() - 1)).contains("\"complete\":true", "\"replayed\":3", "\"claimId\":\"" + claim + "\"");
        }
    }

    @Test
    void aGapLongerThanTheCap_resumesIncomplete() throws Exception {
        String position;
        try (WebSocketTestClient browser = connectAsBrowser(token())) {
            browser.send("{\"action\":\"resume\"}");
            position = field(browser.await(message -> message.contains("\"type\":\"resumed\""), WAIT), "position");
        }
        List<NotificationRequest> burst = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            burst.add(NotificationRequest.toUser(user, "export.completed", "e2e", new NotificationRequest.JsonText("{}")));
        }
        for (int from = 0; from < burst.size(); from += 10) {
            publisher.publishAll(burst.subList(from, Math.min(from + 10, burst.size())));
        }
        awaitTheQueueDrained();

        try (WebSocketTestClient browser = connectAsBrowser(token())) {
            browser.send("{\"action\":\"resume\",\"after\":\"" + position + "\"}");

            assertThat(browser.await(message -> message.contains("\"type\":\"resumed\""), WAIT))
                    .contains("\"target\":\"user\"", "\"complete\":false", "\"replayed\":100");
        }
    }

    private String onlyConnectionOf(String userId) {
        return store().audienceOf(Target.user(UserId.of(userId))).stream().map(recipient -> recipient.connectionId().value())
                .reduce((a, b) -> {
                    throw new AssertionError("more than one connection of " + userId);
                }).orElseThrow();
    }

    private static void dropFromTheServer(String connectionId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.managementEndpoint() + "/@connections/" + connectionId)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
    }

    /** Every sent message has been handled by the Notifier: none waiting, none in flight. */
    private static void awaitTheQueueDrained() throws InterruptedException {
        eventually(() -> assertThat(sqs.getQueueAttributes(request -> request.queueUrl(stack.queueUrl())
                .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings().values()).containsOnly("0"));
    }

    private static String field(String json, String name) {
        try {
            return new ObjectMapper().readTree(json).path(name).asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
