package uz.aqlli.orders;

import uz.aqlli.platform.events.ContractCreated;
import uz.aqlli.platform.events.ContractFacts;
import uz.aqlli.platform.events.ContractSigned;
import uz.aqlli.platform.events.ContractSigningRefused;
import uz.aqlli.platform.events.MilestonePlanProposed;
import uz.aqlli.platform.events.OrderParty;

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
}
