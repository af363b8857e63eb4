package uz.aqlli.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.events.Topic;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Puts the platform's real event records on their topics as the outbox relay does (CloudEvents in
 * binary mode, keyed by aggregate, {@code source} the topic's producer), for consumers under test.
 * Records, never hand-written JSON: a contract change that a consumer does not follow breaks its
 * tests.
 */
public final class PlatformEvents {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PlatformEvents() {
    }

    /** Publishes {@code event} on its topic, dated now; returns its event id. */
    public static String publish(String kafka, IntegrationEvent event) {
        Topic topic = Topic.of(event.getClass());
        return publish(kafka, topic, event, topic.source(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Publishes {@code event} on {@code topic} as {@code source} at {@code time}, which need not be
     * what the platform allows (a forged source, a clock far off); returns its event id.
     */
    public static String publish(String kafka, Topic topic, IntegrationEvent event, String source, OffsetDateTime time) {
        String id = UUID.randomUUID().toString();
        publishAs(kafka, topic, id, event, source, time);
        return id;
    }

    /** The same with a given event id, to deliver one event twice. */
    public static void publishAs(String kafka, Topic topic, String eventId, IntegrationEvent event, String source,
                                 OffsetDateTime time) {
        try (Publisher publisher = publisher(kafka)) {
            publisher.publishAs(topic, eventId, event, source, time);
        }
    }

    /** One producer for many events (traffic), each as {@link #publish(String, IntegrationEvent)} would send it. */
    public static Publisher publisher(String kafka) {
        return new Publisher(kafka);
    }

    public static final class Publisher implements AutoCloseable {

        private final KafkaProducer<String, CloudEvent> producer;

        private Publisher(String kafka) {
            producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka, "acks", "all"),
                    new StringSerializer(), new CloudEventSerializer());
        }

        /** Publishes {@code event} on its topic, dated now; returns its event id once the broker has it. */
        public String publish(IntegrationEvent event) {
            Topic topic = Topic.of(event.getClass());
            String id = UUID.randomUUID().toString();
            publishAs(topic, id, event, topic.source(), OffsetDateTime.now(ZoneOffset.UTC));
            return id;
        }

        void publishAs(Topic topic, String eventId, IntegrationEvent event, String source, OffsetDateTime time) {
            CloudEvent cloudEvent;
            try {
                cloudEvent = CloudEventBuilder.v1()
                        .withId(eventId)
                        .withType(event.getClass().getSimpleName())
                        .withSource(URI.create(source))
                        .withSubject(event.aggregateId())
                        .withTime(time)
                        .withDataContentType("application/json")
                        .withData(JSON.writeValueAsBytes(event))
                        .build();
            } catch (Exception e) {
                throw new IllegalStateException("cannot write " + event, e);
            }
            try {
                producer.send(new ProducerRecord<>(topic.topicName(), event.aggregateId(), cloudEvent)).get();
            } catch (Exception e) {
                throw new IllegalStateException("cannot publish on " + topic.topicName(), e);
            }
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
