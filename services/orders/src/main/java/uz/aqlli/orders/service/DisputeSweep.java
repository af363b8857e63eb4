package uz.aqlli.orders.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uz.aqlli.orders.repository.DisputeRepository;

import java.time.Clock;

/**
 * A dispute the other party did not answer within the response window goes to the administration
 * of the buyer's region by itself, as of the moment the window ended; a window that ran out while
 * the service was down is found on the first sweep after it starts.
 */
@ApplicationScoped
public class DisputeSweep {

    private static final Logger LOG = Logger.getLogger(DisputeSweep.class);

    /** The job's name, for operators (and tests) that pause and resume it. */
    public static final String JOB = "dispute-sweep";

    private final DisputeRepository disputes;
    private final Disputes handling;
    private final Clock clock;

    DisputeSweep(DisputeRepository disputes, Disputes handling, Clock clock) {
        this.disputes = disputes;
        this.handling = handling;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "${aqlli.orders.sweep-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateUnanswered() {
        DueSweep.each(() -> disputes.dueForEscalation(clock.instant(), 100), handling::escalateIfUnanswered, LOG,
                "Could not escalate dispute %s at the end of its response window");
    }
}
