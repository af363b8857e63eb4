package uz.aqlli.notifications;

import java.util.Set;

/**
 * A user notifications can reach, with their preferences: the feed always (but for kinds they
 * turned off), e-mail when an address is known and mail is on, at once or in the daily digest.
 */
public record Recipient(String userId, String email, String language, boolean emailEnabled, boolean digest, Set<String> mutedKinds,
                        boolean telegramEnabled) {

    public Recipient(String userId, String email, String language) {
        this(userId, email, language, true, false, Set.of(), true);
    }

    public boolean wants(NotificationKind kind) {
        return !mutedKinds.contains(kind.name());
    }

    /** Whether notifications go to the user's linked Telegram chat (not in the digest: that is mail). */
    public boolean telegramAtOnce() {
        return telegramEnabled && !digest;
    }

    /** Whether this notification goes by mail now (not muted, mail on, an address, no digest). */
    public boolean mailedAtOnce() {
        return emailEnabled && !digest && email != null && !email.isBlank();
    }
}
