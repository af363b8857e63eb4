package uz.aqlli.orders.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uz.aqlli.orders.RatingScores;

/** The bodies of the rating routes. */
public final class RatingForms {

    private RatingForms() {
    }

    /** A party's rating of the other: each score 1 (poor) to 5 (excellent), and what happened in words. */
    public record Rate(
            @NotNull @Min(1) @Max(5) Integer quality,
            @NotNull @Min(1) @Max(5) Integer timeliness,
            @NotNull @Min(1) @Max(5) Integer communication,
            @NotBlank @Size(max = 2000) String text) {

        RatingScores scores() {
            return new RatingScores(quality, timeliness, communication, text.strip());
        }
    }

    /** The rated party's public answer. */
    public record Response(@NotBlank @Size(max = 2000) String text) {
    }
}
