package uz.aqlli.integrity.service;

import uz.aqlli.integrity.FlagCode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A flag the evidence calls for now: what it is about ({@code subject}, stable across
 * re-evaluations), whose region reviews it, and the events and values it rests on.
 */
public record Finding(FlagCode code, String subject, String regionCode, UUID requestId, UUID contractId, UUID buyerId,
                      List<UUID> organizationIds, List<String> eventIds, Map<String, String> values) {
}
