package uz.aqlli.catalog.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;
import uz.aqlli.catalog.Member;
import uz.aqlli.catalog.MemberRole;
import uz.aqlli.catalog.Organization;
import uz.aqlli.catalog.OrganizationDecision;
import uz.aqlli.catalog.OrganizationEvents;
import uz.aqlli.catalog.OrganizationKind;
import uz.aqlli.catalog.OrganizationStatus;
import uz.aqlli.catalog.Person;
import uz.aqlli.catalog.identity.KeycloakAccounts;
import uz.aqlli.catalog.repository.MemberRepository;
import uz.aqlli.catalog.repository.OrganizationRepository;
import uz.aqlli.catalog.repository.ProductRepository;
import uz.aqlli.platform.runtime.api.Listing;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.Problem;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The organization directory: who may see which organization, the administration's decisions,
 * and an organization's users.
 *
 * <p>Visibility: a verified organization is public; any other is visible only to its own members
 * and to the administration of its region. To everyone else it does not exist (404), so an id
 * cannot be probed.
 */
@ApplicationScoped
public class OrganizationDirectory {

    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final ProductRepository products;
    private final KeycloakAccounts accounts;
    private final EventOutbox outbox;
    private final Caller caller;
    private final Clock clock;

    OrganizationDirectory(OrganizationRepository organizations, MemberRepository members, ProductRepository products,
                          KeycloakAccounts accounts, EventOutbox outbox, Caller caller, Clock clock) {
        this.clock = clock;
        this.organizations = organizations;
        this.members = members;
        this.products = products;
        this.accounts = accounts;
        this.outbox = outbox;
        this.caller = caller;
    }

    /** The organization if the caller may see it; otherwise 404, whether or not it exists. */
    public Organization visible(UUID id) {
        return organizations.findByIdOptional(id)
                .filter(organization -> organization.status() == OrganizationStatus.VERIFIED || seesPrivately(organization))
                .orElseThrow(() -> ProblemException.notFound("Organization " + id));
    }

    /** Its members and the administration of its region see its private details (status reason, users). */
    public boolean seesPrivately(Organization organization) {
        return caller.memberOf(organization.id()) || caller.administers(organization.regionCode());
    }

    /**
     * A page of the directory. The public (and enterprises and providers) list verified
     * organizations; the administration lists any status, within its region.
     */
    public Listing<Organization> list(OrganizationStatus status, String regionCode, OrganizationKind kind, int page, int size) {
        String region = regionCode;
        if (caller.administrationRegion().isPresent()) {
            region = caller.regionScope(regionCode).orElse(null);
        } else if (status != null && status != OrganizationStatus.VERIFIED) {
            throw ProblemException.forbidden("administration-only",
                    "Only the regional administration lists organizations that are not verified");
        } else {
            status = OrganizationStatus.VERIFIED;
        }
        var query = organizations.search(status, region, kind);
        return new Listing<>(query.page(Page.of(page, size)).list(), query.count());
    }

    /**
     * The regional administration's decision, recorded with its event in one transaction. A
     * suspension takes the organization's listed products off the public list in the same
     * transaction, and a reinstatement lists them again: the search never joins the directory.
     */
    @Transactional
    public Organization decide(UUID id, OrganizationDecision decision, String reason) {
        Organization organization = organizations.findByIdOptional(id)
                .filter(found -> caller.administers(found.regionCode()))
                .orElseThrow(() -> ProblemException.notFound("Organization " + id));
        try {
            organization.decide(decision, reason, caller.userId(), Instant.now(clock));
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("invalid-status-transition", "The organization is " + organization.status()
                    + "; the decision " + decision + " does not apply to it");
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("reason", "is required to " + decision.name().toLowerCase(java.util.Locale.ROOT));
        }
        // A decision racing this one on the same organization fails here, as a 412, not at commit as a 500.
        // Written before the products are: the row's lock makes a publish in flight (which holds it
        // shared) finish first, so the products' update below sees it.
        organizations.flush();
        switch (decision) {
            case SUSPEND -> products.suspendListedOf(organization.id());
            case REINSTATE -> products.relistSuspendedOf(organization.id());
            default -> {
            }
        }
        outbox.append(OrganizationEvents.decided(organization, decision));
        return organization;
    }

    /** The organization's users: for its members and its region's administration. */
    public List<Member> members(UUID organizationId) {
        Organization organization = privately(organizationId);
        return members.ofOrganization(organization.id());
    }

