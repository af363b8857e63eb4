package uz.aqlli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uz.aqlli.launcher.Platform;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.events.OrganizationRegistered;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static uz.aqlli.bench.BenchPlatform.ms;
import static uz.aqlli.bench.BenchPlatform.passwordGrant;
import static uz.aqlli.bench.BenchPlatform.percentile;

/**
 * The lake's freshness (issue 14, docs/benchmarks.md): the platform started as {@code ./run} starts
 * it; organizations registered at a sustained rate (500 a second for 60 s) on catalog's topic, as
 * catalog's outbox relay publishes them after its commit; the republic's administration asking the
 * analytics API for the region's count over and over; the time from each event's publication to the
 * first answer that counts it (p50/p95/p99), beside Kafka's own end-to-end latency in the same run
 * (a consumer of its own: the record's producer timestamp to its receipt).
 *
 * <p>The count is of distinct organizations registered in one region no other event names, so the
 * i-th event is counted once an answer says i or more (with six partitions the lake may store them
 * a little out of order: a count then stands for that many events, whichever they are).
 */
public final class LakeFreshnessBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Surxondaryo: no demo organization is there, so every registration counted in it is the benchmark's. */
    private static final String REGION = "1722";

    private LakeFreshnessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("bench.rate", 500);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int total = rate * seconds;
        Path repo = BenchPlatform.repo();
        try (Platform platform = BenchPlatform.start(repo)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String token = passwordGrant(http, platform.realmUrl(), "aqlli-web", "admin1", "admin1");
            String countUrl = platform.gatewayUrl() + "/api/analytics/organizations/by-region?regionCode=" + REGION;
            long base = count(http, countUrl, token);
            System.out.printf("bench: %s organizations in %s before the run; %d events at %d/s%n", base, REGION, total, rate);

            long[] sentAt = new long[total];
            long[] countedAt = new long[total];
            List<Long> kafkaLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            Map<String, Long> ids = new ConcurrentHashMap<>();
            CountDownLatch consumerReady = new CountDownLatch(1);
            Thread kafkaWatcher = new Thread(() -> watchKafka(platform.kafkaBootstrapServers(), ids, kafkaLatencies, running, consumerReady));
            kafkaWatcher.start();
            consumerReady.await();

            AtomicLong polls = new AtomicLong();
            List<Long> pollTimes = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread poller = new Thread(() -> {
                int counted = 0;
                while (running.get() && counted < total) {
                    long started = System.nanoTime();
                    long now;
                    long seen;
                    try {
                        seen = count(http, countUrl, token) - base;
                        now = System.nanoTime();
                    } catch (Exception e) {
                        System.out.println("bench: a poll failed: " + e.getMessage());
                        continue;
                    }
                    polls.incrementAndGet();
                    pollTimes.add(now - started);
                    while (counted < Math.min(seen, total)) {
                        countedAt[counted++] = now;
                    }
                }
            });
            poller.start();

            Topic topic = Topic.ORGANIZATIONS;
            try (var producer = new KafkaProducer<String, CloudEvent>(Map.<String, Object>of("bootstrap.servers",
                    platform.kafkaBootstrapServers(), "acks", "all", "linger.ms", 0), new StringSerializer(), new CloudEventSerializer())) {
                long start = System.nanoTime();
                long interval = 1_000_000_000L / rate;
                for (int i = 0; i < total; i++) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    UUID organization = UUID.randomUUID();
                    Instant now = Instant.now();
                    OrganizationRegistered event = new OrganizationRegistered(organization, "ENTERPRISE", "Tezlik " + i, "3" + (10_000_000 + i),
                            REGION, REGION + "401", "NONE", null, List.of("TEXTILE_AND_GARMENTS"), List.of(), "+998710000000",
                            "bench" + i + "@example.uz", "PENDING", now);
                    String id = UUID.randomUUID().toString();
                    CloudEvent cloudEvent = CloudEventBuilder.v1().withId(id).withType(OrganizationRegistered.class.getSimpleName())
                            .withSource(URI.create(topic.source())).withSubject(organization.toString())
                            .withTime(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).withDataContentType("application/json")
                            .withData(JSON.writeValueAsBytes(event)).build();
                    sentAt[i] = System.nanoTime();
                    ids.put(id, sentAt[i]);
                    producer.send(new ProducerRecord<>(topic.topicName(), organization.toString(), cloudEvent));
                }
                producer.flush();
                System.out.printf("bench: %d events sent in %.1f s%n", total, (System.nanoTime() - start) / 1e9);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(Integer.getInteger("bench.drain", 120)).toNanos();
            while (countedAt[total - 1] == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            running.set(false);
            poller.join();
            kafkaWatcher.join();
            int counted = 0;
            while (counted < total && countedAt[counted] != 0) {
                counted++;
            }
            long[] freshness = new long[counted];
            for (int i = 0; i < counted; i++) {
                freshness[i] = countedAt[i] - sentAt[i];
            }
            long[] kafka = kafkaLatencies.stream().mapToLong(Long::longValue).toArray();
            long[] poll = pollTimes.stream().mapToLong(Long::longValue).toArray();
            System.out.printf("bench: %d of %d events counted by the API; %d polls%n", counted, total, polls.get());
            if (counted > 0) {
                System.out.printf("freshness (published -> counted by GET by-region): p50 %s, p95 %s, p99 %s, max %s%n",
                        ms(percentile(freshness, 50)), ms(percentile(freshness, 95)), ms(percentile(freshness, 99)), ms(percentile(freshness, 100)));
            }
            if (kafka.length > 0) {
                System.out.printf("kafka end to end (%d records; sent -> received by a consumer): p50 %s, p95 %s, p99 %s%n", kafka.length,
                        ms(percentile(kafka, 50)), ms(percentile(kafka, 95)), ms(percentile(kafka, 99)));
            }
            if (poll.length > 0) {
                System.out.printf("one API answer: p50 %s, p95 %s, p99 %s%n", ms(percentile(poll, 50)), ms(percentile(poll, 95)),
                        ms(percentile(poll, 99)));
            }
            System.out.println("datalake peak RSS: " + peakRss(platform));
        }
    }

    /** Kafka's own end-to-end latency: a consumer of its own, from the moment each event was handed to the producer to its receipt. */
    private static void watchKafka(String bootstrap, Map<String, Long> ids, List<Long> latencies, AtomicBoolean running,
                                   CountDownLatch ready) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "group.id", "bench-freshness-" + UUID.randomUUID(), "auto.offset.reset", "latest", "enable.auto.commit", false,
                "fetch.max.wait.ms", 10), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topic.ORGANIZATIONS.topicName()));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            ready.countDown();
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long received = System.nanoTime();
                    var header = record.headers().lastHeader("ce_id");
                    Long sent = header == null ? null : ids.get(new String(header.value(), StandardCharsets.UTF_8));
                    if (sent != null) {
                        latencies.add(received - sent);
                    }
                }
            }
        } catch (RuntimeException e) {
            ready.countDown();
            System.out.println("bench: the Kafka watcher stopped: " + e);
        }
    }

    private static long count(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + answer.statusCode() + " " + answer.body());
        }
        long organizations = 0;
        for (JsonNode region : JSON.readTree(answer.body())) {
            organizations += region.path("organizations").asLong();
        }
        return organizations;
    }

    private static String peakRss(Platform platform) {
        for (ProcessHandle process : platform.processes()) {
            String command = process.info().commandLine().orElse("");
            if (command.contains("datalake")) {
                try {
                    return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                            .filter(line -> line.startsWith("VmHWM")).findFirst().orElse("unknown").replaceAll("\\s+", " ");
                } catch (Exception e) {
                    return "unknown (" + e.getMessage() + ")";
                }
            }
        }
        return "unknown (no datalake process)";
    }

}
