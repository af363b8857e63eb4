package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The administration decided an escalated dispute, and the outcome was applied to the subject. Its
 * written reason stays with the dispute (the parties' and the administration's).
 *
 * @param settledUzs   as in {@link DisputeSettled}
 * @param decidedBy    the region code of the deciding administration ({@code 17}: the republic's)
 */
public record DisputeResolved(DisputeFacts dispute, String outcome, BigDecimal settledUzs, String decidedBy, Instant resolvedAt)
        implements DisputeEvent {
}
