package uz.aqlli.orders.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uz.aqlli.orders.DisputeOutcome;
import uz.aqlli.orders.DisputeReason;
import uz.aqlli.orders.DisputeSubject;
import uz.aqlli.orders.DocumentLinks;
import uz.aqlli.orders.service.Disputes;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The bodies of a dispute's steps. */
public final class DisputeForms {

    private DisputeForms() {
    }

    /**
     * Opening a dispute: its subject ({@code ORDER} with {@code orderId}; {@code MONTH} with
     * {@code orderId} and the month's {@code number}; {@code MILESTONE} with {@code contractId} and the
     * milestone's {@code number}), the reason code, the party's text and optional links to its
     * {@code documents} (https, checked by the dispute).
     */
    public record Opening(
            @NotNull DisputeSubject subject,
            UUID orderId,
            UUID contractId,
            @Min(1) @Max(1000) Integer number,
            @NotNull DisputeReason reasonCode,
            @NotBlank @Size(max = 4000) String text,
            @Size(max = DocumentLinks.MAX) List<String> documents) {

        Disputes.Opening opening() {
            return new Disputes.Opening(subject, orderId, contractId, number, reasonCode, text.strip(), documents);
        }
    }

    /** An order's own dispute routes: the text as {@code reason} (as before disputes), the code optional. */
    public record OrderDispute(@NotBlank @Size(max = 4000) String reason, DisputeReason reasonCode) {

        Disputes.Opening opening(DisputeSubject subject, UUID orderId, Integer month) {
            return new Disputes.Opening(subject, orderId, null, month, reasonCode == null ? DisputeReason.NOT_AS_AGREED : reasonCode,
                    reason.strip(), List.of());
        }
    }

    public record Response(@NotBlank @Size(max = 4000) String text, @Size(max = DocumentLinks.MAX) List<String> documents) {
    }

    /** One party's confirmation of an outcome; {@code amountUzs} only (and required) for {@code PARTIAL_AMOUNT}. */
    public record Settlement(@NotNull DisputeOutcome outcome, @Digits(integer = 16, fraction = 2) BigDecimal amountUzs) {
    }

    public record Escalation(@Size(max = 4000) String note) {
    }

    /** The administration's decision: the outcome and its written reason. */
    public record Resolution(@NotNull DisputeOutcome outcome, @Digits(integer = 16, fraction = 2) BigDecimal amountUzs,
                             @NotBlank @Size(max = 4000) String reason,
                             @Size(max = DocumentLinks.MAX) List<String> documents) {
    }
}
