package uz.aqlli.notifications.api;

import uz.aqlli.notifications.Notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification as its recipient reads it, in their language.
 *
 * @param sequence the feed's order and the live stream's event id
 * @param link     the console's page concerned
 */
public record FeedView(long sequence, UUID id, String kind, String subjectId, String text, String link, Instant createdAt,
                       boolean read) {

    static FeedView of(Notification notification, String language, String link) {
        return new FeedView(notification.sequence(), notification.id(), notification.kind().name(), notification.subjectId(),
                notification.text(language), link, notification.createdAt(), notification.readAt() != null);
    }
}
