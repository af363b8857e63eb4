package uz.aqlli.platform.events;

import java.time.Instant;

/** The buyer rejected a delivery with a reason: the milestone is scheduled again, its due date unchanged. */
public record MilestoneRejected(
        ContractFacts contract,
        MilestoneFacts milestone,
        String reason,
        Instant rejectedAt) implements ContractEvent {
}
