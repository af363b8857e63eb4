package uz.aqlli.offers.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A question, an answer, or the reason for a decision: one text. */
public record TextForm(@NotBlank @Size(max = 4000) String text) {
}
