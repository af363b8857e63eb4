package uz.aqlli.platform.testing;

import uz.aqlli.platform.events.OrganizationEvent;
import uz.aqlli.platform.events.OrganizationRegistered;
import uz.aqlli.platform.events.OrganizationReinstated;
import uz.aqlli.platform.events.OrganizationRejected;
import uz.aqlli.platform.events.OrganizationSuspended;
import uz.aqlli.platform.events.OrganizationVerified;
import uz.aqlli.platform.events.Topic;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Puts catalog's organization events on {@code aqlli.catalog.organizations} as its outbox relay
 * does, for services that take the directory's word without catalog running in the same test.
 */
public final class DirectoryEvents {

    private DirectoryEvents() {
    }

    /**
     * An {@code Organization<type>} event ({@code Registered}, {@code Verified}, {@code Rejected},
     * {@code Suspended}, {@code Reinstated}) saying the organization's status is {@code status},
     * dated {@code asOf}; returns the event's id.
     */
    public static String announce(String kafka, String organizationId, String kind, String regionCode, String type,
                                  String status, Instant asOf) {
        return PlatformEvents.publish(kafka, Topic.ORGANIZATIONS, event(organizationId, kind, regionCode, type, status, asOf),
                Topic.ORGANIZATIONS.source(), asOf.atOffset(ZoneOffset.UTC));
    }

    /** The event record itself, for a test that publishes it some other way (twice, or from a forged source). */
    public static OrganizationEvent event(String organizationId, String kind, String regionCode, String type, String status,
                                          Instant asOf) {
        UUID id = UUID.fromString(organizationId);
        return switch (type) {
            case "Registered" -> new OrganizationRegistered(id, kind, "Test tashkiloti", "300000001", regionCode,
                    regionCode + "401", "NONE", null, List.of(), List.of(), "+998710000000", "test@example.uz", status, asOf);
            case "Verified" -> new OrganizationVerified(id, kind, regionCode, status, null, "test", asOf);
            case "Rejected" -> new OrganizationRejected(id, kind, regionCode, status, "test", "test", asOf);
            case "Suspended" -> new OrganizationSuspended(id, kind, regionCode, status, "test", "test", asOf);
            case "Reinstated" -> new OrganizationReinstated(id, kind, regionCode, status, "test", "test", asOf);
            default -> throw new IllegalArgumentException("no organization event Organization" + type);
        };
    }
}
