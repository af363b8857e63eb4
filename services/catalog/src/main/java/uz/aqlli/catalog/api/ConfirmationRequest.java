package uz.aqlli.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The code a registration mailed to its manager, and the password the manager chooses with it. */
public record ConfirmationRequest(
        @NotBlank @Size(max = 100) String code,
        @NotNull @Size(min = 10, max = 128) String password) {
}
