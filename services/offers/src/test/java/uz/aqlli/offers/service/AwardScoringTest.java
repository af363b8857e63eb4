package uz.aqlli.offers.service;

import org.junit.jupiter.api.Test;
import uz.aqlli.offers.AwardCriterion;
import uz.aqlli.offers.Bid;
import uz.aqlli.offers.BidTerms;
import uz.aqlli.offers.RequestTerms;
import uz.aqlli.offers.ServiceRequest;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.runtime.problem.Problem;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published award criterion: which bid ranks first, so that any other needs the buyer's reason. */
class AwardScoringTest {

    static final Instant PUBLISHED = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void underLowestPriceTheLowestPriceIsBestAndQualityScoresDoNotCount() {
        ServiceRequest request = request(AwardCriterion.LOWEST_PRICE, 100, 0);
        Bid cheap = bid("10000000.00");
        Bid dear = bid("11000000.00");
        List<Bid> active = List.of(dear, cheap);
        assertTrue(AwardScoring.best(request, active, cheap, null));
        assertFalse(AwardScoring.best(request, active, dear, Map.of(dear.id(), 100, cheap.id(), 0)));
        assertTrue(AwardScoring.lowestPrice(active, cheap));
        assertFalse(AwardScoring.lowestPrice(active, dear));
    }

    @Test
    void equalLowestPricesAreBothLowest() {
        ServiceRequest request = request(AwardCriterion.LOWEST_PRICE, 100, 0);
        Bid one = bid("5000000.00");
        Bid other = bid("5000000.0");
        List<Bid> active = List.of(one, other, bid("5000000.01"));
        assertTrue(AwardScoring.best(request, active, one, null));
        assertTrue(AwardScoring.best(request, active, other, null), "5000000.0 and 5000000.00 are one price");
    }

    @Test
    void theWeightedScoreIsPriceShareOfTheLowestPlusQualityOutOfAHundred() {
        ServiceRequest request = request(AwardCriterion.PRICE_AND_QUALITY, 60, 40);
        BigDecimal lowest = new BigDecimal("10000000.00");
        // 60 * 10/10 + 40 * 50/100 = 80; 60 * 10/11 + 40 * 95/100 = 54.545454… + 38.
        assertEquals(new BigDecimal("80.000000"), AwardScoring.score(request, bid("10000000.00"), lowest, 50));
        assertEquals(new BigDecimal("92.545455"), AwardScoring.score(request, bid("11000000.00"), lowest, 95));
        assertEquals(new BigDecimal("100.000000"), AwardScoring.score(request, bid("10000000.00"), lowest, 100));
        assertEquals(new BigDecimal("30.000000"), AwardScoring.score(request, bid("20000000.00"), lowest, 0));
    }

    @Test
    void underPriceAndQualityTheBestWeightedScoreIsBestEvenIfNotTheCheapest() {
        ServiceRequest request = request(AwardCriterion.PRICE_AND_QUALITY, 60, 40);
        Bid cheap = bid("10000000.00");
        Bid good = bid("11000000.00");
        List<Bid> active = List.of(cheap, good);
        Map<UUID, Integer> scores = Map.of(cheap.id(), 50, good.id(), 95);
        assertTrue(AwardScoring.best(request, active, good, scores));
        assertFalse(AwardScoring.best(request, active, cheap, scores));
        assertFalse(AwardScoring.lowestPrice(active, good), "the award event still says it was not the lowest price");
        // With price weighing everything, the cheap bid wins again.
        ServiceRequest priceOnly = request(AwardCriterion.PRICE_AND_QUALITY, 100, 0);
        assertTrue(AwardScoring.best(priceOnly, active, cheap, scores));
        assertFalse(AwardScoring.best(priceOnly, active, good, scores));
    }

    @Test
    void aTieForTheBestScoreIsBestForEach() {
        ServiceRequest request = request(AwardCriterion.PRICE_AND_QUALITY, 50, 50);
        Bid cheap = bid("10000000.00");
        Bid dear = bid("20000000.00");
        // 50 + 50 * 40/100 = 70; 25 + 50 * 90/100 = 70.
        Map<UUID, Integer> scores = Map.of(cheap.id(), 40, dear.id(), 90);
        assertTrue(AwardScoring.best(request, List.of(cheap, dear), cheap, scores));
        assertTrue(AwardScoring.best(request, List.of(cheap, dear), dear, scores));
    }

    @Test
    void everyActiveBidMustBeScoredNamingTheField() {
        ServiceRequest request = request(AwardCriterion.PRICE_AND_QUALITY, 60, 40);
        Bid scored = bid("10000000.00");
        Bid unscored = bid("11000000.00");
        Map<UUID, Integer> partial = new HashMap<>(Map.of(scored.id(), 70));
        for (Map<UUID, Integer> scores : java.util.Arrays.asList(null, Map.<UUID, Integer>of(), partial)) {
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> AwardScoring.best(request, List.of(scored, unscored), scored, scores));
            assertEquals(400, refused.status());
            assertEquals(List.of("qualityScores"), refused.errors().stream().map(Problem.FieldError::field).toList());
        }
    }

    private static ServiceRequest request(AwardCriterion criterion, int priceWeight, int qualityWeight) {
        return ServiceRequest.publish(UUID.randomUUID(), UUID.randomUUID(), new RequestTerms(ServiceCategory.ERP,
                Map.of("uz-Latn", "ERP"), Map.of("uz-Latn", "Ombor"), List.of("1706"), null, false,
                PUBLISHED.plusSeconds(5 * 24 * 3600), criterion, priceWeight, qualityWeight), PUBLISHED);
    }

    private static Bid bid(String price) {
        return Bid.submit(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), new BidTerms(new BigDecimal(price), 30, "Taklif"),
                PUBLISHED.plusSeconds(60));
    }
}
