package uz.aqlli.catalog.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import uz.aqlli.catalog.Member;
import uz.aqlli.catalog.MemberRole;
import uz.aqlli.catalog.Organization;
import uz.aqlli.catalog.OrganizationEvents;
import uz.aqlli.catalog.OrganizationProfile;
import uz.aqlli.catalog.Person;
import uz.aqlli.catalog.Registration;
import uz.aqlli.catalog.identity.IdentityProviderException;
import uz.aqlli.catalog.identity.IdentityRejectedException;
import uz.aqlli.catalog.identity.KeycloakAccounts;
import uz.aqlli.catalog.repository.MemberRepository;
import uz.aqlli.catalog.repository.OrganizationRepository;
import uz.aqlli.catalog.repository.RegistrationRepository;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.Problem;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Self-registration of an organization with its first user (its manager).
 *
 * <p>Three systems change: the catalog database, the Keycloak organization and the Keycloak user.
 * No transaction spans them, so a {@link Registration} row does: it is written first (one per
 * STIR, leased to the request working on it), each Keycloak step is idempotent and recorded, and
 * the organization, its manager, its event and the row's completion commit together at the end.
 * A failure undoes the Keycloak steps; if Keycloak is unreachable even for that, the expired lease
 * lets {@link #sweepAbandoned()} undo them later. A retry of the same request (same data, without
 * the password) resumes or replays instead of creating a second organization.
 */
@ApplicationScoped
public class Onboarding {

    private static final Logger LOG = Logger.getLogger(Onboarding.class);
    /** How long one request may work on a registration before another may take it over. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final RegistrationRepository registrations;
    private final ReferenceData reference;
    private final KeycloakAccounts accounts;
    private final EventOutbox outbox;
    private final Duration abandonAfter;
    private final Clock clock;

    Onboarding(OrganizationRepository organizations, MemberRepository members, RegistrationRepository registrations,
               ReferenceData reference, KeycloakAccounts accounts, EventOutbox outbox, Clock clock,
               @ConfigProperty(name = "aqlli.catalog.registration.abandon-after", defaultValue = "PT5M") Duration abandonAfter) {
        this.clock = clock;
        this.organizations = organizations;
        this.members = members;
        this.registrations = registrations;
        this.reference = reference;
        this.accounts = accounts;
        this.outbox = outbox;
        this.abandonAfter = abandonAfter;
    }

    /**
     * What a registration call did: created the organization and its manager, or replayed an
     * earlier success. A replay carries the organization's id alone: its caller proved nothing
     * (the password is not checked on a replay), so it learns nothing it did not send, neither the
     * organization's standing nor its manager's account.
     */
    public record Outcome(UUID organizationId, Organization organization, Member manager) {

        static Outcome replayed(UUID organizationId) {
            return new Outcome(organizationId, null, null);
        }

        public boolean created() {
            return organization != null;
        }
    }

    public Outcome register(OrganizationProfile profile, Person manager) {
        reference.checkPlace(profile.regionCode(), profile.districtCode());
        reference.checkActivities(profile);
        String fingerprint = fingerprint(profile, manager);
        Registration registration = QuarkusTransaction.requiringNew().call(() -> claim(profile.stir(), fingerprint, manager.email()));
        if (registration.state == Registration.State.COMPLETED) {
            return Outcome.replayed(registration.organizationId);
        }
        try {
            UUID keycloakOrganization = registration.keycloakOrganizationId != null ? registration.keycloakOrganizationId
                    : accounts.ensureOrganization(registration.organizationId, profile.legalName().strip(), profile.stir());
            record(registration.id, keycloakOrganization, null);
            UUID user = accounts.ensureUser(registration.organizationId, profile.kind(), manager);
            record(registration.id, keycloakOrganization, user);
            accounts.addMember(keycloakOrganization, user);
            return QuarkusTransaction.requiringNew().call(() -> complete(registration.id, profile, manager, keycloakOrganization, user));
        } catch (RuntimeException e) {
            undo(registration.id);
            throw asProblem(e);
        }
    }

    /** Undoes registrations whose request died half-way (process killed, Keycloak down during the undo). */
    @Scheduled(every = "${aqlli.catalog.registration.sweep-interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweepAbandoned() {
        Instant now = Instant.now(clock);
        List<UUID> abandoned = QuarkusTransaction.requiringNew().call(() -> registrations.abandonedBefore(now.minus(abandonAfter)));
        for (UUID id : abandoned) {
            boolean mine = QuarkusTransaction.requiringNew().call(() -> registrations.claim(id, now, now.plus(LEASE)));
            if (mine) {
                undo(id);
            }
        }
    }

