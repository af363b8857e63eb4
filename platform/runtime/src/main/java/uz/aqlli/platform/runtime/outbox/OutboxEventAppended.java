package uz.aqlli.platform.runtime.outbox;

import java.util.UUID;

/** In-process signal that an outbox row was written; observed after the transaction commits. */
public record OutboxEventAppended(UUID eventId) {
}
