package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An administration user of the buyer's region (or the republic) took a raised flag under review.
 *
 * @param decidedBy the administration user (Keycloak subject) who took it: the tamper-evident record keeps who
 */
public record RedFlagReviewed(UUID flagId, String code, String regionCode, String note, String decidedBy,
                              Instant reviewedAt) implements RedFlagEvent {
}
