package uz.aqlli.offers;

import uz.aqlli.platform.events.ServiceCategory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a buyer states in a request; checked against the server's rules before it is published. */
public record RequestTerms(
        ServiceCategory category,
        Map<String, String> title,
        Map<String, String> description,
        List<String> regions,
        BigDecimal budgetUzs,
        boolean budgetPublic,
        Instant deadline,
        AwardCriterion criterion,
        int priceWeight,
        int qualityWeight) {
}
