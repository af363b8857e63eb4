package uz.aqlli.platform.testing;

import uz.aqlli.platform.events.Topic;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Puts organization events on {@code aqlli.catalog.organizations} exactly as catalog's outbox relay
 * does (CloudEvents in binary mode), for services that take the directory's word without catalog
 * running in the same test.
 */
public final class DirectoryEvents {

    private DirectoryEvents() {
    }

    /**
     * An {@code Organization<type>} event saying the organization's status is {@code status} as of
     * {@code asOf}; returns the event's id.
     */
    public static String announce(String kafka, String organizationId, String kind, String regionCode, String type,
                                String status, Instant asOf) {
        String payload = """
                {"organizationId":"%s","kind":"%s","regionCode":"%s","status":"%s","reason":null,"decidedBy":"test"}"""
                .formatted(organizationId, kind, regionCode, status);
        String eventId = UUID.randomUUID().toString();
        EventTopics.send(kafka, Topic.ORGANIZATIONS.topicName(), organizationId, payload.getBytes(StandardCharsets.UTF_8), Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId,
                "ce_source", "/aqlli/catalog",
                "ce_type", "Organization" + type,
                "ce_time", asOf.toString(),
                "ce_subject", organizationId,
                "content-type", "application/json"));
        return eventId;
    }
}
