package uz.aqlli.catalog;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The directory's rating figures, without servers: averages to two decimals over the published ratings. */
class RatingFiguresTest {

    @Test
    void averagesAreOverEveryPublishedRatingToTwoDecimals() {
        RatingFigures figures = RatingFigures.none(UUID.randomUUID());
        assertEquals(0, figures.ratings());
        assertNull(figures.qualityAverage());
        figures.add(5, 4, 1);
        figures.add(4, 4, 2);
        figures.add(4, 3, 2);
        assertEquals(3, figures.ratings());
        assertEquals(new BigDecimal("4.33"), figures.qualityAverage());
        assertEquals(new BigDecimal("3.67"), figures.timelinessAverage());
        assertEquals(new BigDecimal("1.67"), figures.communicationAverage());
    }
}
