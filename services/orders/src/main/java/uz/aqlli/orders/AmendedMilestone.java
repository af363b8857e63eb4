package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What one amendment changes of one milestone of the signed plan: its amount, its due date, or both. */
@Embeddable
public class AmendedMilestone {

    @Column(name = "amendment_number", nullable = false)
    private int amendmentNumber;

    @Column(name = "milestone_number", nullable = false)
    private int milestoneNumber;

    @Column(name = "amount_uzs")
    private BigDecimal amountUzs;

    @Column(name = "due_date")
    private LocalDate dueDate;

    protected AmendedMilestone() {
    }

    AmendedMilestone(int amendmentNumber, int milestoneNumber, BigDecimal amountUzs, LocalDate dueDate) {
        this.amendmentNumber = amendmentNumber;
        this.milestoneNumber = milestoneNumber;
        this.amountUzs = amountUzs;
        this.dueDate = dueDate;
    }

    public int amendmentNumber() { return amendmentNumber; }
    public int milestoneNumber() { return milestoneNumber; }
    public BigDecimal amountUzs() { return amountUzs; }
    public LocalDate dueDate() { return dueDate; }
}
