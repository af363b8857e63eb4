package uz.aqlli.notifications.telegram;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import uz.aqlli.notifications.service.NotificationConfig;
import uz.aqlli.platform.runtime.work.BackgroundDrain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends the Telegram outbox with {@code sendMessage}, as the mail relay sends mail (the runtime's
 * {@link BackgroundDrain}: woken after each commit that queued a message, and by a sweep): a batch
 * claimed in a short transaction (its next attempt moved past the time it may take), each message
 * sent with no transaction open and its outcome recorded in one of its own; a sent message's text
 * is emptied, so what was told does not stay in clear in the outbox.
 *
 * <p>A failure waits a back-off that doubles up to {@code max-backoff}. Telegram's 429 limits the
 * bot, not the message: its {@code retry_after} pauses every send of the bot (kept in the database,
 * so every process of the service waits), and the batch ends. A refusal that can never pass (the user
 * blocked the bot, the chat is gone) fails the message for good and unlinks the chat, so it neither
 * retries forever nor keeps the channel reported failing. Mail has its own relay, so neither holds
 * up the other.
 */
@ApplicationScoped
public class TelegramRelay {

    private static final Logger LOG = Logger.getLogger(TelegramRelay.class);
    private static final int BATCH = 20;
    private static final String BOT = "default";

    private enum Outcome { SENT, RETRY, BOT_PAUSED, FAILED_FOR_GOOD }

    private final EntityManager entityManager;
    private final BotApi bot;
    private final NotificationConfig config;
    private final BackgroundDrain drain = new BackgroundDrain("telegram-relay", this::sendDue);

    TelegramRelay(EntityManager entityManager, BotApi bot, NotificationConfig config) {
        this.entityManager = entityManager;
        this.bot = bot;
        this.config = config;
    }

    void onStart(@Observes StartupEvent started) {
        if (bot.configured()) {
            drain.request();
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TelegramOutbox.Queued queued) {
        if (bot.configured()) {
            drain.request();
        }
    }

    @Scheduled(every = "${aqlli.notifications.telegram.sweep-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        drain();
    }

    /** Sends what is due now; returns how many messages went out. */
    public int drain() {
        return bot.configured() ? drain.drain() : 0;
    }

    private int sendDue() {
        int sent = 0;
        while (true) {
            List<Object[]> due = QuarkusTransaction.requiringNew().call(this::claim);
            for (int i = 0; i < due.size(); i++) {
                Outcome outcome = send(due.get(i));
                if (outcome == Outcome.SENT) {
                    sent++;
                } else if (outcome != Outcome.FAILED_FOR_GOOD) {
                    // Telegram is away or limits the bot: the rest wait instead of each meeting the same answer.
                    List<UUID> rest = due.subList(i + 1, due.size()).stream().map(row -> (UUID) row[0]).toList();
                    QuarkusTransaction.requiringNew().run(() -> release(rest));
                    return sent;
                }
            }
            if (due.size() < BATCH) {
                return sent;
            }
        }
    }

    /** One batch of due messages, none while the bot is paused by a 429. */
    private List<Object[]> claim() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager.createNativeQuery("""
                        select id, chat_id, text, attempts from telegram_outbox
                        where sent_at is null and failed_at is null and next_attempt_at <= :now
                          and not exists (select 1 from telegram_pause p where p.bot = :bot and p.until > :now)
                        order by next_attempt_at, created_at
                        limit :limit for update skip locked""")
                .setParameter("now", now).setParameter("bot", BOT).setParameter("limit", BATCH).getResultList();
        if (!due.isEmpty()) {
            entityManager.createNativeQuery("update telegram_outbox set next_attempt_at = :until where id in (:ids)")
                    .setParameter("until", now.plusSeconds(15L * (due.size() + 1)))
                    .setParameter("ids", due.stream().map(row -> (UUID) row[0]).toList()).executeUpdate();
        }
        return due;
    }

