package uz.aqlli.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One thing told to one user: the feed's row. {@code params} holds only what the kind's text names
 * (a title, an order's number, a milestone's number), never an event's payload.
 *
 * @param sequence orders the user's feed and is the live stream's event id
 * @param link     the console path of the page concerned
 */
public record Notification(long sequence, UUID id, String recipientUserId, NotificationKind kind, String subjectId, String link,
                           Map<String, Object> params, Instant createdAt, Instant readAt) {

    public String text(String language) {
        return Messages.text(language, kind.name(), params);
    }
}
