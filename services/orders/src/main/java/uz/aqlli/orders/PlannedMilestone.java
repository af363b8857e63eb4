package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One milestone of one plan version. Versions are kept whole, so a milestone never changes. */
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

    public int planVersion() { return planVersion; }
    public int number() { return number; }
    public String title() { return title; }
    public MilestoneType type() { return type; }
    public BigDecimal amountUzs() { return amountUzs; }
    public LocalDate dueDate() { return dueDate; }
}
