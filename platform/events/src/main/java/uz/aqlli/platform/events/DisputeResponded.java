package uz.aqlli.platform.events;

import java.time.Instant;

/** The other party answered within the response window. */
public record DisputeResponded(DisputeFacts dispute, Instant respondedAt) implements DisputeEvent {
}
