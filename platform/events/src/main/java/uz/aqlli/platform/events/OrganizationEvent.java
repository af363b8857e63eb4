package uz.aqlli.platform.events;

import java.util.UUID;

/**
 * Every event of the organization directory names the organization, its region and its status
 * after the change: enough for another service to know, without asking {@code catalog}, whether
 * an organization may trade.
 */
public interface OrganizationEvent extends IntegrationEvent {

    UUID organizationId();

    String kind();

    String regionCode();

    /** {@code PENDING}, {@code VERIFIED}, {@code REJECTED} or {@code SUSPENDED}. */
    String status();
}
