package uz.aqlli.offers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An enterprise's request for a digital service, tendered in the open: anyone reads it and its
 * answered questions; providers bid, sealed, until the deadline; the buyer then awards.
 */
@Entity
@Table(name = "service_request")
public class ServiceRequest {

    @Id
    private UUID id;

    @Column(name = "buyer_id", nullable = false)
    private UUID buyerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServiceCategory category;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> regions;

    @Column(name = "budget_uzs")
    private BigDecimal budgetUzs;

    @Column(name = "budget_public", nullable = false)
    private boolean budgetPublic;

    @Column(nullable = false)
    private Instant deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AwardCriterion criterion;

    @Column(name = "price_weight", nullable = false)
    private int priceWeight;

    @Column(name = "quality_weight", nullable = false)
    private int qualityWeight;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "awarded_bid_id")
    private UUID awardedBidId;

    @Column(name = "outcome_reason")
    private String outcomeReason;

    @Column(name = "decided_at")
    private Instant decidedAt;

    /** The first award: from then on the bids are public, and a declined award does not seal them again. */
    @Column(name = "disclosed_at")
    private Instant disclosedAt;

    @Version
    private long version;

    protected ServiceRequest() {
    }

    public static ServiceRequest publish(UUID id, UUID buyerId, RequestTerms terms, Instant now) {
        ServiceRequest request = new ServiceRequest();
        request.id = id;
        request.buyerId = buyerId;
        request.status = RequestStatus.OPEN;
        request.category = terms.category();
        request.title = Map.copyOf(terms.title());
        request.description = Map.copyOf(terms.description());
        request.regions = List.copyOf(terms.regions());
        request.budgetUzs = terms.budgetUzs();
        request.budgetPublic = terms.budgetUzs() != null && terms.budgetPublic();
        request.deadline = terms.deadline();
        request.criterion = terms.criterion();
        request.priceWeight = terms.priceWeight();
        request.qualityWeight = terms.qualityWeight();
        request.publishedAt = now;
        return request;
    }

    /** Open for questions and bids: not yet closed and the deadline, by the server's clock, still ahead. */
    public boolean openAt(Instant now) {
        return status == RequestStatus.OPEN && now.isBefore(deadline);
    }

    /** Due to be closed: still open although its deadline has passed. */
    public boolean dueAt(Instant now) {
        return status == RequestStatus.OPEN && !now.isBefore(deadline);
    }

    /** At the deadline: with bids to the buyer's evaluation, without any as unsuccessful. */
    public void close(int activeBids, Instant now) {
        if (!dueAt(now)) {
            throw new IllegalStateException("request " + id + " is not due");
        }
        closedAt = now;
        if (activeBids == 0) {
            status = RequestStatus.UNSUCCESSFUL;
            outcomeReason = "No bids were submitted by the deadline";
            decidedAt = now;
        } else {
            status = RequestStatus.EVALUATION;
        }
    }

    public void award(UUID bidId, String reason, Instant now) {
        requireEvaluation("award");
        status = RequestStatus.AWARDED;
        awardedBidId = bidId;
        outcomeReason = reason;
        decidedAt = now;
        if (disclosedAt == null) {
            disclosedAt = now;
        }
    }

    /**
     * The awarded supplier refused to sign: the award is void and the buyer evaluates again, as
     * after the deadline (awards the next bid or declares the request unsuccessful). What the
     * award made public stays public ({@link #disclosed()}).
     */
    public void awardDeclined(UUID bidId) {
        if (status != RequestStatus.AWARDED || !bidId.equals(awardedBidId)) {
            throw new IllegalStateException("request " + id + " is not awarded to bid " + bidId);
        }
        status = RequestStatus.EVALUATION;
        awardedBidId = null;
        outcomeReason = null;
        decidedAt = null;
    }

    /** Whether {@code bidId} is the award standing now, which its supplier's refusal would void. */
    public boolean awardedTo(UUID bidId) {
        return status == RequestStatus.AWARDED && bidId.equals(awardedBidId);
    }

    public void declareUnsuccessful(String reason, Instant now) {
        requireEvaluation("declare unsuccessful");
        status = RequestStatus.UNSUCCESSFUL;
        outcomeReason = reason;
        decidedAt = now;
    }

    public void cancel(String reason, Instant now) {
        if (status.ended()) {
            throw ProblemException.conflict("invalid-status-transition", "The request is already " + status + "; it cannot be cancelled");
        }
        status = RequestStatus.CANCELLED;
        outcomeReason = reason;
        decidedAt = now;
    }

    /** Refuses (409) unless the deadline has passed and the buyer has not yet decided. */
    public void requireEvaluation(String action) {
        if (status != RequestStatus.EVALUATION) {
            throw ProblemException.conflict("invalid-status-transition", status == RequestStatus.OPEN
                    ? "The tender is open until its deadline; the buyer can " + action + " only after it"
                    : "The request is " + status + "; the buyer can no longer " + action);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID buyerId() {
        return buyerId;
    }

    public RequestStatus status() {
        return status;
    }

    public ServiceCategory category() {
        return category;
    }

    public Map<String, String> title() {
        return title;
    }

    public Map<String, String> description() {
        return description;
    }

    public List<String> regions() {
        return regions;
    }

    public BigDecimal budgetUzs() {
        return budgetUzs;
    }

    public boolean budgetPublic() {
        return budgetPublic;
    }

    public Instant deadline() {
        return deadline;
    }

    public AwardCriterion criterion() {
        return criterion;
    }

    public int priceWeight() {
        return priceWeight;
    }

    public int qualityWeight() {
        return qualityWeight;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public UUID awardedBidId() {
        return awardedBidId;
    }

    public String outcomeReason() {
        return outcomeReason;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    /**
     * Whether an award has made the bids public: the award standing now, or one its supplier
     * declined. Open data and integrity published them with that award; sealing them again here
     * would hide only from the platform's own users what anyone can already read.
     */
    public boolean disclosed() {
        return disclosedAt != null;
    }

    public Instant disclosedAt() {
        return disclosedAt;
    }

    public long version() {
        return version;
    }
}
