package uz.aqlli.orders.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import uz.aqlli.orders.Dispute;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dispute as its parties and the deciding administration see it (nobody else sees it at all):
 * the texts and the links to each step's documents included, but not who of each organization
 * wrote them. Documents are private to these readers: no event carries them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisputeView(
        UUID id,
        String status,
        Subject subject,
        UUID buyerId,
        UUID sellerId,
        String buyerRegionCode,
        String openedBy,
        String reasonCode,
        String text,
        List<String> documents,
        Instant openedAt,
        Instant responseDueAt,
        Instant respondedAt,
        String responseText,
        List<String> responseDocuments,
        Proposal buyerProposal,
        Proposal sellerProposal,
        Instant escalatedAt,
        String escalatedBy,
        String escalationNote,
        String outcome,
        BigDecimal outcomeAmountUzs,
        BigDecimal settledUzs,
        String resolutionReason,
        List<String> resolutionDocuments,
        String decidedFor,
        Instant closedAt,
        long version) {

    /** {@code amountUzs}: the subject's amount when the dispute was opened. */
    public record Subject(String kind, UUID orderId, UUID contractId, Integer number, BigDecimal amountUzs, String currency) {
    }

    public record Proposal(String outcome, BigDecimal amountUzs) {
    }

    public static DisputeView of(Dispute dispute) {
        return new DisputeView(dispute.id(), dispute.status().name(),
                new Subject(dispute.subjectKind().name(), dispute.orderId(), dispute.contractId(), dispute.subjectNumber(),
                        dispute.subjectAmountUzs(), dispute.currency()),
                dispute.buyerId(), dispute.sellerId(), dispute.buyerRegionCode(), dispute.openedBySide().name(),
                dispute.reasonCode().name(), dispute.text(), dispute.openingDocuments(), dispute.openedAt(), dispute.responseDueAt(), dispute.respondedAt(),
                dispute.responseText(), dispute.responseDocuments(),
                dispute.buyerOutcome() == null ? null : new Proposal(dispute.buyerOutcome().name(), dispute.buyerAmountUzs()),
                dispute.sellerOutcome() == null ? null : new Proposal(dispute.sellerOutcome().name(), dispute.sellerAmountUzs()),
                dispute.escalatedAt(), dispute.escalatedBy(), dispute.escalationText(),
                dispute.outcome() == null ? null : dispute.outcome().name(), dispute.outcomeAmountUzs(), dispute.settledUzs(),
                dispute.resolutionReason(), dispute.resolutionDocuments(), dispute.resolvedForRegion(), dispute.closedAt(), dispute.version());
    }
}
