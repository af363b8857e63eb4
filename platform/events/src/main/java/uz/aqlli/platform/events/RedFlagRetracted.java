package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A later event took away a raised flag's evidence (an award declined, a bid's ratio back inside
 * the fences as data grew, an overdue milestone delivered): the flag stays, marked retracted, never
 * deleted, so what was once raised can always be looked up.
 *
 * @param eventId the CloudEvents id of the event that changed the evidence
 */
public record RedFlagRetracted(UUID flagId, String code, String regionCode, String previousStatus, String eventId,
                               String reason, Instant retractedAt) implements RedFlagEvent {
}
