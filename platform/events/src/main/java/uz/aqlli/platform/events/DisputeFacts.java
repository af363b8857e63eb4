package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What every dispute event says of the dispute after the change: what it is about, both parties and
 * where they sit, who opened it and why (the code only: the parties' texts stay between them and the
 * deciding administration, and the lake is read by every administration), and the amount at stake.
 *
 * @param subjectKind     {@code ORDER}, {@code MONTH} (of a subscription order) or {@code MILESTONE} (of a contract)
 * @param orderId         the order, for {@code ORDER} and {@code MONTH}; otherwise {@code null}
 * @param contractId      the contract, for {@code MILESTONE}; otherwise {@code null}
 * @param number          the month or milestone number; {@code null} for {@code ORDER}
 * @param status          {@code OPEN}, {@code RESPONDED}, {@code SETTLED}, {@code ESCALATED} or {@code RESOLVED}
 * @param seller          the seller of an order, the supplier of a contract
 * @param openedBy        {@code BUYER} or {@code SELLER}
 * @param reasonCode      {@code NOT_DELIVERED}, {@code NOT_AS_AGREED}, {@code LATE}, {@code NOT_PAID} or {@code OTHER}
 * @param subjectUzs      the disputed order's, month's or milestone's amount in so'm
 * @param sector          the {@link Sector} of a disputed goods order (its largest line's); {@code null} otherwise
 * @param category        the {@link ServiceCategory} of a disputed service order or contract; {@code null} for goods
 */
public record DisputeFacts(
        UUID disputeId,
        String subjectKind,
        UUID orderId,
        UUID contractId,
        Integer number,
        String status,
        OrderParty buyer,
        OrderParty seller,
        String openedBy,
        String reasonCode,
        BigDecimal subjectUzs,
        String currency,
        String sector,
        String category) {
}
