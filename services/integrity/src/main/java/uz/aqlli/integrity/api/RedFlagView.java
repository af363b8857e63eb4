package uz.aqlli.integrity.api;

import uz.aqlli.integrity.RedFlag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A red flag as the administration reads it: its evidence, whom it concerns, its review. */
public record RedFlagView(UUID id, String code, String name, String status, String regionCode, UUID requestId, UUID contractId,
                          UUID buyerId, List<UUID> organizationIds, Evidence evidence, Instant raisedAt, Instant retractedAt,
                          String retraction, Step review, Step decision, RedFlag.AfterDecision afterDecision, long version) {

    /** @param eventIds the CloudEvents ids of the events it rests on; {@code values} what was compared */
    public record Evidence(List<String> eventIds, Map<String, String> values) {
    }

    /** @param by the administration user (Keycloak subject) who took the step */
    public record Step(String note, String by, Instant at) {
    }

    static RedFlagView of(RedFlag flag) {
        return new RedFlagView(flag.id(), flag.code().code(), flag.code().title(), flag.status().name(), flag.regionCode(),
                flag.requestId(), flag.contractId(), flag.buyerId(), flag.organizationIds(),
                new Evidence(flag.evidenceEventIds(), flag.values()), flag.raisedAt(), flag.retractedAt(), flag.retraction(),
                flag.reviewedAt() == null ? null : new Step(flag.reviewNote(), flag.reviewedBy(), flag.reviewedAt()),
                flag.decidedAt() == null ? null : new Step(flag.decisionNote(), flag.decidedBy(), flag.decidedAt()),
                flag.afterDecision(), flag.version());
    }
}
