package uz.aqlli.orders.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

/**
 * An aggregate locked for a sweep, read fresh from the database. A copy already in the persistence
 * context may be stale (read before the lock was taken), and a lock on it would not reread it; so it
 * is let go first, and a party acting at the same moment either commits first or loses (412).
 */
final class FreshLock {

    private FreshLock() {
    }

    static <T> Optional<T> of(PanacheRepositoryBase<T, UUID> repository, UUID id) {
        repository.findByIdOptional(id).ifPresent(repository.getEntityManager()::detach);
        return repository.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
