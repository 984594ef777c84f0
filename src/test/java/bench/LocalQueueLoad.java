package bench;

import adapters.emulator.queue.LocalQueueSettings;
import adapters.emulator.queue.LocalQueues;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * What the embedded queue alone costs: the local stack's ElasticMQ, a producer sending {@code rate} messages/s in
 * batches of ten, and one consumer receiving and deleting as the event source does, all in this JVM. Prints the
 * process CPU (100 % is one core) every ten seconds, so the JIT's warm-up shows as well as the warm cost.
 * From the test class path, as {@link BenchmarkMain}: {@code java -cp ... bench.LocalQueueLoad [rate] [seconds]}.
 */
public final class LocalQueueLoad {
    private static final String BODY = "{\"specversion\":\"1.0\",\"id\":\"6f1c2a1e-5d3b-4a57-9d0e-2b7c1f0a9e11\","
            + "\"source\":\"herald-bench\",\"type\":\"bench.notification\",\"time\":\"2026-11-26T11:00:00Z\","
            + "\"claimid\":\"C-12345\",\"datacontenttype\":\"application/json\",\"data\":{\"t\":1,\"seq\":1}}";
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private LocalQueueLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        try (LocalQueues queues = LocalQueues.start(new LocalQueueSettings(Path.of("deploy/terraform"), "outbound", "127.0.0.1", 0,
                Map.of(), Optional.empty()));
             SqsClient sqs = SqsClient.builder().endpointOverride(queues.endpoint()).region(queues.region())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            run(sqs, queues.queueUrl(), rate, seconds);
        }
    }

    private static void run(SqsClient sqs, String queue, int rate, int seconds) throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(sqs, queue, received, consuming), "consumer");
        consumer.start();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<SendMessageBatchRequestEntry> batch = IntStream.range(0, 10)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(BODY).build()).toList();
        List<Future<?>> sends = new ArrayList<>();
        long start = System.nanoTime();
        long windowCpu = os.getProcessCpuTime();
        long windowReceived = 0;
        long sent = 0;
        for (long tick = start; tick < start + TimeUnit.SECONDS.toNanos(seconds); tick += TICK_NANOS) {
            for (; sent + 10 <= (tick + TICK_NANOS - start) * rate / 1_000_000_000L; sent += 10) {
                sends.add(senders.submit(() -> sqs.sendMessageBatch(send -> send.queueUrl(queue).entries(batch))));
            }
            if ((tick - start) / TICK_NANOS % 1_000 == 999) {
                long cpu = os.getProcessCpuTime();
                System.out.printf("%3d s: cpu %3.0f %%, received %,d%n", (tick - start) / 1_000_000_000L + 1,
                        (cpu - windowCpu) / 1e7 / 10, received.get() - windowReceived);
                windowCpu = cpu;
                windowReceived = received.get();
            }
            TimeUnit.NANOSECONDS.sleep(tick + TICK_NANOS - System.nanoTime());
        }
        for (Future<?> send : sends) {
            send.get();
        }
        while (received.get() < sent && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds + 60)) {
            Thread.sleep(10);
        }
        System.out.printf("sent %,d, received %,d at %,d/s over %d s%n", sent, received.get(), rate, seconds);
        consuming.set(false);
        consumer.join();
        senders.shutdown();
    }

    private static void consume(SqsClient sqs, String queue, AtomicLong received, AtomicBoolean consuming) {
        while (consuming.get()) {
            List<Message> messages = sqs.receiveMessage(receive -> receive.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All").messageSystemAttributeNamesWithStrings("All")).messages();
            if (!messages.isEmpty()) {
                received.addAndGet(messages.size());
                sqs.deleteMessageBatch(delete -> delete.queueUrl(queue).entries(IntStream.range(0, messages.size())
                        .mapToObj(i -> DeleteMessageBatchRequestEntry.builder().id(String.valueOf(i))
                                .receiptHandle(messages.get(i).receiptHandle()).build()).toList()));
            }
        }
    }
}
