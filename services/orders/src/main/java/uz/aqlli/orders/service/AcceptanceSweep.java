package uz.aqlli.orders.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uz.aqlli.orders.repository.OrderRepository;

import java.time.Clock;

/**
 * Deliveries the buyer did not answer within the acceptance window count as accepted. The sweep
 * looks for every order whose window has passed, not for timers set at delivery, so what passed
 * while the service was down is accepted on the first sweep after it starts.
 */
@ApplicationScoped
public class AcceptanceSweep {

    private static final Logger LOG = Logger.getLogger(AcceptanceSweep.class);

    private final OrderRepository orders;
    private final Fulfilment fulfilment;
    private final Clock clock;

    AcceptanceSweep(OrderRepository orders, Fulfilment fulfilment, Clock clock) {
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.clock = clock;
    }

    /** The job's name, for operators (and tests) that pause and resume it. */
    public static final String JOB = "acceptance-sweep";

    @Scheduled(identity = JOB, every = "${aqlli.orders.sweep-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void acceptDue() {
        DueSweep.each(() -> orders.dueForAcceptance(clock.instant(), 100), fulfilment::acceptIfDue, LOG,
                "Could not accept order %s at the end of its acceptance window");
    }
}
