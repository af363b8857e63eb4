package uz.aqlli.orders.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.aqlli.orders.AmendmentRationale;
import uz.aqlli.orders.Contract;
import uz.aqlli.orders.ContractAmendment;
import uz.aqlli.orders.ContractPayment;
import uz.aqlli.orders.PlannedMilestone;
import uz.aqlli.orders.ContractEvents;
import uz.aqlli.orders.ContractSide;
import uz.aqlli.orders.TradingParty;
import uz.aqlli.orders.repository.ContractRepository;
import uz.aqlli.orders.repository.MarketRepository;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A contract's steps: before signing the supplier proposes plan versions, the buyer agrees to one or
 * asks for changes, a manager of each party signs or refuses; once signed the supplier delivers
 * milestones, the buyer accepts, partly accepts or rejects them and records payments, and managers
 * amend or end it (what binds the organization is the manager's, as signing is). A contract from a public tender
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
    private final OrderConfig config;

    Contracting(ContractRepository contracts, MarketRepository market, EventOutbox outbox, Caller caller, Clock clock,
                OrderConfig config) {
        this.contracts = contracts;
        this.market = market;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
        this.config = config;
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

    @Transactional
    public Contract deliver(UUID id, String ifMatch, int number, String note, List<String> documents) {
        Contract contract = step(ContractSide.SUPPLIER, id, ifMatch, "mark milestones delivered");
        PlannedMilestone milestone = contract.deliverMilestone(number, note, documents, caller.userId(), clock.instant());
        contracts.flush();
        outbox.append(events(contract).delivered(milestone, config.acceptanceWindow()));
        return contract;
    }

    /** The buyer accepts a delivered milestone, whole ({@code amount} null) or the part it names. */
    @Transactional
    public Contract accept(UUID id, String ifMatch, int number, BigDecimal amount) {
        Contract contract = step(ContractSide.BUYER, id, ifMatch, "accept milestones");
        PlannedMilestone milestone = contract.acceptMilestone(number, amount, caller.userId(), config.acceptanceWindow(),
                clock.instant());
        contracts.flush();
        outbox.append(events(contract).accepted(milestone));
        return contract;
    }

    @Transactional
    public Contract reject(UUID id, String ifMatch, int number, String reason) {
        Contract contract = step(ContractSide.BUYER, id, ifMatch, "reject milestones");
        PlannedMilestone milestone = contract.rejectMilestone(number, reason, caller.userId(), config.acceptanceWindow(),
                clock.instant());
        contracts.flush();
        outbox.append(events(contract).rejected(milestone));
        return contract;
    }

    @Transactional
    public Contract recordPayment(UUID id, String ifMatch, int number, BigDecimal amount, LocalDate paidOn) {
        Contract contract = step(ContractSide.BUYER, id, ifMatch, "record payments");
        Instant now = clock.instant();
        PlannedMilestone milestone = contract.signedMilestone(number);
        boolean wasAccepted = milestone.accepted();
        ContractPayment payment = contract.recordPayment(number, amount, paidOn, caller.userId(),
                LocalDate.ofInstant(now, Ordering.UZBEKISTAN), now);
        boolean completed = contract.completeIfDone(now);
        contracts.flush();
        ContractEvents events = events(contract);
        outbox.append(events.paymentRecorded(payment));
        if (!wasAccepted && milestone.accepted()) {
            outbox.append(events.accepted(milestone)); // a payment milestone is met by its payment in full
        }
        if (completed) {
            outbox.append(events.completed());
        }
        return contract;
    }

    @Transactional
    public Contract proposeAmendment(UUID id, String ifMatch, AmendmentRationale rationale, String description, BigDecimal newValue,
                                     List<Contract.MilestoneChange> changes) {
        Contract contract = find(id);
        ContractSide side = managingSide(contract, "amend it");
        EntityTags.require(ifMatch, contract.version());
        Instant now = clock.instant();
        contract.proposeAmendment(side, rationale, description, newValue, changes, caller.userId(),
                LocalDate.ofInstant(now, Ordering.UZBEKISTAN), now);
        contracts.flush();
        return contract;
    }

    /** The other party's manager accepts (in force, {@code ContractAmended}) or declines the amendment it read. */
    @Transactional
    public Contract answerAmendment(UUID id, String ifMatch, int number, boolean accept) {
        Contract contract = find(id);
        ContractSide side = managingSide(contract, "answer amendments");
        EntityTags.require(ifMatch, contract.version());
        ContractAmendment amendment = contract.answerAmendment(side, number, accept, caller.userId(), clock.instant());
        contracts.flush();
        if (accept) {
            outbox.append(events(contract).amended(amendment));
        }
        return contract;
    }

    /** A party's manager ends it alone ({@code byAgreement} false) or proposes ending it by agreement. */
    @Transactional
    public Contract terminate(UUID id, String ifMatch, boolean byAgreement, String reason, BigDecimal paidUzs) {
        Contract contract = find(id);
        ContractSide side = managingSide(contract, "terminate it");
        EntityTags.require(ifMatch, contract.version());
        Instant now = clock.instant();
        if (byAgreement) {
            contract.proposeTermination(side, reason, paidUzs, caller.userId(), now);
            contracts.flush();
            return contract;
        }
        contract.terminate(side, reason, paidUzs, caller.userId(), now);
        contracts.flush();
        outbox.append(events(contract).terminated());
        return contract;
    }

    @Transactional
    public Contract agreeToTermination(UUID id, String ifMatch) {
        Contract contract = find(id);
        ContractSide side = managingSide(contract, "agree to end it");
        EntityTags.require(ifMatch, contract.version());
        contract.agreeToTermination(side, clock.instant());
        contracts.flush();
        outbox.append(events(contract).terminated());
        return contract;
    }

    /**
     * The sweep's step: a delivery unanswered past its window is accepted as of the window's end. The
     * contract is locked fresh, so a buyer answering at the same moment either commits first (and
     * nothing is due) or gets 412.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acceptIfDue(UUID id, int number) {
        Contract contract = contracts.lockFresh(id).orElse(null);
        Instant now = clock.instant();
        if (contract == null || !contract.acceptIfDue(number, config.acceptanceWindow(), now)) {
            return;
        }
        boolean completed = contract.completeIfDone(now);
        contracts.flush();
        ContractEvents events = events(contract);
        outbox.append(events.accepted(contract.signedMilestone(number)));
        if (completed) {
            outbox.append(events.completed());
        }
    }

    /** The sweep's step: a milestone past its due date (Tashkent) and not delivered is overdue, once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markOverdue(UUID id, int number) {
        Contract contract = contracts.lockFresh(id).orElse(null);
        if (contract == null || !contract.markOverdue(number, LocalDate.ofInstant(clock.instant(), Ordering.UZBEKISTAN))) {
            return;
        }
        contracts.flush();
        outbox.append(events(contract).overdue(contract.signedMilestone(number)));
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
