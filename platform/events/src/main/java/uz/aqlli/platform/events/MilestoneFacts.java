package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One milestone of a signed contract as it stands after the change, in every milestone event: the
 * lake compares amounts in force and accepted, due, met and overdue dates without replaying history.
 *
 * @param type              {@code DELIVERY} or {@code PAYMENT}
 * @param status            {@code SCHEDULED}, {@code DELIVERED}, {@code MET} or {@code PARTIALLY_MET}
 * @param amountUzs         the amount in force (an accepted amendment's, or the signed plan's)
 * @param dueDate           the due date in force, a day in Tashkent
 * @param acceptedAmountUzs what the buyer accepted; {@code null} until then
 * @param metAt             when it was accepted (or, accepted by the window, when the window ended)
 * @param overdueAt         since when it is overdue; {@code null} if it never was
 */
public record MilestoneFacts(
        int number,
        String title,
        String type,
        String status,
        BigDecimal amountUzs,
        LocalDate dueDate,
        BigDecimal acceptedAmountUzs,
        Instant metAt,
        Instant overdueAt) {
}
