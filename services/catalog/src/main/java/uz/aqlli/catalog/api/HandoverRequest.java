package uz.aqlli.catalog.api;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** Who becomes the organization's manager: one of its members, by user id. */
public record HandoverRequest(@NotNull UUID userId) {
}
