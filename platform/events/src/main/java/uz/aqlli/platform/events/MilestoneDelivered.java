package uz.aqlli.platform.events;

import java.time.Instant;

/** The supplier marked a delivery milestone delivered; the buyer answers by {@code acceptanceDueAt} or it is accepted. */
public record MilestoneDelivered(
        ContractFacts contract,
        MilestoneFacts milestone,
        int documentCount,
        Instant deliveredAt,
        Instant acceptanceDueAt) implements ContractEvent {
}
