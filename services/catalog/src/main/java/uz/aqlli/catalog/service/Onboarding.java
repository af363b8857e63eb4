package uz.aqlli.catalog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import uz.aqlli.platform.runtime.mail.MailOutbox;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.Problem;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.work.BackgroundDrain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Self-registration of an organization with its first user (its manager).
 *
 * <p>A registration is stored and answered (202) in one short transaction that calls nobody else;
 * the registration worker then makes it in Keycloak, so neither the answer nor its time tells a new
 * address from a taken one, or Keycloak being away. Three systems change: the catalog database, the
 * Keycloak organization and the Keycloak user. No transaction spans them, so the {@link Registration}
 * row does: one per STIR, leased to the worker working on it, each Keycloak step idempotent and
 * recorded, and the organization, its manager, its event, the code's mail and the row's completion
 * commit together at the end. Keycloak away: the worker tries again after a back-off, and after
 * {@code abandon-after} undoes the steps and tells the manager. A refusal undoes them at once.
 *
 * <p>For a new address the manager's Keycloak user is made without a password (a sign-in is refused
 * exactly as a wrong password is) and a single-use, expiring code is mailed; for a taken one nothing
 * is made and the address's owner is told by mail, and its STIR is reserved by an
 * {@code ADDRESS_TAKEN} registration that makes nothing and has no code (until a code would have run
 * out), so any later request for that STIR is answered as for a new address. Only the code's mailbox
 * can give the account its password ({@link #confirm}), which also marks the address verified. An
 * address gets at most {@code mails-per-address-per-hour} registration mails.
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
    private final Duration confirmationValidFor;
    private final MailOutbox mail;
    private final Clock clock;
    private final ObjectMapper json;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final int mailsPerAddressPerHour;
    private final SecureRandom random = new SecureRandom();
    /** The registration worker: Keycloak is called here, never on a request's thread. */
    private final BackgroundDrain worker = new BackgroundDrain("registration-worker", this::workDue);

    Onboarding(OrganizationRepository organizations, MemberRepository members, RegistrationRepository registrations,
               ReferenceData reference, KeycloakAccounts accounts, EventOutbox outbox, MailOutbox mail, Clock clock,
               ObjectMapper json,
               @ConfigProperty(name = "aqlli.catalog.registration.abandon-after", defaultValue = "PT1H") Duration abandonAfter,
               @ConfigProperty(name = "aqlli.catalog.registration.confirmation-valid-for", defaultValue = "PT24H") Duration confirmationValidFor,
               @ConfigProperty(name = "aqlli.catalog.registration.first-backoff", defaultValue = "PT2S") Duration firstBackoff,
               @ConfigProperty(name = "aqlli.catalog.registration.max-backoff", defaultValue = "PT5M") Duration maxBackoff,
               @ConfigProperty(name = "aqlli.catalog.registration.mails-per-address-per-hour", defaultValue = "5") int mailsPerAddressPerHour) {
        this.clock = clock;
        this.json = json;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.mailsPerAddressPerHour = mailsPerAddressPerHour;
        this.mail = mail;
        this.confirmationValidFor = confirmationValidFor;
        this.organizations = organizations;
        this.members = members;
        this.registrations = registrations;
        this.reference = reference;
        this.accounts = accounts;
        this.outbox = outbox;
        this.abandonAfter = abandonAfter;
    }

    /** A confirmed registration: what its mailbox's owner may now see. */
    public record Confirmed(Organization organization, Member manager) {
    }

    /**
     * Stores the registration and answers: the Keycloak steps, and so the code's mail, follow on the
     * registration worker ({@link #workDue}). The caller cannot tell what happened, by the answer or by
     * its time: a new address, a taken one (its owner is warned by mail), a repeat of a registration
     * (a fresh code while unconfirmed, a warning once confirmed) and Keycloak being away are all
     * answered alike, right after one short transaction that calls nobody else.
     */
    public void register(OrganizationProfile profile, Person manager) {
        reference.checkPlace(profile.regionCode(), profile.districtCode());
        reference.checkActivities(profile);
        String fingerprint = fingerprint(profile, manager);
        String request = queued(profile, manager);
        boolean queuedNow = QuarkusTransaction.requiringNew().call(() -> {
            Registration registration = claim(profile.stir(), fingerprint, manager.email(), request);
            switch (registration.state) {
                case ADDRESS_TAKEN -> warnOwner(manager.email());
                case COMPLETED -> {
                    if (registration.confirmedAt == null) {
                        mailConfirmation(registration.id, profile, manager);
                    } else {
                        warnOwner(manager.email());
                    }
                }
                case STARTED -> {
                    // already queued: the worker's mail will come
                }
            }
            return registration.state == Registration.State.STARTED;
        });
        if (queuedNow) {
            worker.request();
        }
    }

    /** Works off the due registrations (the worker's thread, woken after each new one, and the sweep's). */
    @Scheduled(every = "${aqlli.catalog.registration.sweep-interval:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        worker.drain();
    }

    /**
     * One pass of the registration worker: each due registration, taken with a lease so no other
     * process works on it meanwhile, made in Keycloak and completed, or, when Keycloak is away, left
     * for a later attempt after a back-off; the pass stops there, since the next would fail alike.
     * A registration Keycloak could not take for {@code abandon-after} is undone and its manager told.
     */
    public int workDue() {
        int done = 0;
        while (true) {
            Registration registration = QuarkusTransaction.requiringNew().call(this::takeDue);
            if (registration == null) {
                return done;
            }
            if (!work(registration)) {
                return done;
            }
            done++;
        }
    }

    /** Makes one taken registration; false when Keycloak was away (the pass should stop). */
    private boolean work(Registration registration) {
        Instant now = Instant.now(clock);
        if (registration.request == null && !registration.startedAt.isBefore(now.minus(abandonAfter))) {
            // From before the worker: its request died with its process, and what it made is undone once its time is up.
            QuarkusTransaction.requiringNew().run(() -> registrations.update("leaseUntil = ?1 where id = ?2",
                    registration.startedAt.plus(abandonAfter), registration.id));
            return true;
        }
        if (registration.startedAt.isBefore(now.minus(abandonAfter))) {
            // Keycloak never took it (or, from before the worker, its request died half-way).
            undo(registration.id, false);
            if (registration.request != null) {
                QueuedRegistration queued = queued(registration.request);
                QuarkusTransaction.requiringNew().run(() -> mailUnlessFlooded(queued.manager().email(),
                        "Aqlli elektron: the registration of " + queued.organization().legalName().strip() + " could not be completed",
                        """
                        Assalomu alaykum, %s!

                        The registration of %s (STIR %s) could not be completed: the sign-in service did
                        not answer for too long. Nothing was kept. Please send the registration again.
                        """.formatted(queued.manager().firstName(), queued.organization().legalName().strip(),
                                queued.organization().stir())));
            }
            return true;
        }
        QueuedRegistration queued = queued(registration.request);
        OrganizationProfile profile = queued.organization();
        Person manager = queued.manager();
        try {
            UUID keycloakOrganization = registration.keycloakOrganizationId != null ? registration.keycloakOrganizationId
                    : accounts.ensureOrganization(registration.organizationId, profile.legalName().strip(), profile.stir());
            record(registration.id, keycloakOrganization, null);
            UUID user = accounts.ensureUser(registration.organizationId, profile.kind(), manager);
            record(registration.id, keycloakOrganization, user);
            accounts.addMember(keycloakOrganization, user);
            QuarkusTransaction.requiringNew().run(() -> complete(registration.id, profile, manager, keycloakOrganization, user));
            return true;
        } catch (IdentityRejectedException e) {
            boolean taken = e.conflict() && "user.email".equals(e.field());
            undo(registration.id, taken);
            QuarkusTransaction.requiringNew().run(() -> {
                if (taken) {
                    // an account Keycloak has and the directory does not (an administrator's, say): taken all the same
                    warnOwner(manager.email());
                } else {
                    mailUnlessFlooded(manager.email(), "Aqlli elektron: the registration of " + profile.legalName().strip() + " was refused",
                            """
                            Assalomu alaykum, %s!

                            The registration of %s (STIR %s) was refused by the sign-in service:
                            %s: %s
                            Nothing was kept. Please correct it and send the registration again.
                            """.formatted(manager.firstName(), profile.legalName().strip(), profile.stir(), e.field(), e.getMessage()));
                }
            });
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Registration %s of STIR %s waits for Keycloak (attempt %d): %s", registration.id, registration.stir,
                    registration.attempts, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> registrations.update("leaseUntil = ?1, lastError = ?2 where id = ?3",
                    Instant.now(clock).plus(backoff(registration.attempts)), String.valueOf(e.getMessage()), registration.id));
            return false;
        }
    }

    /** The next due registration, leased to this worker, or null. */
    Registration takeDue() {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<UUID> due = registrations.getEntityManager().createNativeQuery("""
                        select id from registration where state = 'STARTED' and lease_until <= :now
                        order by lease_until limit 1 for update skip locked""")
                .setParameter("now", now).getResultList();
        if (due.isEmpty()) {
            return null;
        }
        Registration registration = registrations.findById(due.getFirst());
        registration.leaseUntil = now.plus(LEASE);
        registration.attempts++;
        return registration;
    }

    private Duration backoff(int attempts) {
        long seconds = Math.min(maxBackoff.toSeconds(), firstBackoff.toSeconds() << Math.min(attempts - 1, 16));
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    /**
     * Gives the registration's manager the password and so the account, once, with a code from the
     * mail that is not used and not expired. Every code of the registration is spent by it. A code
     * that is wrong, used or expired is refused alike, so none can be told from another.
     */
    public Confirmed confirm(String code, String password) {
        String hash = sha256(code);
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock);
            // Locked to the end: two confirmations with one code cannot both pass.
            @SuppressWarnings("unchecked")
            List<Object[]> found = registrations.getEntityManager().createNativeQuery("""
                            select c.registration_id, c.expires_at, c.used_at from registration_confirmation c
                            where c.code_hash = :hash for update""")
                    .setParameter("hash", hash).getResultList();
            if (found.isEmpty() || found.getFirst()[2] != null || !toInstant(found.getFirst()[1]).isAfter(now)) {
                throw ProblemException.invalidField("code", "is not a valid code: wrong, already used or expired");
            }
            Registration registration = registrations.findById((UUID) found.getFirst()[0]);
            try {
                accounts.setPassword(registration.keycloakUserId, password, "password");
                accounts.markEmailVerified(registration.managerEmail);
            } catch (RuntimeException e) {
                throw asProblem(e);
            }
            registrations.getEntityManager().createNativeQuery("""
                            update registration_confirmation set used_at = :now
                            where registration_id = :registration and used_at is null""")
                    .setParameter("now", now).setParameter("registration", registration.id).executeUpdate();
            if (registration.confirmedAt == null) {
                registration.confirmedAt = now;
            }
            return new Confirmed(organizations.findById(registration.organizationId), members.findById(registration.keycloakUserId));
        });
    }

    /** A single-use code for the registration, only its hash kept, mailed to the manager in the caller's transaction. */
    void mailConfirmation(UUID registrationId, OrganizationProfile profile, Person manager) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now(clock);
        Instant expires = now.plus(confirmationValidFor);
        registrations.getEntityManager().createNativeQuery("""
                        insert into registration_confirmation (code_hash, registration_id, created_at, expires_at)
                        values (:hash, :registration, :now, :expires)""")
                .setParameter("hash", sha256(code)).setParameter("registration", registrationId)
                .setParameter("now", now).setParameter("expires", expires).executeUpdate();
        mailUnlessFlooded(manager.email(), "Aqlli elektron: confirm the registration of " + profile.legalName().strip(), """
                Assalomu alaykum, %s!

                %s (STIR %s) was registered on Aqlli elektron with this address as its manager's.
                To confirm it and choose your password, send this code with the password you want
                (POST /api/catalog/registrations/confirmation, {"code": "...", "password": "..."})
                before %s UTC:

                Code: %s

                The code works once. If you did not register, ignore this mail: without the code
                nobody can sign in with this address.
                """.formatted(manager.firstName(), profile.legalName().strip(), profile.stir(),
                expires.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString().replace('T', ' ').replace("Z", ""), code));
    }

    /** Tells the owner of an address that has an account that someone tried to register with it (caller's transaction). */
    private void warnOwner(String email) {
        mailUnlessFlooded(email, "Aqlli elektron: someone tried to register with your address", """
                Assalomu alaykum!

                Someone tried to register an organization on Aqlli elektron with this address, which
                already has an account. Nothing was created.

                If it was you: sign in with your password. (Forgotten passwords are not reset by mail
                yet: your region's administration can help.) If you
                registered earlier and have not confirmed yet, use the code from that mail, or send
                that same registration again for a new code.
                If it was not you, there is nothing to do.
                """);
    }

    /**
     * Queues a mail to {@code address} in the caller's transaction unless the address already got
     * {@code mails-per-address-per-hour} from catalog in the last hour: anyone may send registrations
     * naming any address, and must not flood its mailbox through us. Skipped silently, so the answer
     * stays the same.
     */
    private void mailUnlessFlooded(String address, String subject, String body) {
        Number recent = (Number) registrations.getEntityManager().createNativeQuery(
                        "select count(*) from mail_outbox where recipient = :address and created_at > :since")
                .setParameter("address", address).setParameter("since", Instant.now(clock).minus(Duration.ofHours(1)))
                .getSingleResult();
        if (recent.intValue() >= mailsPerAddressPerHour) {
            LOG.infof("No more registration mail to one address this hour (%d sent)", recent.intValue());
            return;
        }
        mail.append(address, subject, body);
    }

    /** What the worker needs of a registration: the organization and its manager as sent, never a password. */
    record QueuedRegistration(OrganizationProfile organization, Person manager) {
    }

    private String queued(OrganizationProfile profile, Person manager) {
        try {
            return json.writeValueAsString(new QueuedRegistration(profile,
                    new Person(manager.firstName(), manager.lastName(), manager.email(), null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private QueuedRegistration queued(String request) {
        try {
            return json.readValue(request, QueuedRegistration.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Forgets the reservations of taken addresses once a code would have run out: the STIR is free
     * again (for the organization itself, say, with the right address).
     */
    public int expireReservations() {
        return QuarkusTransaction.requiringNew().call(() -> (int) registrations.delete("state = ?1 and completedAt < ?2",
                Registration.State.ADDRESS_TAKEN, Instant.now(clock).minus(confirmationValidFor)));
    }

    @Scheduled(every = "${aqlli.catalog.registration.expiry-interval:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepReservations() {
        expireReservations();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.close();
    }

    private static Instant toInstant(Object value) {
        return value instanceof Instant instant ? instant : value instanceof java.time.OffsetDateTime offset ? offset.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Registration claim(String stir, String fingerprint, String email, String request) {
        Instant now = Instant.now(clock);
        Registration existing = registrations.lockByStir(stir).orElse(null);
        if (existing == null) {
            if (organizations.stirTaken(stir)) {
                throw duplicateStir();
            }
            Registration registration = new Registration();
            registration.id = UUID.randomUUID();
            registration.stir = stir;
            registration.fingerprint = fingerprint;
            registration.organizationId = UUID.randomUUID();
            registration.managerEmail = email;
            registration.state = Registration.State.STARTED;
            registration.request = request;
            registration.leaseUntil = now; // due for the worker at once
            registration.startedAt = now;
            if (members.emailTaken(email)) {
                // Not refused, and the STIR reserved exactly as for a new address: otherwise a second
                // request for this STIR would tell by its answer whether the address has an account.
                registration.state = Registration.State.ADDRESS_TAKEN;
                registration.completedAt = now;
            }
            try {
                registrations.persistAndFlush(registration);
            } catch (ConstraintViolationException e) {
                // another request for the same STIR got there between our lookup and insert (says nothing of the address)
                throw inProgress();
            }
            return registration;
        }
        if (!existing.fingerprint.equals(fingerprint)) {
            throw duplicateStir();
        }
        return existing;
    }

    private void record(UUID registrationId, UUID keycloakOrganization, UUID user) {
        QuarkusTransaction.requiringNew().run(() -> {
            Registration registration = registrations.findById(registrationId);
            registration.keycloakOrganizationId = keycloakOrganization;
            registration.keycloakUserId = user;
        });
    }

    void complete(UUID registrationId, OrganizationProfile profile, Person person, UUID keycloakOrganization, UUID user) {
        Instant now = Instant.now(clock);
        Registration registration = registrations.findById(registrationId);
        Organization organization = Organization.register(registration.organizationId, profile, keycloakOrganization, now);
        Member manager = new Member(user, organization.id(), person, MemberRole.MANAGER, now);
        organizations.persist(organization);
        members.persist(manager);
        registration.state = Registration.State.COMPLETED;
        registration.completedAt = now;
        outbox.append(OrganizationEvents.registered(organization, manager));
        mailConfirmation(registration.id, profile, person);
        organizations.flush();
    }

    /**
     * Removes what a registration made in Keycloak, then the registration, or, when its address turned
     * out to be taken, keeps it as {@code ADDRESS_TAKEN} so the STIR stays reserved as for any other
     * address; leaves it for the worker's next attempt if Keycloak is away.
     */
    void undo(UUID registrationId, boolean addressTaken) {
        Registration registration = QuarkusTransaction.requiringNew().call(() -> registrations.findById(registrationId));
        if (registration == null || registration.state != Registration.State.STARTED) {
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
            if (addressTaken) {
                QuarkusTransaction.requiringNew().run(() -> registrations.update(
                        "state = ?1, keycloakOrganizationId = null, keycloakUserId = null, completedAt = ?2 where id = ?3",
                        Registration.State.ADDRESS_TAKEN, Instant.now(clock), registrationId));
            } else {
                QuarkusTransaction.requiringNew().run(() -> registrations.deleteById(registrationId));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Registration %s of STIR %s could not be undone yet (%s); the worker tries again later",
                    registrationId, registration.stir, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> registrations.update("leaseUntil = ?1 where id = ?2",
                    Instant.now(clock).plus(backoff(Math.max(1, registration.attempts))), registrationId));
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
