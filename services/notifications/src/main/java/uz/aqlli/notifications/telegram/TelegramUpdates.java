package uz.aqlli.notifications.telegram;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import uz.aqlli.notifications.Messages;
import uz.aqlli.notifications.repository.Projections;
import uz.aqlli.notifications.Recipient;

import java.util.List;
import java.util.Map;

/**
 * Reads what chats send the bot, by long polling ({@code getUpdates}), and links the chat of each
 * valid {@code /start <code>}. The offset is kept in the database with the links an update made,
 * in one transaction, so a restart neither loses a link nor handles an update twice.
 */
@ApplicationScoped
public class TelegramUpdates {

    private static final Logger LOG = Logger.getLogger(TelegramUpdates.class);
    private static final String BOT = "default";

    private final BotApi bot;
    private final TelegramLinks links;
    private final TelegramOutbox outbox;
    private final Projections projections;
    private final EntityManager entityManager;

    TelegramUpdates(BotApi bot, TelegramLinks links, TelegramOutbox outbox, Projections projections, EntityManager entityManager) {
        this.bot = bot;
        this.links = links;
        this.outbox = outbox;
        this.projections = projections;
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${aqlli.notifications.telegram.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!bot.configured()) {
            return;
        }
        try {
            long offset = QuarkusTransaction.requiringNew().call(this::offset);
            List<BotApi.Update> updates = bot.updates(offset);
            for (BotApi.Update update : updates) {
                QuarkusTransaction.requiringNew().run(() -> handle(update));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Telegram updates not read (%s); the next poll tries again", e.getMessage());
        }
    }

    private long offset() {
        List<?> rows = entityManager.createNativeQuery("select next_update from telegram_offset where bot = :bot")
                .setParameter("bot", BOT).getResultList();
        return rows.isEmpty() ? 0L : ((Number) rows.getFirst()).longValue();
    }

    private void handle(BotApi.Update update) {
        String text = update.text().trim();
        if (text.startsWith("/start ")) {
            links.redeem(text.substring("/start ".length()).trim(), update.chatId()).ifPresent(user -> {
                String language = projections.recipient(user).map(Recipient::language).orElse(Messages.DEFAULT_LANGUAGE);
                outbox.append(null, update.chatId(), Messages.text(language, "telegram.linked", Map.of()));
            });
        }
        entityManager.createNativeQuery("""
                        insert into telegram_offset (bot, next_update) values (:bot, :next)
                        on conflict (bot) do update set next_update = greatest(telegram_offset.next_update, excluded.next_update)""")
                .setParameter("bot", BOT).setParameter("next", update.updateId() + 1).executeUpdate();
    }
}
