package uz.aqlli.platform.runtime.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import uz.aqlli.platform.events.EventEnvelope;

/**
 * Remembers which events a consumer has handled, so that a redelivered event has no second effect.
 *
 * <p>Call {@link #firstDelivery} in the transaction that applies the event: the id is recorded
 * only if the effect commits, and a duplicate finds the id already there.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the event for {@code consumer}; false when it was handled before and must be skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope event) {
        int inserted = entityManager.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type) values (:consumer, :id, :type)
                        on conflict (consumer, event_id) do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .executeUpdate();
        return inserted == 1;
    }
}
