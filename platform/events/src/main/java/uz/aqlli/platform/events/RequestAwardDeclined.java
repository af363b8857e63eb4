package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The awarded supplier's manager refused to sign the contract: the award is void and the request
 * is back in the buyer's evaluation, the declining bid out of it. Only the declining bid is named,
 * and it was public since its award; nothing of the other bids is on this event.
 *
 * @param contractId the contract the supplier refused (orders' {@code ContractSigningRefused})
 * @param reason     the supplier's reason, as public as on the contract
 */
public record RequestAwardDeclined(
        UUID requestId,
        UUID buyerId,
        UUID bidId,
        UUID providerId,
        UUID contractId,
        String reason,
        Instant declinedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