    private Outcome send(Object[] row) {
        UUID id = (UUID) row[0];
        long chat = ((Number) row[1]).longValue();
        int attempts = ((Number) row[3]).intValue() + 1;
        try {
            bot.sendMessage(chat, (String) row[2]);
        } catch (BotApi.BotApiException e) {
            if (e.retryAfter().isPresent()) {
                Instant until = Instant.now().plus(e.retryAfter().get());
                LOG.warnf("Telegram limits the bot (%s); no message goes before %s", e.getMessage(), until);
                QuarkusTransaction.requiringNew().run(() -> pause(id, until));
                return Outcome.BOT_PAUSED;
            }
            if (e.permanent()) {
                LOG.warnf("Telegram message %s can never be sent (%s); failed for good", id, e.getMessage());
                QuarkusTransaction.requiringNew().run(() -> failForGood(id, chat, attempts, e.getMessage(), e.chatGone()));
                return Outcome.FAILED_FOR_GOOD;
            }
            Duration wait = backoff(attempts);
            LOG.warnf("Telegram message %s not sent (attempt %d: %s); next attempt in %s", id, attempts, e.getMessage(), wait);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                            update telegram_outbox set attempts = :attempts, next_attempt_at = :next, last_error = :error where id = :id""")
                    .setParameter("attempts", attempts).setParameter("next", Instant.now().plus(wait))
                    .setParameter("error", e.getMessage()).setParameter("id", id).executeUpdate());
            return Outcome.RETRY;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        update telegram_outbox set sent_at = :now, attempts = :attempts, last_error = null, text = '' where id = :id""")
                .setParameter("now", Instant.now()).setParameter("attempts", attempts).setParameter("id", id).executeUpdate());
        return Outcome.SENT;
    }

    /** The bot waits until {@code until}; the refused message is due again then (a 429 is no fault of the message). */
    private void pause(UUID refused, Instant until) {
        entityManager.createNativeQuery("""
                        insert into telegram_pause (bot, until) values (:bot, :until)
                        on conflict (bot) do update set until = greatest(telegram_pause.until, excluded.until)""")
                .setParameter("bot", BOT).setParameter("until", until).executeUpdate();
        entityManager.createNativeQuery("update telegram_outbox set next_attempt_at = :until where id = :id")
                .setParameter("until", until).setParameter("id", refused).executeUpdate();
    }

    private void failForGood(UUID id, long chat, int attempts, String error, boolean chatGone) {
        entityManager.createNativeQuery("""
                        update telegram_outbox set failed_at = :now, attempts = :attempts, last_error = :error, text = '' where id = :id""")
                .setParameter("now", Instant.now()).setParameter("attempts", attempts).setParameter("error", error)
                .setParameter("id", id).executeUpdate();
        if (!chatGone) {
            return;
        }
        // Nothing more can reach that chat: the user links one again (a new code) when they want Telegram back.
        entityManager.createNativeQuery("delete from telegram_chat where chat_id = :chat").setParameter("chat", chat).executeUpdate();
        entityManager.createNativeQuery("""
                        update telegram_outbox set failed_at = :now, last_error = :error, text = ''
                        where chat_id = :chat and sent_at is null and failed_at is null""")
                .setParameter("now", Instant.now()).setParameter("error", error).setParameter("chat", chat).executeUpdate();
    }

    /** Gives claimed messages back, due at once (the bot's pause, if any, still holds them). */
    private void release(List<UUID> ids) {
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery("update telegram_outbox set next_attempt_at = :now where id in (:ids) and sent_at is null")
                    .setParameter("now", Instant.now()).setParameter("ids", ids).executeUpdate();
        }
    }

    Duration backoff(int attempts) {
        Duration wait = config.telegram().firstBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.telegram().maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.telegram().maxBackoff()) > 0 ? config.telegram().maxBackoff() : wait;
    }

    @PreDestroy
    void stop() {
        drain.close();
    }
}
