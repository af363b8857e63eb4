package uz.aqlli.orders;

import uz.aqlli.platform.events.ContractAmended;
import uz.aqlli.platform.events.ContractCompleted;
import uz.aqlli.platform.events.ContractCreated;
import uz.aqlli.platform.events.ContractTerminated;
import uz.aqlli.platform.events.MilestoneAccepted;
import uz.aqlli.platform.events.MilestoneDelivered;
import uz.aqlli.platform.events.MilestoneFacts;
import uz.aqlli.platform.events.MilestoneOverdue;
import uz.aqlli.platform.events.MilestoneRejected;
import uz.aqlli.platform.events.PaymentRecorded;
import uz.aqlli.platform.events.ContractFacts;
import uz.aqlli.platform.events.ContractSigned;
import uz.aqlli.platform.events.ContractSigningRefused;
import uz.aqlli.platform.events.MilestonePlanProposed;
import uz.aqlli.platform.events.OrderParty;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The contract events, built in one place from the contract as it stands and its parties as the
 * directory describes them, so that every one carries the facts the lake and the red flags count by.
 */
public final class ContractEvents {

    private final Contract contract;
    private final ContractFacts facts;

    private ContractEvents(Contract contract, Optional<TradingParty> buyer, Optional<TradingParty> supplier) {
        this.contract = contract;
        OrderParty buyerSide = buyer.map(TradingParty::asOrderParty)
                .orElse(new OrderParty(contract.buyerId(), null, null, null, null));
        OrderParty supplierSide = supplier.map(TradingParty::asOrderParty)
                .orElse(new OrderParty(contract.supplierId(), null, null, null, null));
        this.facts = new ContractFacts(contract.id(), contract.requestId(), contract.bidId(), contract.status().name(), buyerSide,
                supplierSide, contract.category(), contract.valueUzs(), contract.currency());
    }

    public static ContractEvents of(Contract contract, Optional<TradingParty> buyer, Optional<TradingParty> supplier) {
        return new ContractEvents(contract, buyer, supplier);
    }

    public ContractCreated created() {
        return new ContractCreated(facts, contract.title(), contract.regions(), contract.durationDays(), contract.awardedAt(),
                contract.createdAt());
    }

    public MilestonePlanProposed planProposed(PlanVersion plan) {
        var milestones = contract.milestonesOf(plan.number()).stream().map(milestone -> new MilestonePlanProposed.Milestone(
                milestone.number(), milestone.title(), milestone.type().name(), milestone.amountUzs(), milestone.dueDate())).toList();
        return new MilestonePlanProposed(facts, plan.number(), milestones, plan.proposedAt());
    }

    public ContractSigned signed(ContractSide side, int planVersion) {
        return new ContractSigned(facts, side.name(), planVersion, contract.signedAt(side), contract.dateSigned());
    }

    public ContractSigningRefused refused(Instant at) {
        return new ContractSigningRefused(facts, contract.refusedBy().name(), contract.refusalReason(), at);
    }

    public MilestoneDelivered delivered(PlannedMilestone milestone, Duration window) {
        return new MilestoneDelivered(facts, milestone(milestone), milestone.deliveryDocuments().size(), milestone.deliveredAt(),
                contract.acceptanceDueAt(milestone, window));
    }

    public MilestoneAccepted accepted(PlannedMilestone milestone) {
        return new MilestoneAccepted(facts, milestone(milestone), milestone.status().name(), milestone.acceptedAmountUzs(),
                milestone.acceptedAutomatically(), milestone.metAt());
    }

    public MilestoneRejected rejected(PlannedMilestone milestone) {
        return new MilestoneRejected(facts, milestone(milestone), milestone.rejectionReason(), milestone.rejectedAt());
    }

    public MilestoneOverdue overdue(PlannedMilestone milestone) {
        return new MilestoneOverdue(facts, milestone(milestone), milestone.dueDate(), milestone.overdueAt());
    }

    public PaymentRecorded paymentRecorded(ContractPayment payment) {
        PlannedMilestone milestone = contract.signedMilestone(payment.milestoneNumber());
        return new PaymentRecorded(facts, milestone(milestone), payment.amountUzs(), payment.paidOn(),
                contract.paidFor(payment.milestoneNumber()), contract.paidTotal(), payment.recordedAt());
    }

    public ContractAmended amended(ContractAmendment amendment) {
        var changes = contract.amendmentChanges(amendment.number()).stream()
                .map(change -> new ContractAmended.Change(change.milestoneNumber(), change.amountUzs(), change.dueDate())).toList();
        return new ContractAmended(facts, amendment.number(), amendment.rationale().name(), amendment.description(),
                amendment.proposedBySide().name(), amendment.previousValueUzs(), amendment.newValueUzs(), contract.valueInForce(),
                changes, amendment.answeredAt());
    }

    public ContractCompleted completed() {
        return new ContractCompleted(facts, contract.valueUzs(), contract.valueInForce(), contract.acceptedTotal(),
                contract.paidTotal(), contract.completedAt());
    }

    public ContractTerminated terminated() {
        return new ContractTerminated(facts, contract.terminationKind().name(), contract.terminationSide().name(),
                contract.terminationReason(), contract.valueUzs(), contract.valueInForce(), contract.acceptedTotal(),
                contract.paidTotal(), contract.terminatedAt());
    }

    private static MilestoneFacts milestone(PlannedMilestone m) {
        return new MilestoneFacts(m.number(), m.title(), m.type().name(), m.status().name(), m.amountUzs(), m.dueDate(),
                m.acceptedAmountUzs(), m.metAt(), m.overdueAt());
    }
}
