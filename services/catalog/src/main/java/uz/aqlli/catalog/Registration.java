package uz.aqlli.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A self-registration: the record that makes the Keycloak steps (outside any database
 * transaction) safe to retry and to undo. See {@code V2__onboarding_and_verification.sql}.
 */
@Entity
@Table(name = "registration")
public class Registration {

    /**
     * {@code STARTED}: stored and answered, its Keycloak steps due from {@link #leaseUntil} (a worker
     * holds it until then). {@code COMPLETED}: made, the code mailed. {@code ADDRESS_TAKEN}: the manager's address already had an account, so nothing was made and
     * no code exists; the row only reserves the STIR as a new address's registration would.
     */
    public enum State { STARTED, COMPLETED, ADDRESS_TAKEN }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String stir;

    @Column(nullable = false)
    public String fingerprint;

    @Column(name = "organization_id", nullable = false, unique = true)
    public UUID organizationId;

    @Column(name = "manager_email", nullable = false)
    public String managerEmail;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "keycloak_organization_id")
    public UUID keycloakOrganizationId;

    @Column(name = "keycloak_user_id")
    public UUID keycloakUserId;

    @Column(name = "lease_until", nullable = false)
    public Instant leaseUntil;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /**
     * The organization and manager as sent, JSON, for the worker that makes them in Keycloak (no
     * password: the manager chooses it on confirming). Null on rows made before the worker.
     */
    @Column(name = "request")
    public String request;

    /** How often the worker tried the Keycloak steps; each failure waits longer before the next. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** When the manager confirmed the address (and chose a password); null until then. */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
}
