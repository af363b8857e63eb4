package uz.aqlli.platform.runtime.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** How the outbox relay reaches Kafka and how much it sends at once. */
@ConfigMapping(prefix = "aqlli.outbox")
public interface OutboxConfig {

    /** Kafka brokers; the same setting the Kafka health check and consumers use. */
    @WithName("bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String bootstrapServers();

    @WithDefault("${quarkus.application.name}-outbox")
    String clientId();

    /** Rows sent per transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long one send may wait for the broker before the row is left for a later retry. */
    @WithDefault("5s")
    Duration sendTimeout();

    /** Sends of one row before it is parked for an operator. */
    @WithDefault("10")
    int maxAttempts();

    /** The wait after a row's first failed send; doubled after each further failure, up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration firstBackoff();

    /** Short enough that rows go soon after a broker outage ends. */
    @WithDefault("30s")
    Duration maxBackoff();
}
