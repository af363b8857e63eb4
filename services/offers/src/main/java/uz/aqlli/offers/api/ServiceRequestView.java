package uz.aqlli.offers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import uz.aqlli.offers.ServiceRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A service request as the API shows it. A private budget appears for the buyer only; the bid
 * count for the buyer and, after the award, for everyone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceRequestView(UUID id, UUID buyerId, String status, String category, Map<String, String> title,
                                 Map<String, String> description, List<String> regions, BigDecimal budgetUzs,
                                 boolean budgetPublic, Instant deadline, String criterion, int priceWeight, int qualityWeight,
                                 Instant publishedAt, Instant closedAt, UUID awardedBidId, String outcomeReason,
                                 Instant decidedAt, Long bidCount) {

    static ServiceRequestView of(ServiceRequest request, boolean buyer, Long bidCount) {
        return new ServiceRequestView(request.id(), request.buyerId(), request.status().name(), request.category().name(),
                request.title(), request.description(), request.regions(),
                request.budgetPublic() || buyer ? request.budgetUzs() : null, request.budgetPublic(), request.deadline(),
                request.criterion().name(), request.priceWeight(), request.qualityWeight(), request.publishedAt(),
                request.closedAt(), request.awardedBidId(), request.outcomeReason(), request.decidedAt(), bidCount);
    }
}
