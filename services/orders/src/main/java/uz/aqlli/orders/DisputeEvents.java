package uz.aqlli.orders;

import uz.aqlli.platform.events.DisputeEscalated;
import uz.aqlli.platform.events.DisputeFacts;
import uz.aqlli.platform.events.DisputeOpened;
import uz.aqlli.platform.events.DisputeResolved;
import uz.aqlli.platform.events.DisputeResponded;
import uz.aqlli.platform.events.DisputeSettled;
import uz.aqlli.platform.events.OrderParty;

import java.util.Optional;

/**
 * The dispute events, built in one place from the dispute as it stands and its parties as the
 * directory describes them. No text of the parties' or the administration's goes into them: the
 * lake is read by every administration, and a dispute's notes are only its parties' and the
 * deciding administration's.
 */
public final class DisputeEvents {

    private final Dispute dispute;
    private final DisputeFacts facts;

    private DisputeEvents(Dispute dispute, Optional<TradingParty> buyer, Optional<TradingParty> seller, String sector,
                          String category) {
        this.dispute = dispute;
        OrderParty buyerSide = buyer.map(TradingParty::asOrderParty)
                .orElse(new OrderParty(dispute.buyerId(), dispute.buyerRegionCode(), null, null, null));
        OrderParty sellerSide = seller.map(TradingParty::asOrderParty)
                .orElse(new OrderParty(dispute.sellerId(), dispute.sellerRegionCode(), null, null, null));
        this.facts = new DisputeFacts(dispute.id(), dispute.subjectKind().name(), dispute.orderId(), dispute.contractId(),
                dispute.subjectNumber(), dispute.status().name(), buyerSide, sellerSide, dispute.openedBySide().name(),
                dispute.reasonCode().name(), dispute.subjectAmountUzs(), dispute.currency(), sector, category);
    }

    /** {@code sector} and {@code category} are the deal's, so that the lake and the red flags count disputes by them. */
    public static DisputeEvents of(Dispute dispute, Optional<TradingParty> buyer, Optional<TradingParty> seller, String sector,
                                   String category) {
        return new DisputeEvents(dispute, buyer, seller, sector, category);
    }

    public DisputeOpened opened() {
        return new DisputeOpened(facts, dispute.responseDueAt(), dispute.openedAt());
    }

    public DisputeResponded responded() {
        return new DisputeResponded(facts, dispute.respondedAt());
    }

    public DisputeEscalated escalated() {
        return new DisputeEscalated(facts, dispute.escalatedBy(), dispute.escalatedAt());
    }

    public DisputeSettled settled() {
        return new DisputeSettled(facts, dispute.outcome().name(), dispute.settledUzs(), dispute.closedAt());
    }

    public DisputeResolved resolved() {
        return new DisputeResolved(facts, dispute.outcome().name(), dispute.settledUzs(), dispute.resolvedForRegion(),
                dispute.resolvedBy(), dispute.closedAt());
    }
}
