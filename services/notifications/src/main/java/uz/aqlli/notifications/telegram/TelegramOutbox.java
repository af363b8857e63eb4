package uz.aqlli.notifications.telegram;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Telegram messages to send, recorded in the caller's transaction; {@link TelegramRelay} sends them.
 * The mail outbox's shape (platform/runtime mail/) for a second channel: kept here, not made a
 * generic "delivery outbox" in the runtime, since mail's relay would have to change for it.
 */
@ApplicationScoped
public class TelegramOutbox {

    /** Fired on append; observed after the commit to send at once. */
    public record Queued(UUID id) {
    }

    private final EntityManager entityManager;
    private final Event<Queued> queued;

    TelegramOutbox(EntityManager entityManager, Event<Queued> queued) {
        this.entityManager = entityManager;
        this.queued = queued;
    }

    /** Queues {@code text} to {@code chatId}, once per notification ({@code null}: a message of no notification). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID notificationId, long chatId, String text) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        entityManager.createNativeQuery("""
                        insert into telegram_outbox (id, notification_id, chat_id, text, created_at, next_attempt_at)
                        values (:id, :notification, :chat, :text, :now, :now) on conflict (notification_id) do nothing""")
                .setParameter("id", id).setParameter("notification", notificationId).setParameter("chat", chatId)
                .setParameter("text", text).setParameter("now", now).executeUpdate();
        queued.fire(new Queued(id));
    }
}
