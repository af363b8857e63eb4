package uz.aqlli.offers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A provider's sealed bid on a service request. Who may read its price and proposal depends on
 * the request's stage (see {@code service/BidSeal}); the bid itself never decides that.
 */
@Entity
@Table(name = "bid")
public class Bid {

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false)
    private UUID requestId;

    @Column(name = "provider_id", nullable = false)
    private UUID providerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BidStatus status;

    @Column(name = "price_uzs", nullable = false)
    private BigDecimal priceUzs;

    @Column(name = "duration_days", nullable = false)
    private int durationDays;

    @Column(nullable = false)
    private String proposal;

    @Column(nullable = false)
    private int revision;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "revised_at")
    private Instant revisedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "award_declined_at")
    private Instant awardDeclinedAt;

    @Version
    private long version;

    protected Bid() {
    }

    public static Bid submit(UUID id, UUID requestId, UUID providerId, BidTerms terms, Instant now) {
        Bid bid = new Bid();
        bid.id = id;
        bid.requestId = requestId;
        bid.providerId = providerId;
        bid.status = BidStatus.ACTIVE;
        bid.priceUzs = terms.priceUzs();
        bid.durationDays = terms.durationDays();
        bid.proposal = terms.proposal();
        bid.submittedAt = now;
        return bid;
    }

    public void revise(BidTerms terms, Instant now) {
        priceUzs = terms.priceUzs();
        durationDays = terms.durationDays();
        proposal = terms.proposal();
        revision++;
        revisedAt = now;
    }

    public void withdraw(Instant now) {
        status = BidStatus.WITHDRAWN;
        withdrawnAt = now;
    }

    /** Its supplier refused to sign the contract of its award: it cannot be awarded again. */
    public void declineAward(Instant now) {
        status = BidStatus.DECLINED_AWARD;
        awardDeclinedAt = now;
    }

    public boolean active() {
        return status == BidStatus.ACTIVE;
    }

    /**
     * Whether its price is as open as an active bid's once the request is evaluated: a bid that
     * declined its award was named with its price in {@code RequestAwarded}, so it stays readable.
     */
    public boolean revealed() {
        return status == BidStatus.ACTIVE || status == BidStatus.DECLINED_AWARD;
    }

    public UUID id() {
        return id;
    }

    public UUID requestId() {
        return requestId;
    }

    public UUID providerId() {
        return providerId;
    }

    public BidStatus status() {
        return status;
    }

    public BigDecimal priceUzs() {
        return priceUzs;
    }

    public int durationDays() {
        return durationDays;
    }

    public String proposal() {
        return proposal;
    }

    public int revision() {
        return revision;
    }

    /** When the bid last changed: its submission or latest revision. */
    public Instant lastSubmittedAt() {
        return revisedAt != null ? revisedAt : submittedAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant revisedAt() {
        return revisedAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public Instant awardDeclinedAt() {
        return awardDeclinedAt;
    }

    public long version() {
        return version;
    }
}
