package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One party's rating of the other after a finished deal: 1–5 for quality, timeliness and
 * communication, and a text. Written once and never changed; hidden until the deal's ratings are
 * published together, after which the rated party may answer it once, in public.
 */
@Entity
@Table(name = "rating")
public class Rating {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "deal_kind", nullable = false)
    private RatingDeal.Kind dealKind;

    @Column(name = "deal_id", nullable = false)
    private UUID dealId;

    @Column(name = "rater_id", nullable = false)
    private UUID raterId;

    @Column(name = "rated_id", nullable = false)
    private UUID ratedId;

    @Column(name = "rated_by", nullable = false)
    private String ratedBy;

    @Column(nullable = false)
    private short quality;

    @Column(nullable = false)
    private short timeliness;

    @Column(nullable = false)
    private short communication;

    @Column(nullable = false)
    private String text;

    @Column(name = "rated_at", nullable = false)
    private Instant ratedAt;

    @Column(name = "window_ends_at", nullable = false)
    private Instant windowEndsAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    private String response;

    @Column(name = "responded_by")
    private String respondedBy;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Version
    private long version;

    protected Rating() {
    }

    /**
     * @param window how long after the deal's end the parties may rate; past it, nobody can
     */
    public static Rating of(UUID id, RatingDeal deal, UUID rater, String user, RatingScores scores, Duration window, Instant now) {
        UUID rated = deal.counterpartOf(rater).orElseThrow(() -> new IllegalArgumentException(rater + " is no party of " + deal.id()));
        Instant windowEnds = deal.endedAt().plus(window);
        if (!now.isBefore(windowEnds)) {
            throw ProblemException.conflict("rating-window-closed", deal.kind().field(), "The rating window of this deal closed at " + windowEnds
                    + "; it can no longer be rated");
        }
        Rating rating = new Rating();
        rating.id = id;
        rating.dealKind = deal.kind();
        rating.dealId = deal.id();
        rating.raterId = rater;
        rating.ratedId = rated;
        rating.ratedBy = user;
        rating.quality = (short) scores.quality();
        rating.timeliness = (short) scores.timeliness();
        rating.communication = (short) scores.communication();
        rating.text = scores.text();
        rating.ratedAt = now;
        rating.windowEndsAt = windowEnds;
        return rating;
    }

    public void publish(Instant at) {
        if (publishedAt == null) {
            publishedAt = at;
        }
    }

    /** The rated party's one public answer; a second is refused, as an answer before publication. */
    public void respond(String answer, String user, Instant now) {
        if (publishedAt == null) {
            throw new IllegalStateException("rating " + id + " is not published");
        }
        if (response != null) {
            throw ProblemException.conflict("already-responded", "response", "Rating " + id + " has its response already; a response is posted once");
        }
        response = answer;
        respondedBy = user;
        respondedAt = now;
    }

    public boolean published() {
        return publishedAt != null;
    }

    public UUID id() { return id; }
    public RatingDeal.Kind dealKind() { return dealKind; }
    public UUID dealId() { return dealId; }
    public UUID raterId() { return raterId; }
    public UUID ratedId() { return ratedId; }
    public int quality() { return quality; }
    public int timeliness() { return timeliness; }
    public int communication() { return communication; }
    public String text() { return text; }
    public Instant ratedAt() { return ratedAt; }
    public Instant windowEndsAt() { return windowEndsAt; }
    public Instant publishedAt() { return publishedAt; }
    public String response() { return response; }
    public Instant respondedAt() { return respondedAt; }
}
