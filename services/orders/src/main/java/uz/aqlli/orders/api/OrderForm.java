package uz.aqlli.orders.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uz.aqlli.orders.Order;
import uz.aqlli.orders.service.Ordering;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A new order: catalogue products of one enterprise ({@code items}) or one provider's offer
 * ({@code offerId}, with {@code months} for a subscription). No price, status or party: the server
 * prices it and the buyer is the caller's organization.
 */
public record OrderForm(
        @Size(min = 1, max = 50) List<@Valid @NotNull Item> items,
        UUID offerId,
        @Min(1) @Max(36) Integer months,
        @Valid DeliveryForm delivery,
        LocalDate wantedBy,
        @Size(max = 2000) String note) {

    public record Item(
            @NotNull UUID productId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 3) BigDecimal quantity) {
    }

    /** Where it goes: a region, optionally a district, and (for goods) the address. */
    public record DeliveryForm(
            @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code") String regionCode,
            @Pattern(regexp = "\\d{7}", message = "must be a 7-digit SOATO district code") String districtCode,
            @Size(max = 300) String address) {
    }

    /** Exactly one of {@code items} and {@code offerId}; goods need a delivery region. */
    public boolean ofProducts() {
        if ((items == null) == (offerId == null)) {
            throw ProblemException.invalidField(items == null ? "items" : "offerId",
                    "give either items (catalogue products) or offerId (a provider's offer), not both or neither");
        }
        if (items != null) {
            if (months != null) {
                throw ProblemException.invalidField("months", "is only for a subscription offer");
            }
            if (delivery == null || delivery.regionCode() == null) {
                throw ProblemException.invalidField("delivery.regionCode", "is required: where the goods go");
            }
        }
        return items != null;
    }

    public List<Ordering.Line> lines() {
        return items.stream().map(item -> new Ordering.Line(item.productId(), item.quantity())).toList();
    }

    public Order.Delivery deliveryTerms() {
        DeliveryForm where = delivery == null ? new DeliveryForm(null, null, null) : delivery;
        return new Order.Delivery(where.regionCode(), where.districtCode(), blankToNull(where.address()), wantedBy,
                blankToNull(note));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
