package uz.aqlli.platform.events;

import java.time.Instant;

/** A party opened a dispute: its subject is frozen until it ends; the other party answers by {@code responseDueAt}. */
public record DisputeOpened(DisputeFacts dispute, Instant responseDueAt, Instant openedAt) implements DisputeEvent {
}
