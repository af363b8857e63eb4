package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One amendment as proposed and answered; its milestone changes are kept beside it
 * ({@link AmendedMilestone}). Public once proposed, as on Prozorro: the history is the record.
 */
@Embeddable
public class ContractAmendment {

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_by_side", nullable = false)
    private ContractSide proposedBySide;

    @Column(name = "proposed_by", nullable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AmendmentRationale rationale;

    @Column(nullable = false)
    private String description;

    /** The value it sets, or {@code null} when it changes only dates. */
    @Column(name = "new_value_uzs")
    private BigDecimal newValueUzs;

    /** The value in force before it, kept so the history reads without replaying it. */
    @Column(name = "previous_value_uzs", nullable = false)
    private BigDecimal previousValueUzs;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AmendmentStatus status;

    @Column(name = "answered_by")
    private String answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected ContractAmendment() {
    }

    ContractAmendment(int number, ContractSide side, String by, Instant at, AmendmentRationale rationale, String description,
                      BigDecimal newValueUzs, BigDecimal previousValueUzs) {
        this.number = number;
        this.proposedBySide = side;
        this.proposedBy = by;
        this.proposedAt = at;
        this.rationale = rationale;
        this.description = description;
        this.newValueUzs = newValueUzs;
        this.previousValueUzs = previousValueUzs;
        this.status = AmendmentStatus.PROPOSED;
    }

    void answer(AmendmentStatus status, String by, Instant at) {
        this.status = status;
        this.answeredBy = by;
        this.answeredAt = at;
    }

    public int number() { return number; }
    public ContractSide proposedBySide() { return proposedBySide; }
    public String proposedBy() { return proposedBy; }
    public Instant proposedAt() { return proposedAt; }
    public AmendmentRationale rationale() { return rationale; }
    public String description() { return description; }
    public BigDecimal newValueUzs() { return newValueUzs; }
    public BigDecimal previousValueUzs() { return previousValueUzs; }
    public AmendmentStatus status() { return status; }
    public String answeredBy() { return answeredBy; }
    public Instant answeredAt() { return answeredAt; }
}
