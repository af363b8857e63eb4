package uz.aqlli.integrity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uz.aqlli.integrity.RedFlagStatus;

/** What the administration sends to move a flag on. */
public final class ReviewForms {

    private ReviewForms() {
    }

    /** Taking a flag under review. */
    public record Review(@NotBlank @Size(max = 2000) String note) {
    }

    /** @param status {@code CONFIRMED} or {@code DISMISSED} */
    public record Decision(@NotNull RedFlagStatus status, @NotBlank @Size(max = 2000) String note) {
    }
}
