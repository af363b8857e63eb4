package uz.aqlli.catalog.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uz.aqlli.catalog.OrganizationDecision;

/** The administration's decision; {@code reason} is required to reject or suspend. */
public record DecisionRequest(@NotNull OrganizationDecision decision, @Size(max = 1000) String reason) {
}
