package uz.aqlli.platform.runtime.mail;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Records a plain-text mail in the caller's transaction; {@link MailRelay} sends it after the commit.
 *
 * <p>A service that sends mail switches this on at build time ({@code aqlli.mail.enabled=true}) and adds
 * {@code db/mail} to its Flyway locations; the others have neither the table nor these beans.
 */
@ApplicationScoped
@IfBuildProperty(name = "aqlli.mail.enabled", stringValue = "true")
public class MailOutbox {

    private final EntityManager entityManager;
    private final Event<MailQueued> queued;

    MailOutbox(EntityManager entityManager, Event<MailQueued> queued) {
        this.entityManager = entityManager;
        this.queued = queued;
    }

    /** Queues a mail to {@code recipient}; must run inside the transaction whose outcome it tells of. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String recipient, String subject, String body) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        entityManager.createNativeQuery("""
                        insert into mail_outbox (id, recipient, subject, body, created_at, next_attempt_at)
                        values (:id, :recipient, :subject, :body, :now, :now)""")
                .setParameter("id", id).setParameter("recipient", recipient).setParameter("subject", subject)
                .setParameter("body", body).setParameter("now", now)
                .executeUpdate();
        // Observed after commit only: the relay sends at once instead of at its next sweep.
        queued.fire(new MailQueued(id));
        return id;
    }
}
