package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A member of the buyer placed an order above the organization's approval threshold: it waits for the
 * buyer's manager. The seller sees nothing of it until it is approved ({@link OrderPlaced}).
 */
public record OrderApprovalRequested(OrderFacts order, BigDecimal approvalThresholdUzs, Instant requestedAt)
        implements OrderEvent {
}
