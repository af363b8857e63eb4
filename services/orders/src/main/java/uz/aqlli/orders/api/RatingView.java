package uz.aqlli.orders.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import uz.aqlli.orders.Rating;

import java.time.Instant;
import java.util.UUID;

/**
 * A rating the caller may read ({@code service/Ratings} decides which): published, or the caller's
 * own organization's while hidden. The members who rated and responded are never shown.
 *
 * @param dealId the order or contract; left out of an organization's public list for an order,
 *               which only its parties and their administrations see
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RatingView(UUID id, String dealKind, UUID dealId, UUID raterId, UUID ratedId, int quality, int timeliness,
                         int communication, String text, Instant ratedAt, boolean published, Instant publishedAt,
                         String response, Instant respondedAt) {

    static RatingView of(Rating rating) {
        return of(rating, rating.dealId());
    }

    static RatingView inDirectory(Rating rating) {
        return of(rating, rating.dealKind() == uz.aqlli.orders.RatingDeal.Kind.ORDER ? null : rating.dealId());
    }

    private static RatingView of(Rating rating, UUID dealId) {
        return new RatingView(rating.id(), rating.dealKind().name(), dealId, rating.raterId(), rating.ratedId(), rating.quality(),
                rating.timeliness(), rating.communication(), rating.text(), rating.ratedAt(), rating.published(),
                rating.publishedAt(), rating.response(), rating.respondedAt());
    }
}
