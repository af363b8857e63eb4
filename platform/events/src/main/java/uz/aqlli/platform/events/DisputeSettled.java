package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Both parties confirmed one outcome, and it was applied to the subject.
 *
 * @param outcome    {@code ACCEPT}, {@code REDO}, {@code PARTIAL_AMOUNT} or {@code CANCEL}
 * @param settledUzs what the subject is accepted at: its amount ({@code ACCEPT}), the agreed one
 *                   ({@code PARTIAL_AMOUNT}), zero ({@code CANCEL}); {@code null} for {@code REDO}
 */
public record DisputeSettled(DisputeFacts dispute, String outcome, BigDecimal settledUzs, Instant settledAt)
        implements DisputeEvent {
}
