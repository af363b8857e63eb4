package uz.aqlli.platform.runtime.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a first answer is kept for its key, and how the old ones go. */
@ConfigMapping(prefix = "aqlli.idempotency")
public interface IdempotencyConfig {

    /** The least the platform promises clients (issue 12: at least 24 hours). */
    Duration LEAST_RETENTION = Duration.ofHours(24);

    /** How long a key answers with its first answer; after that it is a new key. At least {@link #LEAST_RETENTION}. */
    @WithDefault("PT24H")
    Duration retention();

    /** How often {@link IdempotencyPurge} runs (its schedule reads this property). */
    @WithDefault("10m")
    Duration purgeInterval();

    /** Rows deleted per purge transaction: small, so that a purge never holds many rows locked at once. */
    @WithDefault("500")
    int purgeBatchSize();

    /**
     * {@code retention} if it keeps the promise; a shorter one would let a client's retry within the
     * day run twice, so the service refuses to start with it.
     */
    static Duration checkedRetention(Duration retention) {
        if (retention.compareTo(LEAST_RETENTION) < 0) {
            throw new IllegalStateException("aqlli.idempotency.retention is " + retention + "; keys must be kept at least "
                    + LEAST_RETENTION + ", since clients are told they may retry for that long");
        }
        return retention;
    }
}