    /**
     * The manager adds a user to their organization: a Keycloak user with the organization's role,
     * a member of its Keycloak organization, and a member row. If the row cannot be written the
     * Keycloak user is removed again.
     */
    public Member addMember(UUID organizationId, Person person) {
        Organization organization = managed(organizationId, "adds users");
        // A 409 here, unlike at registration: the caller is a signed-in manager, accountable by name
        // for every add, who must learn whether the colleague was added; an anonymous caller could
        // ask about any number of addresses, a manager only from their own account.
        if (members.emailTaken(person.email())) {
            throw new ProblemException(409, "urn:aqlli:problem:duplicate-email", "Conflict", "email: is already used by another account",
                    List.of(new Problem.FieldError("email", "is already used by another account")));
        }
        UUID user;
        try {
            user = accounts.ensureUser(organization.id(), organization.kind(), person);
        } catch (RuntimeException e) {
            throw relabel(Onboarding.asProblem(e));
        }
        try {
            accounts.addMember(organization.keycloakOrganizationId(), user);
            return QuarkusTransaction.requiringNew().call(() -> {
                Member member = new Member(user, organization.id(), person, MemberRole.MEMBER, Instant.now(clock));
                members.persist(member);
                outbox.append(OrganizationEvents.memberJoined(member));
                return member;
            });
        } catch (RuntimeException e) {
            try {
                accounts.deleteUser(user);
            } catch (RuntimeException ignored) {
                // the next add of the same e-mail adopts this user (it names this organization)
            }
            throw Onboarding.asProblem(e);
        }
    }

    /**
     * The manager removes a user: their Keycloak account goes first (their sessions end, and their
     * access token, at most five minutes old, is the last one), then the member row. A retry after
     * a failure in between finishes the job. The manager hands the role over before leaving.
     */
    public void removeMember(UUID organizationId, UUID userId) {
        Organization organization = managed(organizationId, "removes users");
        Member member = members.findByIdOptional(userId)
                .filter(found -> found.organizationId().equals(organization.id()))
                .orElseThrow(() -> ProblemException.notFound("Member " + userId));
        if (member.role() == MemberRole.MANAGER) {
            throw ProblemException.conflict("manager-cannot-leave",
                    "The manager cannot be removed; hand the manager role to another member first");
        }
        try {
            accounts.deleteUser(member.userId());
        } catch (RuntimeException e) {
            throw Onboarding.asProblem(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            members.deleteById(member.userId());
            outbox.append(OrganizationEvents.memberLeft(member, Instant.now(clock)));
        });
    }

    /**
     * The manager makes another member the manager and becomes a member; one transaction, with the
     * event that tells other services (orders: who approves) who manages now.
     */
    @Transactional
    public Member handOverManagement(UUID organizationId, UUID userId) {
        // The event names the organization's status, and every standing takes it as the latest word.
        // Read under a share lock held to commit, a decision racing the handover waits for it (or it
        // for the decision), so the event never repeats a status the topic has already replaced.
        organizations.findByIdOptional(organizationId, LockModeType.PESSIMISTIC_READ);
        Organization organization = managed(organizationId, "hands the role over");
        Member successor = members.findByIdOptional(userId)
                .filter(found -> found.organizationId().equals(organization.id()))
                .orElseThrow(() -> ProblemException.invalidField("userId", "is not a member of this organization"));
        Member manager = members.findById(UUID.fromString(caller.userId()));
        if (successor.userId().equals(manager.userId())) {
            throw ProblemException.invalidField("userId", "is already the manager");
        }
        // The manager steps down first: one manager per organization is a unique index, checked per
        // row. A handover racing this one read the same manager, and its step down finds the version
        // changed (412); flushing here makes that the answer rather than a failed commit.
        manager.changeRole(MemberRole.MEMBER);
        members.flush();
        successor.changeRole(MemberRole.MANAGER);
        try {
            members.flush();
        } catch (PersistenceException e) {
            if (causedBy(e, ConstraintViolationException.class)) {
                // someone else became the manager since this request read the members
                throw ProblemException.staleVersion();
            }
            throw e;
        }
        outbox.append(OrganizationEvents.managerChanged(organization, successor, manager, Instant.now(clock)));
        return successor;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> cause) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (cause.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The caller's organization when the caller is its manager; someone else's organization is 404. */
    private Organization managed(UUID organizationId, String action) {
        Organization organization = organizations.findByIdOptional(organizationId)
                .filter(found -> caller.memberOf(found.id()))
                .orElseThrow(() -> ProblemException.notFound("Organization " + organizationId));
        boolean manager = members.findByIdOptional(UUID.fromString(caller.userId()))
                .map(self -> self.role() == MemberRole.MANAGER).orElse(false);
        if (!manager) {
            throw ProblemException.forbidden("not-organization-manager", "Only the organization's manager " + action);
        }
        return organization;
    }

    /** Keycloak names fields as in a registration ({@code user.email}); here the body is the user itself. */
    private static RuntimeException relabel(RuntimeException problem) {
        if (problem instanceof ProblemException p && !p.errors().isEmpty()) {
            List<Problem.FieldError> errors = p.errors().stream()
                    .map(error -> new Problem.FieldError(error.field().replaceFirst("^user\\.", ""), error.message())).toList();
            return new ProblemException(p.status(), p.type(), p.title(), p.getMessage().replaceFirst("^user\\.", ""), errors);
        }
        return problem;
    }

    private Organization privately(UUID id) {
        return organizations.findByIdOptional(id)
                .filter(this::seesPrivately)
                .orElseThrow(() -> ProblemException.notFound("Organization " + id));
    }
}
