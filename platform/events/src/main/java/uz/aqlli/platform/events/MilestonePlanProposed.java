package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The supplier proposed a version of the contract's milestone plan; the amounts add up to the
 * contract's value exactly.
 *
 * @param planVersion 1 for the first proposal, one more for each after it
 */
public record MilestonePlanProposed(
        ContractFacts contract,
        int planVersion,
        List<Milestone> milestones,
        Instant proposedAt) implements ContractEvent {

    /** @param type {@code DELIVERY} or {@code PAYMENT} */
    public record Milestone(int number, String title, String type, BigDecimal amountUzs, LocalDate dueDate) {
    }
}
