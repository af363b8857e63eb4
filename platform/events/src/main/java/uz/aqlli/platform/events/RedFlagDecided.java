package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The administration decided a flag under review: {@code CONFIRMED} (the concern stands and is
 * followed up) or {@code DISMISSED} (explained), with its note.
 *
 * @param decidedBy the administration user (Keycloak subject) who decided
 */
public record RedFlagDecided(UUID flagId, String code, String regionCode, String status, String note, String decidedBy,
                             Instant decidedAt) implements RedFlagEvent {
}
