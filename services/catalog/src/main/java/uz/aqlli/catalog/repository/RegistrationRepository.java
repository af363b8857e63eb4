package uz.aqlli.catalog.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import uz.aqlli.catalog.Registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    /** The registration of a STIR, locked for the caller's transaction. */
    public Optional<Registration> lockByStir(String stir) {
        return find("stir", stir).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Started registrations whose lease ran out before {@code before}: their process is gone. */
    public List<UUID> abandonedBefore(Instant before) {
        return find("state = ?1 and leaseUntil < ?2", Registration.State.STARTED, before).stream()
                .map(registration -> registration.id).toList();
    }

    /** Takes the lease of a started registration if nobody holds it; true when this caller now does. */
    public boolean claim(UUID id, Instant now, Instant until) {
        return update("leaseUntil = ?1 where id = ?2 and state = ?3 and leaseUntil < ?4",
                until, id, Registration.State.STARTED, now) == 1;
    }
}
