package uz.aqlli.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;
import uz.aqlli.catalog.Organization;
import uz.aqlli.catalog.OrganizationKind;
import uz.aqlli.catalog.repository.OrganizationRepository;
import uz.aqlli.catalog.repository.RegionRepository;
import uz.aqlli.platform.events.OrganizationRegistered;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The organization directory: who is on the marketplace, and the events that tell the others. */
@ApplicationScoped
public class OrganizationDirectory {

    static final String AGGREGATE = "Organization";

    private final OrganizationRepository organizations;
    private final RegionRepository regions;
    private final EventOutbox outbox;
    private final Clock clock = Clock.systemUTC();

    OrganizationDirectory(OrganizationRepository organizations, RegionRepository regions, EventOutbox outbox) {
        this.organizations = organizations;
        this.regions = regions;
        this.outbox = outbox;
    }

    /** Enters an organization as pending and records {@link OrganizationRegistered}, in one transaction. */
    @Transactional
    public Organization register(OrganizationKind kind, String legalName, String stir, String regionCode,
                                 String districtCode) {
        if (regions.findByIdOptional(regionCode).isEmpty()) {
            throw ProblemException.invalidField("regionCode", "is not the SOATO code of one of the 14 regions");
        }
        if (districtCode != null && !districtCode.startsWith(regionCode)) {
            throw ProblemException.invalidField("districtCode", "does not lie in region " + regionCode);
        }
        if (organizations.stirTaken(stir)) {
            throw ProblemException.conflict("duplicate-stir", "An organization with this STIR is already registered");
        }
        Organization organization = Organization.register(kind, legalName, stir, regionCode, districtCode, Instant.now(clock));
        try {
            organizations.persistAndFlush(organization);
        } catch (ConstraintViolationException e) {
            // Two registrations of one STIR raced past the check above; the unique index decided.
            throw ProblemException.conflict("duplicate-stir", "An organization with this STIR is already registered");
        }
        outbox.append(Topic.ORGANIZATIONS, AGGREGATE, new OrganizationRegistered(organization.id(),
                organization.kind().name(), organization.legalName(), organization.stir(), organization.regionCode(),
                organization.districtCode(), organization.status().name(), organization.registeredAt()));
        return organization;
    }

    public Optional<Organization> find(UUID id) {
        return organizations.findByIdOptional(id);
    }
}
