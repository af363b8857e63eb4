package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One milestone of one plan version. Versions are kept whole, so a milestone's terms never change;
 * only the signed version's milestones move on (delivered, accepted, overdue, frozen by a dispute),
 * and only by the contract's rules.
 */
@Embeddable
public class PlannedMilestone {

    @Column(name = "plan_version", nullable = false)
    private int planVersion;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MilestoneType type;

    @Column(name = "amount_uzs", nullable = false)
    private BigDecimal amountUzs;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MilestoneStatus status = MilestoneStatus.SCHEDULED;

    /** The dispute holding this milestone, if one does: no step and no sweep touches it meanwhile. */
    @Column(name = "dispute_id")
    private UUID disputeId;

    protected PlannedMilestone() {
    }

    PlannedMilestone(int planVersion, int number, String title, MilestoneType type, BigDecimal amountUzs, LocalDate dueDate) {
        this.planVersion = planVersion;
        this.number = number;
        this.title = title;
        this.type = type;
        this.amountUzs = amountUzs;
        this.dueDate = dueDate;
    }

    void freeze(UUID disputeId) {
        this.disputeId = disputeId;
    }

    void unfreeze() {
        this.disputeId = null;
    }

    public int planVersion() { return planVersion; }
    public int number() { return number; }
    public String title() { return title; }
    public MilestoneType type() { return type; }
    public BigDecimal amountUzs() { return amountUzs; }
    public LocalDate dueDate() { return dueDate; }
    public MilestoneStatus status() { return status; }
    public UUID disputeId() { return disputeId; }
    public boolean frozen() { return disputeId != null; }
}
