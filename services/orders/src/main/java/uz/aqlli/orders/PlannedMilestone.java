package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    @Column(name = "amended_amount_uzs")
    private BigDecimal amendedAmountUzs;

    @Column(name = "amended_due_date")
    private LocalDate amendedDueDate;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "delivered_by")
    private String deliveredBy;

    @Column(name = "delivery_note")
    private String deliveryNote;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "delivery_documents")
    private List<String> deliveryDocuments;

    @Column(name = "accepted_amount_uzs")
    private BigDecimal acceptedAmountUzs;

    @Column(name = "met_at")
    private Instant metAt;

    @Column(name = "accepted_by")
    private String acceptedBy;

    @Column(name = "accepted_auto")
    private Boolean acceptedAuto;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "rejected_at")
    private Instant rejectedAt;

    @Column(name = "overdue_at")
    private Instant overdueAt;

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

    void deliver(String note, List<String> documents, String by, Instant at) {
        status = MilestoneStatus.DELIVERED;
        deliveryNote = note;
        deliveryDocuments = documents;
        deliveredBy = by;
        deliveredAt = at;
    }

    void accept(BigDecimal amount, String by, boolean automatic, Instant at) {
        status = amount.compareTo(amountUzs()) == 0 ? MilestoneStatus.MET : MilestoneStatus.PARTIALLY_MET;
        acceptedAmountUzs = amount;
        acceptedBy = by;
        acceptedAuto = automatic;
        metAt = at;
    }

    /** Back to scheduled, its due date as it was; the rejected delivery's reason stays on record. */
    void reject(String reason, Instant at) {
        status = MilestoneStatus.SCHEDULED;
        rejectionReason = reason;
        rejectedAt = at;
        deliveredAt = null;
        deliveredBy = null;
        deliveryNote = null;
        deliveryDocuments = null;
    }

    void overdue(Instant since) {
        overdueAt = since;
    }

    void amend(BigDecimal amount, LocalDate due) {
        if (amount != null) {
            amendedAmountUzs = amount;
        }
        if (due != null) {
            amendedDueDate = due;
        }
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
    /** The amount in force: an accepted amendment's, or else the signed plan's. */
    public BigDecimal amountUzs() { return amendedAmountUzs != null ? amendedAmountUzs : amountUzs; }
    /** The due date in force: an accepted amendment's, or else the signed plan's. */
    public LocalDate dueDate() { return amendedDueDate != null ? amendedDueDate : dueDate; }
    public BigDecimal plannedAmountUzs() { return amountUzs; }
    public LocalDate plannedDueDate() { return dueDate; }
    public boolean accepted() { return status == MilestoneStatus.MET || status == MilestoneStatus.PARTIALLY_MET; }
    public Instant deliveredAt() { return deliveredAt; }
    public String deliveredBy() { return deliveredBy; }
    public String deliveryNote() { return deliveryNote; }
    public List<String> deliveryDocuments() { return deliveryDocuments == null ? List.of() : List.copyOf(deliveryDocuments); }
    public BigDecimal acceptedAmountUzs() { return acceptedAmountUzs; }
    public Instant metAt() { return metAt; }
    public String acceptedBy() { return acceptedBy; }
    public boolean acceptedAutomatically() { return Boolean.TRUE.equals(acceptedAuto); }
    public String rejectionReason() { return rejectionReason; }
    public Instant rejectedAt() { return rejectedAt; }
    public Instant overdueAt() { return overdueAt; }
    public MilestoneStatus status() { return status; }
    public UUID disputeId() { return disputeId; }
    public boolean frozen() { return disputeId != null; }
}
