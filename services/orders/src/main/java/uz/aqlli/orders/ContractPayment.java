package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payment the buyer says it made against one milestone: recorded, never moved, by the platform. */
@Embeddable
public class ContractPayment {

    @Column(name = "milestone_number", nullable = false)
    private int milestoneNumber;

    @Column(name = "amount_uzs", nullable = false)
    private BigDecimal amountUzs;

    @Column(name = "paid_on", nullable = false)
    private LocalDate paidOn;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected ContractPayment() {
    }

    ContractPayment(int milestoneNumber, BigDecimal amountUzs, LocalDate paidOn, String recordedBy, Instant recordedAt) {
        this.milestoneNumber = milestoneNumber;
        this.amountUzs = amountUzs;
        this.paidOn = paidOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public int milestoneNumber() { return milestoneNumber; }
    public BigDecimal amountUzs() { return amountUzs; }
    public LocalDate paidOn() { return paidOn; }
    public String recordedBy() { return recordedBy; }
    public Instant recordedAt() { return recordedAt; }
}
