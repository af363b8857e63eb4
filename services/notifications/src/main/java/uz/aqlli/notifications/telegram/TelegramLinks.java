package uz.aqlli.notifications.telegram;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import uz.aqlli.notifications.service.NotificationConfig;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Linking a user's Telegram chat: the user asks for a one-time code, sends it to the bot
 * ({@code /start <code>}, what the bot's deep link does), and the poller links the chat that sent it.
 * A code is random (128 bits), lives {@code aqlli.notifications.telegram.code-lifetime}, and works once.
 */
@ApplicationScoped
public class TelegramLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;
    private final NotificationConfig config;
    private final Clock clock;

    TelegramLinks(EntityManager entityManager, NotificationConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    /** A new code for the user; their earlier unused codes no longer work. */
    @Transactional
    public String newCode(String userId) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String code = HexFormat.of().formatHex(bytes);
        entityManager.createNativeQuery("delete from telegram_link_code where user_id = :user or expires_at < :now")
                .setParameter("user", userId).setParameter("now", clock.instant()).executeUpdate();
        entityManager.createNativeQuery("insert into telegram_link_code (code, user_id, expires_at) values (:code, :user, :until)")
                .setParameter("code", code).setParameter("user", userId)
                .setParameter("until", clock.instant().plus(config.telegram().codeLifetime())).executeUpdate();
        return code;
    }

    /** Links the chat to the code's user when the code is valid, using it up; the user linked, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> redeem(String code, long chatId) {
        Instant now = clock.instant();
        List<?> found = entityManager.createNativeQuery("""
                        select user_id from telegram_link_code where code = :code and expires_at >= :now for update""")
                .setParameter("code", code).setParameter("now", now).getResultList();
        Optional<String> user = found.stream().findFirst().map(Object::toString);
        entityManager.createNativeQuery("delete from telegram_link_code where code = :code").setParameter("code", code).executeUpdate();
        user.ifPresent(id -> entityManager.createNativeQuery("""
                        insert into telegram_chat (user_id, chat_id, linked_at) values (:user, :chat, :now)
                        on conflict (user_id) do update set chat_id = excluded.chat_id, linked_at = excluded.linked_at""")
                .setParameter("user", id).setParameter("chat", chatId).setParameter("now", now).executeUpdate());
        return user;
    }

    public Optional<Long> chatOf(String userId) {
        return entityManager.createNativeQuery("select chat_id from telegram_chat where user_id = :user")
                .setParameter("user", userId).getResultStream().findFirst().map(id -> ((Number) id).longValue());
    }

    @Transactional
    public boolean unlink(String userId) {
        return entityManager.createNativeQuery("delete from telegram_chat where user_id = :user").setParameter("user", userId)
                .executeUpdate() == 1;
    }

    /** The deep link that opens the bot with the code ready to send. */
    public String deepLink(String code) {
        return "https://t.me/" + config.telegram().botName() + "?start=" + code;
    }
}
