package uz.aqlli.orders.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.aqlli.orders.Contract;
import uz.aqlli.orders.ContractEvents;
import uz.aqlli.orders.ContractSide;
import uz.aqlli.orders.TradingParty;
import uz.aqlli.orders.repository.ContractRepository;
import uz.aqlli.orders.repository.MarketRepository;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A contract's steps before it is signed: the supplier proposes plan versions, the buyer agrees to
 * one or asks for changes, a manager of each party signs or refuses. A contract from a public tender
 * is public, so anyone may read it (404 only when there is none); acting is for its parties: a
 * stranger gets 403 saying who may. Each step names the version it changes (If-Match) and commits
 * with its event.
 */
@ApplicationScoped
public class Contracting {

    private final ContractRepository contracts;
    private final MarketRepository market;
    private final EventOutbox outbox;
    private final Caller caller;
    private final Clock clock;

    Contracting(ContractRepository contracts, MarketRepository market, EventOutbox outbox, Caller caller, Clock clock) {
        this.contracts = contracts;
        this.market = market;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    public Contract find(UUID id) {
        return contracts.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Contract " + id));
    }

    /** The caller's side of the contract, if it is a member of either party. */
    public Optional<ContractSide> side(Contract contract) {
        if (caller.memberOf(contract.buyerId())) {
            return Optional.of(ContractSide.BUYER);
        }
        if (caller.memberOf(contract.supplierId())) {
            return Optional.of(ContractSide.SUPPLIER);
        }
        return Optional.empty();
    }

    @Transactional
    public Contract proposePlan(UUID id, String ifMatch, List<Contract.Draft> drafts) {
        Contract contract = step(ContractSide.SUPPLIER, id, ifMatch, "propose milestone plans");
        Instant now = clock.instant();
        int number = contract.proposePlan(drafts, caller.userId(), LocalDate.ofInstant(now, Ordering.UZBEKISTAN), now);
        contracts.flush();
        outbox.append(events(contract).planProposed(contract.plans().get(number - 1)));
        return contract;
    }

    @Transactional
    public Contract agreePlan(UUID id, String ifMatch, int planVersion) {
        Contract contract = step(ContractSide.BUYER, id, ifMatch, "agree to milestone plans");
        contract.agreePlan(planVersion, caller.userId(), clock.instant());
        contracts.flush();
        return contract;
    }

    @Transactional
    public Contract requestChanges(UUID id, String ifMatch, int planVersion, String note) {
        Contract contract = step(ContractSide.BUYER, id, ifMatch, "ask for changes to milestone plans");
        contract.requestChanges(planVersion, note.strip(), caller.userId(), clock.instant());
        contracts.flush();
        return contract;
    }

    @Transactional
    public Contract sign(UUID id, String ifMatch, int planVersion) {
        Contract contract = find(id);
        ContractSide side = managingSide(contract, "sign");
        EntityTags.require(ifMatch, contract.version());
        contract.sign(side, planVersion, caller.userId(), clock.instant());
        contracts.flush();
        outbox.append(events(contract).signed(side, planVersion));
        return contract;
    }

    @Transactional
    public Contract refuseToSign(UUID id, String ifMatch, String reason) {
        Contract contract = find(id);
        ContractSide side = managingSide(contract, "refuse to sign");
        EntityTags.require(ifMatch, contract.version());
        Instant now = clock.instant();
        contract.refuseToSign(side, reason, caller.userId(), now);
        contracts.flush();
        outbox.append(events(contract).refused(now));
        return contract;
    }

    private Contract step(ContractSide side, UUID id, String ifMatch, String action) {
        Contract contract = find(id);
        if (side(contract).filter(side::equals).isEmpty()) {
            throw ProblemException.forbidden(side == ContractSide.BUYER ? "not-the-buyer" : "not-the-supplier",
                    "Only the " + side.name().toLowerCase() + "'s members " + action);
        }
        EntityTags.require(ifMatch, contract.version());
        return contract;
    }

    /**
     * Signing binds the organization, so only its manager does it: whoever the directory last named
     * (orders keeps no membership of its own).
     */
    private ContractSide managingSide(Contract contract, String action) {
        ContractSide side = side(contract).orElseThrow(() -> ProblemException.forbidden("not-a-party",
                "Only the buyer's or the supplier's manager may " + action));
        boolean manager = market.party(contract.party(side)).map(party -> party.managedBy(caller.userId())).orElse(false);
        if (!manager) {
            throw ProblemException.forbidden("manager-signature-required", "Only your organization's manager may " + action);
        }
        return side;
    }

    private ContractEvents events(Contract contract) {
        Optional<TradingParty> buyer = market.party(contract.buyerId());
        Optional<TradingParty> supplier = market.party(contract.supplierId());
        return ContractEvents.of(contract, buyer, supplier);
    }
}
