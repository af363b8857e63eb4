package uz.aqlli.orders.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uz.aqlli.orders.repository.ContractRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Contracts' milestones whose time passed: a delivery the buyer left unanswered past the acceptance
 * window is accepted (as of the window's end), a milestone past its due date and not delivered is
 * overdue (once). Like the orders' acceptance sweep it looks for everything already past, so what
 * passed while the service was down is handled on the first sweep after; frozen milestones are
 * left to their disputes.
 */
@ApplicationScoped
public class ContractSweep {

    private static final Logger LOG = Logger.getLogger(ContractSweep.class);

    /** The job's name, for operators (and tests) that pause and resume it. */
    public static final String JOB = "contract-sweep";

    private final ContractRepository contracts;
    private final Contracting contracting;
    private final OrderConfig config;
    private final Clock clock;

    ContractSweep(ContractRepository contracts, Contracting contracting, OrderConfig config, Clock clock) {
        this.contracts = contracts;
        this.contracting = contracting;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "${aqlli.orders.sweep-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = clock.instant();
        List<Object[]> due = new java.util.ArrayList<>();
        DueSweep.each(() -> ids(due, contracts.deliveredBy(now.minus(config.acceptanceWindow()), 100)),
                id -> forEach(due, id, contracting::acceptIfDue), LOG, "Could not accept a milestone of contract %s at its window's end");
        List<Object[]> late = new java.util.ArrayList<>();
        DueSweep.each(() -> ids(late, contracts.dueBefore(LocalDate.ofInstant(now, Ordering.UZBEKISTAN), 100)),
                id -> forEach(late, id, contracting::markOverdue), LOG, "Could not mark a milestone of contract %s overdue");
    }

    /** The contracts of the (contract, milestone) rows found, once each; the rows are kept for {@link #forEach}. */
    private static List<UUID> ids(List<Object[]> kept, List<Object[]> rows) {
        kept.addAll(rows);
        return rows.stream().map(row -> (UUID) row[0]).distinct().toList();
    }

    private static void forEach(List<Object[]> rows, UUID contract, java.util.function.BiConsumer<UUID, Integer> step) {
        rows.stream().filter(row -> contract.equals(row[0])).forEach(row -> step.accept(contract, ((Number) row[1]).intValue()));
    }
}
