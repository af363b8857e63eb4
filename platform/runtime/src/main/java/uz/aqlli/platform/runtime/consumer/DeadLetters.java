package uz.aqlli.platform.runtime.consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uz.aqlli.platform.runtime.outbox.OutboxConfig;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps a record no consumer can ever handle on the subscription's dead-letter topic, as it came
 * (key, value, headers), with why and where from in {@code dead-letter-*} headers, so that an
 * operator can read it, fix the cause and replay it. The send is acknowledged by all replicas
 * before the consumer moves on.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String CONSUMER = "dead-letter-consumer";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private final OutboxConfig config;
    private volatile KafkaProducer<String, byte[]> producer;

    DeadLetters(OutboxConfig config) {
        this.config = config;
    }

    void send(Subscription subscription, ConsumerRecord<String, byte[]> record, String reason) {
        var letter = new ProducerRecord<>(subscription.deadLetters().topicName(), record.key(), record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        letter.headers().add(REASON, bytes(reason));
        letter.headers().add(CONSUMER, bytes(subscription.consumer()));
        letter.headers().add(TOPIC, bytes(record.topic()));
        letter.headers().add(PARTITION, bytes(String.valueOf(record.partition())));
        letter.headers().add(OFFSET, bytes(String.valueOf(record.offset())));
        try {
            producer().send(letter).get(config.sendTimeout().toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letter not kept on " + letter.topic() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keeping a dead letter", e);
        }
    }

    /** Made on first use: most services never dead-letter anything. */
    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.CLIENT_ID_CONFIG, config.clientId() + "-dead-letters",
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.sendTimeout().toMillis(),
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis(),
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis() + 1000),
                            new StringSerializer(), new ByteArraySerializer());
                }
            }
        }
        return producer;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
