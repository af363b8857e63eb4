package uz.aqlli.orders.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uz.aqlli.orders.AmendmentRationale;
import uz.aqlli.orders.Contract;
import uz.aqlli.orders.MilestoneType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The bodies of a contract's steps. */
public final class ContractForms {

    private ContractForms() {
    }

    /** The supplier's plan: its milestones in order; amounts and dates are checked by the contract. */
    public record Plan(@NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Milestone> milestones) {

        List<Contract.Draft> drafts() {
            return milestones.stream().map(m -> new Contract.Draft(m.title(), m.type(), m.amountUzs(), m.dueDate())).toList();
        }
    }

    public record Milestone(@NotBlank @Size(max = 300) String title, @NotNull MilestoneType type, @NotNull BigDecimal amountUzs,
                            @NotNull LocalDate dueDate) {
    }

    /** The plan version the buyer agrees to, or a manager signs: the one they read. */
    public record PlanChoice(@NotNull @Min(1) Integer planVersion) {
    }

    /** The buyer asks for changes to the version it read, saying which. */
    public record ChangeRequest(@NotNull @Min(1) Integer planVersion, @NotBlank @Size(max = 2000) String note) {
    }

    /** The supplier's delivery: a note and links to its documents (https, checked by the contract). */
    public record Delivery(@Size(max = 2000) String note, @Size(max = Contract.MAX_DOCUMENTS) List<@NotNull String> documents) {
    }

    /** The buyer's acceptance: whole without an amount, in part with the amount it accepts. */
    public record Acceptance(@Digits(integer = 16, fraction = 2) BigDecimal amountUzs) {
    }

    public record Payment(@NotNull @Digits(integer = 16, fraction = 2) BigDecimal amountUzs, @NotNull LocalDate paidOn) {
    }

    public record Amendment(@NotNull AmendmentRationale rationale, @NotBlank @Size(max = 2000) String description,
                            @Digits(integer = 16, fraction = 2) BigDecimal newValueUzs,
                            @Size(max = 50) List<@Valid @NotNull MilestoneChange> milestones) {

        List<Contract.MilestoneChange> changes() {
            return milestones == null ? List.of()
                    : milestones.stream().map(m -> new Contract.MilestoneChange(m.number(), m.amountUzs(), m.dueDate())).toList();
        }
    }

    public record MilestoneChange(@NotNull @Min(1) Integer number, @Digits(integer = 16, fraction = 2) BigDecimal amountUzs,
                                  LocalDate dueDate) {
    }

    /** Ending it: alone with a reason, or proposed to the other party ({@code byAgreement}); what was paid so far, as recorded. */
    public record Termination(@NotBlank @Size(max = 2000) String reason,
                              @NotNull @Digits(integer = 16, fraction = 2) BigDecimal paidUzs, boolean byAgreement) {
    }
}
