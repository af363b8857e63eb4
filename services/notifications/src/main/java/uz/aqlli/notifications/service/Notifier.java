package uz.aqlli.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.aqlli.notifications.Messages;
import uz.aqlli.notifications.Notification;
import uz.aqlli.notifications.NotificationKind;
import uz.aqlli.notifications.Recipient;
import uz.aqlli.notifications.repository.Feed;
import uz.aqlli.notifications.telegram.TelegramLinks;
import uz.aqlli.notifications.telegram.TelegramOutbox;
import uz.aqlli.platform.runtime.mail.MailOutbox;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells users of one thing: a feed row each (once per event and recipient, however often the event
 * comes) and, in the same transaction, the mail of each new row through the runtime's mail outbox,
 * so a mail goes exactly when its notification exists, and once.
 */
@ApplicationScoped
public class Notifier {

    private final Feed feed;
    private final MailOutbox mail;
    private final NotificationConfig config;
    private final Clock clock;
    private final TelegramLinks telegramLinks;
    private final TelegramOutbox telegram;

    Notifier(Feed feed, MailOutbox mail, NotificationConfig config, Clock clock, TelegramLinks telegramLinks, TelegramOutbox telegram) {
        this.telegramLinks = telegramLinks;
        this.telegram = telegram;
        this.feed = feed;
        this.mail = mail;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Tells each recipient (each user once) of {@code kind} about {@code subjectId}; {@code eventKey}
     * names the fact (the event's id, or a sweep's own key) for the one-per-recipient rule.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int tell(NotificationKind kind, String eventKey, String subjectId, Map<String, Object> params,
                    Collection<Recipient> recipients) {
        Map<String, Recipient> once = new LinkedHashMap<>();
        recipients.forEach(recipient -> once.putIfAbsent(recipient.userId(), recipient));
        int told = 0;
        for (Recipient recipient : once.values()) {
            if (!recipient.wants(kind)) {
                continue;
            }
            var added = feed.add(recipient.userId(), kind, eventKey, subjectId, kind.page(subjectId), params, clock.instant());
            if (added.isEmpty()) {
                continue;
            }
            told++;
            if (recipient.mailedAtOnce()) {
                mailOf(added.get(), recipient);
            }
            if (recipient.telegramAtOnce()) {
                Notification notification = added.get();
                telegramLinks.chatOf(recipient.userId()).ifPresent(chat -> telegram.append(notification.id(), chat,
                        notification.text(recipient.language()) + "\n" + link(notification)));
            }
        }
        return told;
    }

    private void mailOf(Notification notification, Recipient recipient) {
        String language = recipient.language();
        String text = notification.text(language);
        String body = text + "\n\n" + Messages.text(language, "mail.open", Map.of()) + "\n" + link(notification) + "\n\n-- \n"
                + Messages.text(language, "mail.footer", Map.of()) + "\n";
        mail.append(recipient.email(), text, body);
    }

    public String link(Notification notification) {
        String base = config.consoleUrl().endsWith("/") ? config.consoleUrl().substring(0, config.consoleUrl().length() - 1)
                : config.consoleUrl();
        return base + notification.link();
    }
}
