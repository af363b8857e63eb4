package uz.aqlli.orders.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uz.aqlli.orders.RatingDeal;
import uz.aqlli.orders.repository.RatingRepository;

import java.time.Clock;

/**
 * Publishes the ratings of deals whose rating window has closed with only one party's rating. It
 * looks for every closed window, not for timers, so what closed while the service was down is
 * published on the first sweep after it starts, dated at the window's end.
 */
@ApplicationScoped
public class RatingSweep {

    private static final Logger LOG = Logger.getLogger(RatingSweep.class);

    /** The job's name, for operators (and tests) that pause and resume it. */
    public static final String JOB = "rating-publication";

    private final RatingRepository ratings;
    private final Ratings publication;
    private final Clock clock;

    RatingSweep(RatingRepository ratings, Ratings publication, Clock clock) {
        this.ratings = ratings;
        this.publication = publication;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "${aqlli.orders.sweep-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDue() {
        // One loop per kind of deal, as a deal is known by its kind and id and the loop hands on an id.
        for (RatingDeal.Kind kind : RatingDeal.Kind.values()) {
            DueSweep.each(() -> ratings.dueForPublication(kind, clock.instant(), 100), id -> publication.publishIfDue(kind, id), LOG,
                    "Could not publish the ratings of " + kind + " %s at the end of their window");
        }
    }
}
