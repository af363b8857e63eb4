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
 * @param publishedBy {@code BOTH_RATED} or {@code WINDOW_CLOSED}
 * @param ratings     the deal's ratings, one per party at most
 */
public record RatingsPublished(
        String dealKind,
        UUID dealId,
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
