package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A finished deal's ratings made public together: when both parties had rated, or when the rating
 * window closed with one (or, never, none). Until this event nothing of a rating leaves orders,
 * so no party rates knowing what the other wrote.
 *
 * @param dealKind    {@code ORDER} or {@code CONTRACT}
 * @param dealId      the order or contract (also the key and subject)
 * @param buyer       the order's or contract's buyer and where it sits
 * @param seller      the order's seller or the contract's supplier and where it sits
 * @param sector      the {@link Sector} of an order of products (of its largest line); {@code null} for a service order or a contract
 * @param serviceCategory the {@link ServiceCategory} of a service order's offer or of a contract's request; {@code null} for products
 * @param publishedBy {@code BOTH_RATED} or {@code WINDOW_CLOSED}
 * @param ratings     the deal's ratings, one per party at most
 */
public record RatingsPublished(
        String dealKind,
        UUID dealId,
        OrderParty buyer,
        OrderParty seller,
        String sector,
        String serviceCategory,
        String publishedBy,
        List<PublishedRating> ratings,
        Instant publishedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return dealId.toString();
    }

    /**
     * One party's rating of the other: 1–5 each for quality, timeliness and communication.
     *
     * @param raterId the organization that rated
     * @param ratedId the organization it rated
     */
    public record PublishedRating(UUID ratingId, UUID raterId, UUID ratedId, int quality, int timeliness, int communication,
                                  String text, Instant ratedAt) {
    }
}
