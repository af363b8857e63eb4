package uz.aqlli.orders;

import org.junit.jupiter.api.Test;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A rating's own rules, without servers: whom it rates, its window, its publication and its one response. */
class RatingRulesTest {

    static final UUID BUYER = UUID.randomUUID();
    static final UUID SELLER = UUID.randomUUID();
    static final Instant ENDED = Instant.parse("2026-11-02T09:00:00Z");
    static final RatingDeal DEAL = new RatingDeal(RatingDeal.Kind.ORDER, UUID.randomUUID(), BUYER, SELLER, ENDED);
    static final RatingScores SCORES = new RatingScores(4, 5, 3, "Yaxshi");

    @Test
    void eachPartyRatesTheOtherAndOnlyWithinTheWindow() {
        Rating bySeller = Rating.of(UUID.randomUUID(), DEAL, SELLER, "user", SCORES, Duration.ofDays(14), ENDED.plusSeconds(60));
        assertEquals(BUYER, bySeller.ratedId());
        assertEquals(ENDED.plus(Duration.ofDays(14)), bySeller.windowEndsAt());
        assertFalse(bySeller.published());

        assertThrows(IllegalArgumentException.class,
                () -> Rating.of(UUID.randomUUID(), DEAL, UUID.randomUUID(), "user", SCORES, Duration.ofDays(14), ENDED));
        ProblemException closed = assertThrows(ProblemException.class, () -> Rating.of(UUID.randomUUID(), DEAL, BUYER, "user", SCORES,
                Duration.ofDays(14), ENDED.plus(Duration.ofDays(14))));
        assertEquals("urn:aqlli:problem:rating-window-closed", closed.type());
    }

    @Test
    void publicationKeepsItsFirstMomentAndTheResponseComesOnceAfterIt() {
        Rating rating = Rating.of(UUID.randomUUID(), DEAL, BUYER, "user", SCORES, Duration.ofDays(14), ENDED.plusSeconds(1));
        assertThrows(IllegalStateException.class, () -> rating.respond("Rahmat", "seller-user", ENDED.plusSeconds(2)));
        Instant first = ENDED.plus(Duration.ofDays(1));
        rating.publish(first);
        rating.publish(first.plusSeconds(5));
        assertEquals(first, rating.publishedAt());
        rating.respond("Rahmat", "seller-user", first.plusSeconds(10));
        assertEquals("Rahmat", rating.response());
        assertThrows(ProblemException.class, () -> rating.respond("Yana", "seller-user", first.plusSeconds(20)));
        assertEquals("Rahmat", rating.response());
    }
}
