package uz.aqlli.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * The published ratings of one organization, as the directory shows them: how many, and the sums
 * of each score, from which the averages are read. Fed only by orders' {@code RatingsPublished}.
 */
@Entity
@Table(name = "organization_rating")
public class RatingFigures {

    @Id
    @Column(name = "organization_id")
    private UUID organizationId;

    @Column(nullable = false)
    private int ratings;

    @Column(name = "quality_sum", nullable = false)
    private int qualitySum;

    @Column(name = "timeliness_sum", nullable = false)
    private int timelinessSum;

    @Column(name = "communication_sum", nullable = false)
    private int communicationSum;

    protected RatingFigures() {
    }

    /** An organization nobody has rated yet (or whose ratings are not yet published). */
    public static RatingFigures none(UUID organizationId) {
        RatingFigures figures = new RatingFigures();
        figures.organizationId = organizationId;
        return figures;
    }

    public void add(int quality, int timeliness, int communication) {
        ratings++;
        qualitySum += quality;
        timelinessSum += timeliness;
        communicationSum += communication;
    }

    public int ratings() {
        return ratings;
    }

    public BigDecimal qualityAverage() {
        return average(qualitySum);
    }

    public BigDecimal timelinessAverage() {
        return average(timelinessSum);
    }

    public BigDecimal communicationAverage() {
        return average(communicationSum);
    }

    /** To two decimals, as a marketplace shows a star average; none without ratings. */
    private BigDecimal average(int sum) {
        return ratings == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_UP);
    }
}
