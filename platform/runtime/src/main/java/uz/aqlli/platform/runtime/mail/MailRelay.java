package uz.aqlli.platform.runtime.mail;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import uz.aqlli.platform.runtime.work.BackgroundDrain;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends the mail outbox over SMTP: right after each commit that queued a mail, and on a periodic
 * sweep that picks up whatever an earlier attempt, or a previous process, left unsent.
 *
 * <p>A failed send (server away, refused, too slow) leaves the mail for another attempt after a
 * back-off that doubles up to {@code aqlli.mail.max-backoff}; it is never given up, since a lost
 * confirmation locks its owner out. Rows are claimed in a short transaction ({@code for update skip
 * locked}, then due again only after the batch's send timeouts), sent with no transaction open, and
 * each marked sent in one of its own, so a slow server cannot outlive a transaction and have its
 * sent mails rolled back and sent again. Delivery is at least once: a crash between the server's
 * acceptance and the "sent" mark sends that mail again once the claim runs out.
 */
@ApplicationScoped
@IfBuildProperty(name = "aqlli.mail.enabled", stringValue = "true")
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);

    private final EntityManager entityManager;
    private final ReactiveMailer mailer;
    private final MailConfig config;
    private final BackgroundDrain drain = new BackgroundDrain("mail-relay", this::sendDue);

    MailRelay(EntityManager entityManager, ReactiveMailer mailer, MailConfig config) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.config = config;
    }

    void onStart(@Observes StartupEvent started) {
        requestDrain();
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        requestDrain();
    }

    @Scheduled(every = "${aqlli.mail.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        drain();
    }

    /** Asks for a drain on the relay's own thread (sending blocks); requests meanwhile fold into one. */
    public void requestDrain() {
        drain.request();
    }

    /** Sends every mail that is due; returns how many were sent. */
    public int drain() {
        return drain.drain();
    }

    private int sendDue() {
        int sent = 0;
        while (true) {
            List<Object[]> due = QuarkusTransaction.requiringNew().call(this::claimDue);
            for (int i = 0; i < due.size(); i++) {
                if (!send(due.get(i))) {
                    // The server is likely away: the rest wait for the next sweep instead of each waiting out its timeout.
                    List<UUID> rest = due.subList(i + 1, due.size()).stream().map(row -> (UUID) row[0]).toList();
                    QuarkusTransaction.requiringNew().run(() -> release(rest));
                    return sent;
                }
                sent++;
            }
            if (due.size() < config.batchSize()) {
                return sent;
            }
        }
    }

    /**
     * Takes one batch of due mails in a short transaction: their next attempt moves past the time the
     * batch may take to send, so no other relay takes them meanwhile, and a relay that dies leaves them
     * for another once that time is up. No transaction is open while the SMTP server is talked to.
     */
    private List<Object[]> claimDue() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager.createNativeQuery("""
                        select id, recipient, subject, body, attempts from mail_outbox
                        where sent_at is null and next_attempt_at <= :now
                        order by next_attempt_at, created_at
                        limit :limit
                        for update skip locked""")
                .setParameter("now", now).setParameter("limit", config.batchSize())
                .getResultList();
        if (!due.isEmpty()) {
            entityManager.createNativeQuery("update mail_outbox set next_attempt_at = :until where id in (:ids)")
                    .setParameter("until", now.plus(config.sendTimeout().multipliedBy(due.size() + 1L)))
                    .setParameter("ids", due.stream().map(row -> (UUID) row[0]).toList()).executeUpdate();
        }
        return due;
    }

    /** Sends one claimed mail, then records the outcome in a transaction of its own; false when it was not sent. */
    private boolean send(Object[] row) {
        UUID id = (UUID) row[0];
        int attempts = ((Number) row[4]).intValue() + 1;
        try {
            mailer.send(Mail.withText((String) row[1], (String) row[2], (String) row[3])).await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            Duration wait = backoff(attempts);
            LOG.warnf("Mail %s not sent (attempt %d: %s); next attempt in %s", id, attempts, e.getMessage(), wait);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                            update mail_outbox set attempts = :attempts, next_attempt_at = :next, last_error = :error
                            where id = :id""")
                    .setParameter("attempts", attempts).setParameter("next", Instant.now().plus(wait))
                    .setParameter("error", String.valueOf(e.getMessage())).setParameter("id", id).executeUpdate());
            return false;
        }
        // The body goes once sent: it may hold a registration code, which must not outlive its delivery in the database.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        update mail_outbox set sent_at = :now, attempts = :attempts, last_error = null, body = ''
                        where id = :id""")
                .setParameter("now", Instant.now()).setParameter("attempts", attempts).setParameter("id", id).executeUpdate());
        return true;
    }

    /** Gives claimed mails back, due at once, for the next sweep. */
    private void release(List<UUID> ids) {
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery("update mail_outbox set next_attempt_at = :now where id in (:ids) and sent_at is null")
                    .setParameter("now", Instant.now()).setParameter("ids", ids).executeUpdate();
        }
    }

    Duration backoff(int attempts) {
        Duration wait = config.firstBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    @PreDestroy
    void stop() {
        drain.close();
    }
}
