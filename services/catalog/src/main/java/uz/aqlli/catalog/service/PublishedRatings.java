package uz.aqlli.catalog.service;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uz.aqlli.catalog.RatingFigures;
import uz.aqlli.platform.events.RatingsPublished;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.runtime.consumer.Delivery;
import uz.aqlli.platform.runtime.consumer.EventDelivery;
import uz.aqlli.platform.runtime.consumer.Subscription;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;

import java.util.Optional;
import java.util.UUID;

/**
 * The directory's rating figures, from orders' {@code RatingsPublished}: only published ratings
 * ever reach catalog, so the figures cannot show what a party has not yet been allowed to see. The
 * inbox counts each event once; a deal's ratings are published once, in one event.
 */
@ApplicationScoped
public class PublishedRatings {

    static final String CONSUMER = "catalog-ratings";

    private final EventDelivery delivery;
    private final EntityManager entityManager;
    private final Subscription subscription;

    PublishedRatings(EventDelivery delivery, EntityManager entityManager) {
        this.delivery = delivery;
        this.entityManager = entityManager;
        this.subscription = Subscription.named(CONSUMER, Topic.CATALOG_DEAD_LETTERS)
                .on(Topic.RATINGS, RatingsPublished.class, this::published);
    }

    @Incoming("ratings")
    @Blocking
    public void onRatingEvent(ConsumerRecord<String, byte[]> record) {
        delivery.deliver(subscription, record);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void published(RatingsPublished event, Delivery at) {
        if (event.ratings() == null) {
            throw new MalformedEventException("ratings " + at.envelope().id() + " carry no list", null);
        }
        for (RatingsPublished.PublishedRating rating : event.ratings()) {
            if (rating.ratedId() == null || !score(rating.quality()) || !score(rating.timeliness()) || !score(rating.communication())) {
                throw new MalformedEventException("ratings " + at.envelope().id() + " hold a rating without its organization or a score outside 1-5", null);
            }
            figures(rating.ratedId()).add(rating.quality(), rating.timeliness(), rating.communication());
        }
        entityManager.flush();
    }

    /**
     * The organization's figures, locked: one consumer takes one record at a time, but two catalog
     * instances share the partitions, and two deals of one organization may sit in both.
     */
    private RatingFigures figures(UUID organization) {
        return Optional.ofNullable(entityManager.find(RatingFigures.class, organization, LockModeType.PESSIMISTIC_WRITE))
                .orElseGet(() -> {
                    entityManager.createNativeQuery("""
                                    insert into organization_rating (organization_id, ratings, quality_sum, timeliness_sum, communication_sum)
                                    values (:id, 0, 0, 0, 0) on conflict do nothing""")
                            .setParameter("id", organization).executeUpdate();
                    return entityManager.find(RatingFigures.class, organization, LockModeType.PESSIMISTIC_WRITE);
                });
    }

    /** The organization's published figures; none yet is zero ratings. */
    public RatingFigures of(UUID organization) {
        return Optional.ofNullable(entityManager.find(RatingFigures.class, organization)).orElseGet(() -> RatingFigures.none(organization));
    }

    private static boolean score(int value) {
        return value >= 1 && value <= 5;
    }
}
