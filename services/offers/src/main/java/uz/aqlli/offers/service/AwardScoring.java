package uz.aqlli.offers.service;

import uz.aqlli.offers.AwardCriterion;
import uz.aqlli.offers.Bid;
import uz.aqlli.offers.ServiceRequest;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whether the bid a buyer awards is the one the published criterion ranks first. It is kept apart
 * from {@link Tendering} so the rule every bidder was promised can be checked without a server; an
 * award that is not the best one needs the buyer's written reason.
 */
final class AwardScoring {

    private AwardScoring() {
    }

    /** Whether the chosen bid's price equals the lowest active one (ties all count as lowest). */
    static boolean lowestPrice(List<Bid> active, Bid chosen) {
        return chosen.priceUzs().compareTo(lowest(active)) == 0;
    }

    /**
     * Whether the chosen bid is ranked first: under {@code LOWEST_PRICE} the lowest price, under
     * {@code PRICE_AND_QUALITY} the best weighted score, for which the buyer must have scored every
     * active bid's quality (400 naming {@code qualityScores} otherwise). A tie for first is first.
     */
    static boolean best(ServiceRequest request, List<Bid> active, Bid chosen, Map<UUID, Integer> qualityScores) {
        if (request.criterion() != AwardCriterion.PRICE_AND_QUALITY) {
            return lowestPrice(active, chosen);
        }
        for (Bid bid : active) {
            if (qualityScores == null || qualityScores.get(bid.id()) == null) {
                throw ProblemException.invalidField("qualityScores", "must score every active bid (missing " + bid.id() + ")");
            }
        }
        BigDecimal lowest = lowest(active);
        BigDecimal top = active.stream().map(bid -> score(request, bid, lowest, qualityScores.get(bid.id())))
                .max(Comparator.naturalOrder()).orElseThrow();
        return score(request, chosen, lowest, qualityScores.get(chosen.id())).compareTo(top) == 0;
    }

    /** Weighted score out of 100: price scores lowest/price of its weight, quality score/100 of its. */
    static BigDecimal score(ServiceRequest request, Bid bid, BigDecimal lowest, int quality) {
        BigDecimal price = lowest.divide(bid.priceUzs(), MathContext.DECIMAL64).multiply(BigDecimal.valueOf(request.priceWeight()));
        BigDecimal qualityPart = BigDecimal.valueOf(quality).multiply(BigDecimal.valueOf(request.qualityWeight()))
                .divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
        return price.add(qualityPart).setScale(6, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal lowest(List<Bid> active) {
        return active.stream().map(Bid::priceUzs).min(Comparator.naturalOrder()).orElseThrow();
    }
}
