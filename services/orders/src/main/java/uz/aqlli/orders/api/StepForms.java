package uz.aqlli.orders.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The bodies of an order's steps. */
public final class StepForms {

    private StepForms() {
    }

    /** Why: rejecting, refusing, disputing (required). */
    public record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    /** Why, when one is needed (cancelling a confirmed order, declining a quote). */
    public record OptionalReason(@Size(max = 1000) String reason) {
    }

    public record Confirmation(@NotNull LocalDate deliveryDate) {
    }

    /** The provider's quote: the total in so'm (VAT included), the hours for an hourly offer, the delivery date. */
    public record Quote(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 16, fraction = 2) BigDecimal amountUzs,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 8, fraction = 2) BigDecimal hours,
            @NotNull LocalDate deliveryDate,
            @Size(max = 2000) String note) {
    }

    /** The buyer accepts the quote it saw: its total, to be sure it has not changed since. */
    public record QuoteAcceptance(@NotNull @Digits(integer = 16, fraction = 2) BigDecimal amountUzs) {
    }

    /** The approval threshold in so'm; {@code null} lifts it. */
    public record Policy(@DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal approvalThresholdUzs) {
    }
}
