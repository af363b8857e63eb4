package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/** The buyer cancelled the request, with a reason, before any award. */
public record RequestCancelled(UUID requestId, UUID buyerId, String previousStatus, String reason, Instant cancelledAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
