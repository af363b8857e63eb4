package uz.aqlli.platform.runtime.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.Wellness;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which consumers are holding a record they cannot apply yet, for operators: the wellness check
 * ({@code /q/health/well}) is DOWN while one is held, and the gauge
 * {@code aqlli_consumer_held_attempts{consumer}} counts the failed attempts on the held record.
 * A held consumer is not "not ready": it is waiting for its database, and will catch up by itself.
 */
// @Default as well: @Wellness alone would leave the bean injectable only as a health check.
@Wellness
@Default
@ApplicationScoped
public class ConsumerStates implements HealthCheck {

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Map<String, Boolean> metered = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    ConsumerStates(MeterRegistry registry) {
        this.registry = registry;
    }

    void held(String consumer, ConsumerRecord<?, ?> record, int attempts, Throwable cause) {
        Held previous = held.get(consumer);
        Instant since = previous != null && previous.offset == record.offset() && previous.partition == record.partition()
                && previous.topic.equals(record.topic()) ? previous.since : Instant.now();
        held.put(consumer, new Held(record.topic(), record.partition(), record.offset(), attempts, since,
                EventDelivery.describe(cause)));
        metered.computeIfAbsent(consumer, name -> {
            Gauge.builder("aqlli.consumer.held.attempts", held, states -> {
                        Held state = states.get(name);
                        return state == null ? 0 : state.attempts;
                    })
                    .tag("consumer", name)
                    .description("Failed attempts on the record this consumer is holding (0: moving)")
                    .register(registry);
            return true;
        });
    }

    void moving(String consumer) {
        held.remove(consumer);
    }

    /** What is held now, by consumer. */
    public Map<String, Held> held() {
        return Map.copyOf(held);
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("event consumers").status(held.isEmpty());
        held.forEach((consumer, state) -> response.withData(consumer, "holds " + state.topic + "-" + state.partition + "@"
                + state.offset + " since " + state.since + " after " + state.attempts + " failed attempts: " + state.lastError));
        return response.build();
    }

    public record Held(String topic, int partition, long offset, int attempts, Instant since, String lastError) {
    }
}
