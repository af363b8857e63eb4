package uz.aqlli.platform.events;

import java.time.Instant;

/**
 * The dispute went to the administration of the buyer's region.
 *
 * @param escalatedBy  {@code BUYER} or {@code SELLER}, or {@code RESPONSE_WINDOW} when nobody answered in time
 * @param escalatedAt  when: for {@code RESPONSE_WINDOW}, the moment the window ended
 */
public record DisputeEscalated(DisputeFacts dispute, String escalatedBy, Instant escalatedAt) implements DisputeEvent {
}
