package uz.aqlli.catalog;

import uz.aqlli.platform.events.MemberJoined;
import uz.aqlli.platform.events.MemberLeft;
import uz.aqlli.platform.events.OrganizationEvent;
import uz.aqlli.platform.events.OrganizationManagerChanged;
import uz.aqlli.platform.events.OrganizationReinstated;
import uz.aqlli.platform.events.OrganizationRegistered;
import uz.aqlli.platform.events.OrganizationRejected;
import uz.aqlli.platform.events.OrganizationSuspended;
import uz.aqlli.platform.events.OrganizationVerified;

import java.time.Instant;
import java.util.UUID;

/**
 * The directory's events, built from the organization as it stands, in one place: onboarding,
 * the administration's decisions and the demo data all announce an organization the same way.
 */
public final class OrganizationEvents {

    private OrganizationEvents() {
    }

    /** {@code manager} is the member made manager with the registration; {@code null} when it entered without users. */
    public static OrganizationRegistered registered(Organization organization, Member manager) {
        return new OrganizationRegistered(organization.id(), organization.kind().name(), organization.legalName(),
                organization.stir(), organization.regionCode(), organization.districtCode(), organization.zoneType().name(),
                organization.zoneName(), organization.sectors(), organization.serviceCategories(),
                organization.contactPhone(), organization.contactEmail(), organization.address(),
                organization.vatRegistrationCode(), manager == null ? null : manager.userId().toString(),
                organization.status().name(), organization.registeredAt());
    }

    /** {@code successor} took the manager role from {@code predecessor}, now a member. */
    public static OrganizationManagerChanged managerChanged(Organization organization, Member successor, Member predecessor,
                                                            Instant at) {
        return new OrganizationManagerChanged(organization.id(), organization.kind().name(), organization.regionCode(),
                organization.status().name(), successor.userId().toString(), predecessor.userId().toString(), at);
    }

    /** The decision just taken on {@code organization}: its status, reason, who and when come from it. */
    public static OrganizationEvent decided(Organization organization, OrganizationDecision decision) {
        UUID id = organization.id();
        String kind = organization.kind().name();
        String region = organization.regionCode();
        String status = organization.status().name();
        String reason = organization.statusReason();
        String by = organization.statusChangedBy();
        Instant at = organization.statusChangedAt();
        return switch (decision) {
            case VERIFY -> new OrganizationVerified(id, kind, region, status, reason, by, at);
            case REJECT -> new OrganizationRejected(id, kind, region, status, reason, by, at);
            case SUSPEND -> new OrganizationSuspended(id, kind, region, status, reason, by, at);
            case REINSTATE -> new OrganizationReinstated(id, kind, region, status, reason, by, at);
        };
    }

    /** A user the manager added; the manager of a registration is announced by {@link #registered}. */
    public static MemberJoined memberJoined(Member member) {
        return new MemberJoined(member.organizationId(), member.userId().toString(), member.email(), member.addedAt());
    }

    public static MemberLeft memberLeft(Member member, Instant leftAt) {
        return new MemberLeft(member.organizationId(), member.userId().toString(), leftAt);
    }
}
