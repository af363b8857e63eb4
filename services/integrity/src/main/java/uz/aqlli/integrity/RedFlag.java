package uz.aqlli.integrity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A raised flag as stored: its evidence, whom it concerns, and where its review stands. */
public record RedFlag(UUID id, FlagCode code, String subject, RedFlagStatus status, String regionCode, UUID requestId,
                      UUID contractId, UUID buyerId, List<UUID> organizationIds, List<String> evidenceEventIds,
                      Map<String, String> values, Instant raisedAt, Instant retractedAt, String retraction, String reviewNote,
                      String reviewedBy, Instant reviewedAt, String decisionNote, String decidedBy, Instant decidedAt,
                      AfterDecision afterDecision, long version) {

    /**
     * What the latest re-evaluation after the decision found: the evidence now ({@code holds}), or
     * that its facts went away; the decision stands on the evidence it was taken on.
     */
    public record AfterDecision(String eventId, String reason, Instant at, boolean holds, List<String> eventIds,
                                Map<String, String> values) {
    }
}
