package uz.aqlli.platform.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A milestone was neither delivered nor met by its due date (in Tashkent): once per milestone, as
 * of the start of the next day there, also when found after the service was down.
 */
public record MilestoneOverdue(
        ContractFacts contract,
        MilestoneFacts milestone,
        LocalDate dueDate,
        Instant overdueAt) implements ContractEvent {
}
