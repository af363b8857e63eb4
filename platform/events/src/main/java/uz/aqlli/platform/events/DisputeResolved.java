package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The administration decided an escalated dispute, and the outcome was applied to the subject. Its
 * written reason stays with the dispute (the parties' and the administration's).
 *
 * @param settledUzs   as in {@link DisputeSettled}
 * @param decidedBy    the region code of the deciding administration ({@code 17}: the republic's)
 * @param decidedByUser the administration user (Keycloak subject) who decided, so the lake's record
 *                      holds who decided (docs/transparency.md); {@code null} from producers before it
 */
public record DisputeResolved(DisputeFacts dispute, String outcome, BigDecimal settledUzs, String decidedBy, String decidedByUser,
                              Instant resolvedAt) implements DisputeEvent {

    /** As published before the deciding user was carried. */
    public DisputeResolved(DisputeFacts dispute, String outcome, BigDecimal settledUzs, String decidedBy, Instant resolvedAt) {
        this(dispute, outcome, settledUzs, decidedBy, null, resolvedAt);
    }
}
