package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One month of a subscription order: delivered by the provider, accepted (or disputed) by the buyer. */
@Embeddable
public class SubscriptionMonth {

    @Column(name = "amount_uzs", nullable = false)
    private BigDecimal amountUzs;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MonthStatus status;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "acceptance_due_at")
    private Instant acceptanceDueAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "accepted_by")
    private String acceptedBy;

    @Column
    private String reason;

    /** The dispute over this month: while the month is DISPUTED the one that holds it, after that the last one. */
    @Column(name = "dispute_id")
    private UUID disputeId;

    /** What the month was accepted at when a dispute settled on part of it. */
    @Column(name = "settled_amount_uzs")
    private BigDecimal settledAmountUzs;

    protected SubscriptionMonth() {
    }

    static SubscriptionMonth scheduled(BigDecimal amountUzs) {
        SubscriptionMonth month = new SubscriptionMonth();
        month.amountUzs = Pricing.money(amountUzs);
        month.status = MonthStatus.SCHEDULED;
        return month;
    }

    void deliver(Instant now, Instant acceptanceDue) {
        status = MonthStatus.DELIVERED;
        deliveredAt = now;
        acceptanceDueAt = acceptanceDue;
    }

    void accept(String by, Instant now) {
        status = MonthStatus.ACCEPTED;
        acceptedAt = now;
        acceptedBy = by;
        acceptanceDueAt = null;
    }

    void freeze(UUID dispute) {
        status = MonthStatus.DISPUTED;
        disputeId = dispute;
        acceptanceDueAt = null;
    }

    void settle(String by, BigDecimal settledAmount, Instant now) {
        accept(by, now);
        settledAmountUzs = settledAmount;
    }

    /** Back to the provider, to deliver again in its turn. */
    void redo() {
        status = MonthStatus.SCHEDULED;
        deliveredAt = null;
    }

    void cancel() {
        status = MonthStatus.CANCELLED;
    }

    public BigDecimal amountUzs() {
        return amountUzs;
    }

    public MonthStatus status() {
        return status;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Instant acceptanceDueAt() {
        return acceptanceDueAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public String acceptedBy() {
        return acceptedBy;
    }

    public String reason() {
        return reason;
    }

    public UUID disputeId() {
        return disputeId;
    }

    public BigDecimal settledAmountUzs() {
        return settledAmountUzs;
    }
}
