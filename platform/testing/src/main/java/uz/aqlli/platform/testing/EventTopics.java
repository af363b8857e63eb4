package uz.aqlli.platform.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads and writes the real broker's topics directly, to check what services publish and to feed consumers. */
public final class EventTopics {

    private EventTopics() {
    }

    /** Waits until a record on {@code topic} matches, reading the topic from its beginning. */
    public static Optional<ConsumerRecord<String, byte[]>> await(String bootstrapServers, String topic,
                                                                 Predicate<ConsumerRecord<String, byte[]>> match,
                                                                 Duration timeout) {
        return all(bootstrapServers, topic, timeout, match).stream().filter(match).findFirst();
    }

    /** Everything on {@code topic} read within {@code timeout}; stops early once {@code enough} matches a record. */
    public static List<ConsumerRecord<String, byte[]>> all(String bootstrapServers, String topic, Duration timeout,
                                                           Predicate<ConsumerRecord<String, byte[]>> enough) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    if (enough.test(record)) {
                        return records;
                    }
                }
            }
        }
        return records;
    }

    public static void send(String bootstrapServers, String topic, String key, byte[] value, Map<String, String> headers) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers, "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, headerValue) -> record.headers().add(new RecordHeader(name, headerValue.getBytes())));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value());
    }
}