    Registration claim(String stir, String fingerprint, String email) {
        Instant now = Instant.now(clock);
        Registration existing = registrations.lockByStir(stir).orElse(null);
        if (existing == null) {
            if (organizations.stirTaken(stir)) {
                throw duplicateStir();
            }
            if (members.emailTaken(email)) {
                throw new ProblemException(409, "urn:aqlli:problem:duplicate-email", "Conflict",
                        "user.email: is already used by another account", List.of(new Problem.FieldError("user.email", "is already used by another account")));
            }
            Registration registration = new Registration();
            registration.id = UUID.randomUUID();
            registration.stir = stir;
            registration.fingerprint = fingerprint;
            registration.organizationId = UUID.randomUUID();
            registration.managerEmail = email;
            registration.state = Registration.State.STARTED;
            registration.leaseUntil = now.plus(LEASE);
            registration.startedAt = now;
            try {
                registrations.persistAndFlush(registration);
            } catch (ConstraintViolationException e) {
                // another request for the same STIR got there between our lookup and insert
                throw inProgress();
            }
            return registration;
        }
        if (!existing.fingerprint.equals(fingerprint)) {
            throw duplicateStir();
        }
        if (existing.state == Registration.State.COMPLETED) {
            return existing;
        }
        if (existing.leaseUntil.isAfter(now)) {
            throw inProgress();
        }
        existing.leaseUntil = now.plus(LEASE);
        return existing;
    }

    private void record(UUID registrationId, UUID keycloakOrganization, UUID user) {
        QuarkusTransaction.requiringNew().run(() -> {
            Registration registration = registrations.findById(registrationId);
            registration.keycloakOrganizationId = keycloakOrganization;
            registration.keycloakUserId = user;
        });
    }

    Outcome complete(UUID registrationId, OrganizationProfile profile, Person person, UUID keycloakOrganization, UUID user) {
        Instant now = Instant.now(clock);
        Registration registration = registrations.findById(registrationId);
        Organization organization = Organization.register(registration.organizationId, profile, keycloakOrganization, now);
        Member manager = new Member(user, organization.id(), person, MemberRole.MANAGER, now);
        organizations.persist(organization);
        members.persist(manager);
        registration.state = Registration.State.COMPLETED;
        registration.completedAt = now;
        outbox.append(OrganizationEvents.registered(organization, manager));
        organizations.flush();
        return new Outcome(organization.id(), organization, manager);
    }

    /** Removes what a registration made in Keycloak, then the registration; leaves it for the sweeper if Keycloak is away. */
    void undo(UUID registrationId) {
        Registration registration = QuarkusTransaction.requiringNew().call(() -> registrations.findById(registrationId));
        if (registration == null || registration.state == Registration.State.COMPLETED) {
            return;
        }
        try {
            // Look up by the organization id too: a crash may have come between a create and its record.
            accounts.findUser(registration.managerEmail)
                    .filter(user -> registration.organizationId.toString().equals(KeycloakAccounts.organizationOf(user)))
                    .ifPresent(user -> accounts.deleteUser(UUID.fromString((String) user.get("id"))));
            if (registration.keycloakUserId != null) {
                accounts.deleteUser(registration.keycloakUserId);
            }
            if (registration.keycloakOrganizationId != null) {
                accounts.deleteOrganization(registration.keycloakOrganizationId);
            }
            accounts.findOrganization(registration.organizationId).ifPresent(accounts::deleteOrganization);
            QuarkusTransaction.requiringNew().run(() -> registrations.deleteById(registrationId));
        } catch (RuntimeException e) {
            LOG.warnf("Registration %s of STIR %s could not be undone yet (%s); the sweeper retries after its lease",
                    registrationId, registration.stir, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> registrations.update("leaseUntil = ?1 where id = ?2",
                    Instant.now(clock).minusSeconds(1), registrationId));
        }
    }

    static RuntimeException asProblem(RuntimeException e) {
        if (e instanceof ProblemException) {
            return e;
        }
        if (e instanceof IdentityRejectedException rejected) {
            return new ProblemException(rejected.conflict() ? 409 : 400,
                    rejected.conflict() ? "urn:aqlli:problem:identity-conflict" : "urn:aqlli:problem:validation",
                    rejected.conflict() ? "Conflict" : "Invalid request", rejected.field() + ": " + rejected.getMessage(),
                    List.of(new Problem.FieldError(rejected.field(), rejected.getMessage())));
        }
        if (e instanceof IdentityProviderException) {
            LOG.warnf("Keycloak failed during onboarding: %s", e.getMessage());
            return ProblemException.unavailable("identity-provider-unavailable",
                    "The sign-in service did not answer, so nothing was created; please try again in a minute");
        }
        return e;
    }

    private static ProblemException duplicateStir() {
        return new ProblemException(409, "urn:aqlli:problem:duplicate-stir", "Conflict",
                "organization.stir: an organization with this STIR is already registered",
                List.of(new Problem.FieldError("organization.stir", "is already registered")));
    }

    private static ProblemException inProgress() {
        return ProblemException.conflict("registration-in-progress",
                "A registration of this STIR is being processed; try again in a minute");
    }

    /** Identifies "the same registration" on a retry; the password is left out and never stored. */
    static String fingerprint(OrganizationProfile profile, Person manager) {
        String canonical = String.join("\u001f", profile.kind().name(), profile.legalName().strip(), profile.stir(),
                profile.regionCode(), String.valueOf(profile.districtCode()), profile.zoneType().name(),
                String.valueOf(profile.zoneName()), profile.sectors().stream().map(Enum::name).sorted().toList().toString(),
                profile.serviceCategories().stream().map(Enum::name).sorted().toList().toString(),
                String.valueOf(profile.contactPhone()), String.valueOf(profile.contactEmail()).toLowerCase(java.util.Locale.ROOT),
                String.valueOf(profile.address()).strip(), String.valueOf(profile.vatRegistrationCode()),
                manager.firstName(), manager.lastName(), manager.email());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
