package uz.aqlli.notifications.telegram;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import uz.aqlli.notifications.service.NotificationConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends the Telegram outbox with {@code sendMessage}, as the mail relay sends mail: a batch claimed
 * in a short transaction (its next attempt moved past the time it may take), each message sent with
 * no transaction open and its outcome recorded in one of its own. A failure waits a back-off that
 * doubles up to {@code max-backoff}; Telegram's 429 waits its {@code retry_after} and ends the batch
 * (the limit is the bot's, not the message's). Mail has its own relay, so neither holds up the other.
 */
@ApplicationScoped
public class TelegramRelay {

    private static final Logger LOG = Logger.getLogger(TelegramRelay.class);
    private static final int BATCH = 20;

    private final EntityManager entityManager;
    private final BotApi bot;
    private final NotificationConfig config;
    private final ReentrantLock draining = new ReentrantLock();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "telegram-relay");
        thread.setDaemon(true);
        return thread;
    });

    TelegramRelay(EntityManager entityManager, BotApi bot, NotificationConfig config) {
        this.entityManager = entityManager;
        this.bot = bot;
        this.config = config;
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TelegramOutbox.Queued queued) {
        wakeups.execute(this::drain);
    }

    @Scheduled(every = "${aqlli.notifications.telegram.sweep-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        drain();
    }

    public void drain() {
        if (!bot.configured() || !draining.tryLock()) {
            return;
        }
        try {
            while (true) {
                List<Object[]> due = QuarkusTransaction.requiringNew().call(this::claim);
                for (Object[] row : due) {
                    if (!send(row)) {
                        UUID failed = (UUID) row[0];
                        QuarkusTransaction.requiringNew().run(() -> release(due, failed));
                        return;
                    }
                }
                if (due.size() < BATCH) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Telegram relay could not read its outbox (%s); the next sweep tries again", e.getMessage());
        } finally {
            draining.unlock();
        }
    }

    private List<Object[]> claim() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager.createNativeQuery("""
                        select id, chat_id, text, attempts from telegram_outbox
                        where sent_at is null and next_attempt_at <= :now order by next_attempt_at, created_at
                        limit :limit for update skip locked""")
                .setParameter("now", now).setParameter("limit", BATCH).getResultList();
        if (!due.isEmpty()) {
            entityManager.createNativeQuery("update telegram_outbox set next_attempt_at = :until where id in (:ids)")
                    .setParameter("until", now.plusSeconds(15L * (due.size() + 1)))
                    .setParameter("ids", due.stream().map(row -> (UUID) row[0]).toList()).executeUpdate();
        }
        return due;
    }

    private boolean send(Object[] row) {
        UUID id = (UUID) row[0];
        int attempts = ((Number) row[3]).intValue() + 1;
        try {
            bot.sendMessage(((Number) row[1]).longValue(), (String) row[2]);
        } catch (BotApi.BotApiException e) {
            Duration wait = e.retryAfter().orElse(backoff(attempts));
            LOG.warnf("Telegram message %s not sent (attempt %d: %s); next attempt in %s", id, attempts, e.getMessage(), wait);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                            update telegram_outbox set attempts = :attempts, next_attempt_at = :next, last_error = :error where id = :id""")
                    .setParameter("attempts", attempts).setParameter("next", Instant.now().plus(wait))
                    .setParameter("error", e.getMessage()).setParameter("id", id).executeUpdate());
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        update telegram_outbox set sent_at = :now, attempts = :attempts, last_error = null where id = :id""")
                .setParameter("now", Instant.now()).setParameter("attempts", attempts).setParameter("id", id).executeUpdate());
        return true;
    }

    /** Gives back what was claimed and not sent, due again at once; the failed one keeps its wait. */
    private void release(List<Object[]> claimed, UUID failed) {
        entityManager.createNativeQuery("""
                        update telegram_outbox set next_attempt_at = :now where id in (:ids) and id <> :failed and sent_at is null""")
                .setParameter("now", Instant.now()).setParameter("ids", claimed.stream().map(row -> (UUID) row[0]).toList())
                .setParameter("failed", failed).executeUpdate();
    }

    Duration backoff(int attempts) {
        Duration wait = config.telegram().firstBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.telegram().maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.telegram().maxBackoff()) > 0 ? config.telegram().maxBackoff() : wait;
    }
}
