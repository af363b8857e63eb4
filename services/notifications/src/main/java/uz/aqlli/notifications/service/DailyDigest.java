package uz.aqlli.notifications.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uz.aqlli.notifications.Messages;
import uz.aqlli.notifications.Notification;
import uz.aqlli.notifications.repository.Feed;
import uz.aqlli.platform.runtime.mail.MailOutbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * The daily digest: for each user who asked for one, once a Tashkent day from the digest hour on,
 * one mail with every notification since the last digest (of kinds they have not muted, which
 * were never made). The mail and the mark of what it covered commit together, so a digest goes
 * once and a restart neither skips nor repeats one; a day found late (after downtime) still gets it.
 */
@ApplicationScoped
public class DailyDigest {

    private static final Logger LOG = Logger.getLogger(DailyDigest.class);
    private static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");

    private final EntityManager entityManager;
    private final Feed feed;
    private final MailOutbox mail;
    private final Notifier notifier;
    private final Clock clock;
    private final int hour;

    DailyDigest(EntityManager entityManager, Feed feed, MailOutbox mail, Notifier notifier, Clock clock,
                @ConfigProperty(name = "aqlli.notifications.digest-hour", defaultValue = "8") int hour) {
        this.entityManager = entityManager;
        this.feed = feed;
        this.mail = mail;
        this.notifier = notifier;
        this.clock = clock;
        this.hour = hour;
    }

    @Scheduled(every = "${aqlli.notifications.digest-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(TASHKENT));
        if (now.getHour() < hour) {
            return;
        }
        LocalDate today = now.toLocalDate();
        try {
            while (QuarkusTransaction.requiringNew().call(() -> sendOne(today))) {
                // one user per transaction, so one failure does not hold back the others' digests
            }
        } catch (RuntimeException e) {
            LOG.warnf("Daily digest stopped (%s); the next sweep goes on", e.getMessage());
        }
    }

    /** Sends the digest of one user due today; false when nobody is due. */
    private boolean sendOne(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager.createNativeQuery("""
                        select r.user_id, r.email, r.language, r.digest_up_to from recipient r
                        where r.digest and r.email_enabled and r.email is not null
                          and (r.digest_day is null or r.digest_day < :today)
                          and exists (select 1 from notification n where n.recipient_user_id = r.user_id and n.sequence > r.digest_up_to)
                        limit 1 for update skip locked""")
                .setParameter("today", today).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        Object[] row = due.getFirst();
        String user = (String) row[0];
        String language = Messages.language((String) row[2]);
        List<Notification> news = feed.after(user, ((Number) row[3]).longValue(), 1000);
        StringBuilder body = new StringBuilder();
        for (Notification notification : news) {
            body.append("- ").append(notification.text(language)).append("\n  ").append(notifier.link(notification)).append("\n");
        }
        body.append("\n-- \n").append(Messages.text(language, "mail.footer", Map.of())).append("\n");
        mail.append((String) row[1], Messages.text(language, "digest.subject", Map.of("count", news.size())), body.toString());
        entityManager.createNativeQuery("update recipient set digest_up_to = :upTo, digest_day = :today where user_id = :user")
                .setParameter("upTo", news.getLast().sequence()).setParameter("today", today).setParameter("user", user)
                .executeUpdate();
        return true;
    }
}
