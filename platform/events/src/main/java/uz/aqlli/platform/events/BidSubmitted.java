package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A sealed bid was submitted or revised. It carries neither price, proposal nor bidder: until the
 * deadline nobody but the bidder may know them, and this topic is read by others.
 *
 * @param revision 0 for the first submission, then 1, 2, … for each revision
 */
public record BidSubmitted(UUID requestId, UUID bidId, int revision, Instant submittedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
