package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/** One proposal of the milestone plan and the buyer's answer to it. */
@Embeddable
public class PlanVersion {

    @Column(name = "plan_version", nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStatus status;

    @Column(name = "proposed_by", nullable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Column(name = "answered_by")
    private String answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    /** The buyer's note asking for changes: between the parties only. */
    @Column(name = "change_note")
    private String changeNote;

    protected PlanVersion() {
    }

    PlanVersion(int number, String proposedBy, Instant proposedAt) {
        this.number = number;
        this.status = PlanStatus.PROPOSED;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
    }

    void answer(PlanStatus status, String by, String note, Instant at) {
        this.status = status;
        this.answeredBy = by;
        this.changeNote = note;
        this.answeredAt = at;
    }

    void supersede() {
        this.status = PlanStatus.SUPERSEDED;
    }

    public int number() { return number; }
    public PlanStatus status() { return status; }
    public String proposedBy() { return proposedBy; }
    public Instant proposedAt() { return proposedAt; }
    public String answeredBy() { return answeredBy; }
    public Instant answeredAt() { return answeredAt; }
    public String changeNote() { return changeNote; }
}
