package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/** An enterprise took a product off the public list; it can no longer be ordered. */
public record ProductWithdrawn(UUID productId, UUID enterpriseId, Instant withdrawnAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return productId.toString();
    }
}
