package uz.aqlli.orders.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import uz.aqlli.orders.Contract;
import uz.aqlli.orders.ContractEvents;
import uz.aqlli.orders.ContractStatus;
import uz.aqlli.orders.Dispute;
import uz.aqlli.orders.DisputeEvents;
import uz.aqlli.orders.DisputeOutcome;
import uz.aqlli.orders.DisputeReason;
import uz.aqlli.orders.DisputeSubject;
import uz.aqlli.orders.DocumentLinks;
import uz.aqlli.orders.MilestoneStatus;
import uz.aqlli.orders.MonthStatus;
import uz.aqlli.orders.Order;
import uz.aqlli.orders.OrderSide;
import uz.aqlli.orders.OrderStatus;
import uz.aqlli.orders.PlannedMilestone;
import uz.aqlli.orders.TradingParty;
import uz.aqlli.orders.repository.ContractRepository;
import uz.aqlli.orders.repository.DisputeRepository;
import uz.aqlli.orders.repository.MarketRepository;
import uz.aqlli.orders.repository.OrderRepository;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Disputes over an order, a subscription month or a contract milestone: opening one freezes its
 * subject (locked while it is frozen, so that a step on it at the same moment either commits first
 * or finds it frozen), each step after that names the dispute's version (If-Match), and the outcome
 * is applied to the subject in the same transaction as the step that decides it, with its events.
 *
 * <p>Who sees a dispute: the members of its two parties and the administration of the buyer's
 * region (the republic's included), which decides it; everyone else gets 404, the seller's region's
 * administration too, though it sees the order: a dispute's notes are the parties' own.
 */
@ApplicationScoped
public class Disputes {

    private final DisputeRepository disputes;
    private final OrderRepository orders;
    private final ContractRepository contracts;
    private final MarketRepository market;
    private final OrderAccess orderAccess;
    private final Ordering ordering;
    private final EventOutbox outbox;
    private final OrderConfig config;
    private final Caller caller;
    private final Clock clock;

    Disputes(DisputeRepository disputes, OrderRepository orders, ContractRepository contracts, MarketRepository market,
             OrderAccess orderAccess, Ordering ordering, EventOutbox outbox, OrderConfig config, Caller caller, Clock clock) {
        this.disputes = disputes;
        this.orders = orders;
        this.contracts = contracts;
        this.market = market;
        this.orderAccess = orderAccess;
        this.ordering = ordering;
        this.outbox = outbox;
        this.config = config;
        this.caller = caller;
        this.clock = clock;
    }

    /** What a party opens a dispute about, and why. */
    public record Opening(DisputeSubject subject, UUID orderId, UUID contractId, Integer number, DisputeReason reasonCode,
                          String text, List<String> documents) {
    }

    /**
     * A party opens a dispute; {@code subjectVersion}, when given, is the If-Match of its subject: the
     * order's (the order's own dispute routes) or the contract's, so that a party disputes the state it saw.
     */
    @Transactional
    public Dispute open(Opening opening, String subjectVersion) {
        if (opening.subject() == null) {
            throw ProblemException.invalidField("subject", "is required: ORDER, MONTH or MILESTONE");
        }
        // Checked before the subject is frozen, so a bad link costs nothing.
        DocumentLinks.checked("documents", opening.documents());
        if (opening.reasonCode() == null) {
            throw ProblemException.invalidField("reasonCode", "is required: NOT_DELIVERED, NOT_AS_AGREED, LATE, NOT_PAID or OTHER");
        }
        // The subject names the dispute that holds it, so the id is drawn before the subject is frozen.
        UUID id = UUID.randomUUID();
        Dispute.Subject subject = switch (opening.subject()) {
            case ORDER, MONTH -> freezeOrder(id, opening, subjectVersion);
            case MILESTONE -> freezeMilestone(id, opening, subjectVersion);
        };
        OrderSide side = sideIn(subject.buyerId(), subject.sellerId())
                .orElseThrow(() -> ProblemException.forbidden("not-a-party", "Only the buyer's or the seller's members open a dispute"));
        Dispute dispute = Dispute.open(id, subject, side, caller.userId(), opening.reasonCode(), opening.text(),
                opening.documents(), config.disputeResponseWindow(), clock.instant());
        disputes.persist(dispute);
        disputes.flush();
        outbox.append(events(dispute).opened());
        return dispute;
    }

    private Dispute.Subject freezeOrder(UUID dispute, Opening opening, String subjectVersion) {
        if (opening.orderId() == null) {
            throw ProblemException.invalidField("orderId", "is required for a dispute over an order or a month");
        }
        if (opening.contractId() != null) {
            throw ProblemException.invalidField("contractId", "is only for a dispute over a contract milestone");
        }
        Integer month = opening.subject() == DisputeSubject.MONTH ? opening.number() : null;
        if (opening.subject() == DisputeSubject.MONTH && month == null) {
            throw ProblemException.invalidField("number", "is required: the month disputed");
        }
        if (opening.subject() == DisputeSubject.ORDER && opening.number() != null) {
            throw ProblemException.invalidField("number", "is only for a month or a milestone");
        }
        Order order = orderAccess.visible(opening.orderId());
        if (orderAccess.side(order).isEmpty()) {
            throw ProblemException.forbidden("not-a-party", "Only the buyer's or the seller's members open a dispute");
        }
        if (subjectVersion != null) {
            EntityTags.require(subjectVersion, order.version());
        }
        // Held to commit: the sweep and the parties' steps on this order wait, then find it frozen.
        orders.getEntityManager().refresh(order, LockModeType.PESSIMISTIC_WRITE);
        if (subjectVersion != null) {
            EntityTags.require(subjectVersion, order.version());
        }
        BigDecimal amount;
        if (month == null) {
            amount = order.amountUzs();
        } else {
            amount = order.subscriptionMonth(month).amountUzs();
        }
        order.openDispute(month, dispute, clock.instant());
        orders.flush();
        outbox.append(ordering.events(order).disputed(month, opening.reasonCode().name(), clock.instant()));
        return new Dispute.Subject(opening.subject(), order.id(), null, month, amount, order.buyerId(), order.buyerRegionCode(),
                order.sellerId(), order.sellerRegionCode());
    }

    private Dispute.Subject freezeMilestone(UUID dispute, Opening opening, String subjectVersion) {
        if (opening.contractId() == null) {
            throw ProblemException.invalidField("contractId", "is required for a dispute over a contract milestone");
        }
        if (opening.orderId() != null) {
            throw ProblemException.invalidField("orderId", "is only for a dispute over an order or a month");
        }
        if (opening.number() == null) {
            throw ProblemException.invalidField("number", "is required: the milestone disputed");
        }
        Contract contract = contracts.findByIdOptional(opening.contractId())
                .orElseThrow(() -> ProblemException.notFound("Contract " + opening.contractId()));
        if (sideIn(contract.buyerId(), contract.supplierId()).isEmpty()) {
            // the contract is public, so saying who may is no secret
            throw ProblemException.forbidden("not-a-party", "Only the buyer's or the supplier's members open a dispute");
        }
        if (subjectVersion != null) {
            EntityTags.require(subjectVersion, contract.version());
        }
        contracts.getEntityManager().refresh(contract, LockModeType.PESSIMISTIC_WRITE);
        if (subjectVersion != null) {
            EntityTags.require(subjectVersion, contract.version());
        }
        BigDecimal amount = contract.signedMilestone(opening.number()).amountUzs();
        contract.freezeMilestone(opening.number(), dispute, config.acceptanceWindow(), clock.instant());
        contracts.flush();
        return new Dispute.Subject(DisputeSubject.MILESTONE, null, contract.id(), opening.number(), amount, contract.buyerId(),
                market.party(contract.buyerId()).map(TradingParty::regionCode).orElse(null), contract.supplierId(),
                market.party(contract.supplierId()).map(TradingParty::regionCode).orElse(null));
    }

    public Dispute visible(UUID id) {
        Dispute dispute = disputes.findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (!sees(dispute)) {
            throw notFound(id);
        }
        return dispute;
    }

    public boolean sees(Dispute dispute) {
        return caller.memberOf(dispute.buyerId()) || caller.memberOf(dispute.sellerId())
                || caller.administers(dispute.buyerRegionCode());
    }

    /** The other party answers within the response window. */
    @Transactional
    public Dispute respond(UUID id, String ifMatch, String text, List<String> documents) {
        Dispute dispute = asParty(id, ifMatch);
        dispute.respond(side(dispute), caller.userId(), text, documents, clock.instant());
        return recorded(dispute, events(dispute).responded());
    }

    /** A party confirms an outcome; the second matching confirmation settles the dispute and applies it. */
    @Transactional
    public Dispute confirm(UUID id, String ifMatch, DisputeOutcome outcome, BigDecimal amountUzs) {
        Dispute dispute = asParty(id, ifMatch);
        Instant now = clock.instant();
        refuseIfNotApplicable(dispute, outcome);
        if (!dispute.confirm(side(dispute), outcome, amountUzs, now)) {
            disputes.flush();
            return dispute;
        }
        List<IntegrationEvent> applied = apply(dispute, now);
        disputes.flush();
        outbox.append(events(dispute).settled());
        applied.forEach(outbox::append);
        return dispute;
    }

    @Transactional
    public Dispute escalate(UUID id, String ifMatch, String note) {
        Dispute dispute = asParty(id, ifMatch);
        dispute.escalate(side(dispute), note, clock.instant());
        return recorded(dispute, events(dispute).escalated());
    }

    /** The administration of the buyer's region decides an escalated dispute, with a written reason. */
    @Transactional
    public Dispute resolve(UUID id, String ifMatch, DisputeOutcome outcome, BigDecimal amountUzs, String reason,
                           List<String> documents) {
        Dispute dispute = visible(id);
        String region = caller.administrationRegion().orElseThrow(() -> ProblemException.forbidden("administration-only",
                "The administration of the buyer's region decides an escalated dispute; the parties settle it"));
        EntityTags.require(ifMatch, dispute.version());
        Instant now = clock.instant();
        refuseIfNotApplicable(dispute, outcome);
        dispute.resolve(outcome, amountUzs, reason, documents, caller.userId(), region, now);
        List<IntegrationEvent> applied = apply(dispute, now);
        disputes.flush();
        outbox.append(events(dispute).resolved());
        applied.forEach(outbox::append);
        return dispute;
    }

    /**
     * Escalates, in the sweep's transaction, a dispute whose response window has run out, as of the
     * moment it ended. Locks it first, so an answer at the same moment either commits first (and the
     * sweep finds it answered) or gets 412.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void escalateIfUnanswered(UUID id) {
        Dispute dispute = disputes.lockFresh(id).orElse(null);
        if (dispute != null && dispute.escalateIfUnanswered(clock.instant())) {
            recorded(dispute, events(dispute).escalated());
        }
    }

    /** The outcome applied to the subject; returns the subject's own events. */
    private List<IntegrationEvent> apply(Dispute dispute, Instant now) {
        List<IntegrationEvent> events = new ArrayList<>();
        BigDecimal partial = dispute.outcome() == DisputeOutcome.PARTIAL_AMOUNT ? dispute.outcomeAmountUzs() : null;
        switch (dispute.subjectKind()) {
            case ORDER, MONTH -> {
                Order order = orders.findByIdOptional(dispute.orderId(), LockModeType.PESSIMISTIC_WRITE).orElseThrow();
                Integer month = dispute.subjectNumber();
                boolean ended = order.applyDisputeOutcome(month, dispute.outcome(), partial, now);
                orders.flush();
                var orderEvents = ordering.events(order);
                if (month != null && order.subscriptionMonth(month).status() == MonthStatus.ACCEPTED) {
                    events.add(orderEvents.monthAccepted(month));
                }
                if (ended) {
                    events.add(order.status() == OrderStatus.COMPLETED ? orderEvents.completed() : orderEvents.cancelled(false));
                }
            }
            case MILESTONE -> applyToMilestone(dispute, partial, now).ifPresent(events::add);
        }
        return events;
    }

    /**
     * A milestone's dispute ends, and its outcome is applied through the contract's own steps or
     * refused (409 naming {@code outcome}), never settled without the contract showing it. A delivered
     * milestone of an active contract is accepted whole or in part, or sent back for redelivery, the
     * time it was frozen not counted against its acceptance window (the buyer could not answer
     * meanwhile); CANCEL is refused for it, since releasing it as it was would let the sweep accept it
     * as of a moment inside the dispute, and calling off part of a signed contract is an amendment or
     * a termination. Any other milestone (scheduled, late, met but not paid) or one of a contract no
     * longer active has nothing to accept or redo: only CANCEL ends its dispute, which withdraws it
     * and applies no amount; the milestone then moves by the contract's own steps (delivery,
     * payment). A contract that ended meanwhile keeps the milestone held by its dispute: nothing may
     * step on it any more.
     */
    private Optional<IntegrationEvent> applyToMilestone(Dispute dispute, BigDecimal partial, Instant now) {
        Contract contract = contracts.findByIdOptional(dispute.contractId()).orElseThrow();
        // read again under the lock: the contract may have ended since the outcome was checked
        contracts.getEntityManager().refresh(contract, LockModeType.PESSIMISTIC_WRITE);
        int number = dispute.subjectNumber();
        boolean takesOutcome = refuseIfNotApplicable(dispute, contract, dispute.outcome());
        if (contract.status() != ContractStatus.ACTIVE) {
            return Optional.empty();
        }
        contract.unfreezeMilestone(number);
        Optional<IntegrationEvent> event = Optional.empty();
        if (takesOutcome) {
            Duration window = config.acceptanceWindow().plus(Duration.between(dispute.openedAt(), now));
            String by = Order.BY_DISPUTE;
            ContractEvents contractEvents = ContractEvents.of(contract, market.party(contract.buyerId()),
                    market.party(contract.supplierId()));
            switch (dispute.outcome()) {
                case ACCEPT, PARTIAL_AMOUNT -> event = Optional.of(contractEvents.accepted(
                        contract.acceptMilestone(number, partial, by, window, now)));
                case REDO -> event = Optional.of(contractEvents.rejected(
                        contract.rejectMilestone(number, "Redo, as dispute " + dispute.id() + " decided", by, window, now)));
                case CANCEL -> throw new IllegalStateException("CANCEL is refused for a delivered milestone");
            }
        }
        contracts.flush();
        return event;
    }

    /** A party's or the administration's outcome for a milestone, checked before it is recorded; orders take every outcome. */
    private void refuseIfNotApplicable(Dispute dispute, DisputeOutcome outcome) {
        if (dispute.subjectKind() != DisputeSubject.MILESTONE || outcome == null) {
            return;
        }
        contracts.findByIdOptional(dispute.contractId()).ifPresent(contract -> refuseIfNotApplicable(dispute, contract, outcome));
    }

    /** @return whether the outcome goes through the contract's steps (a delivered milestone of an active contract) */
    private static boolean refuseIfNotApplicable(Dispute dispute, Contract contract, DisputeOutcome outcome) {
        int number = dispute.subjectNumber();
        PlannedMilestone milestone = contract.signedMilestone(number);
        boolean delivered = milestone.status() == MilestoneStatus.DELIVERED && contract.status() == ContractStatus.ACTIVE;
        if (delivered && outcome == DisputeOutcome.CANCEL) {
            throw ProblemException.conflict("outcome-not-applicable", "outcome", "Milestone " + number
                    + " is delivered: its dispute ends in ACCEPT, PARTIAL_AMOUNT or REDO; calling it off is an amendment"
                    + " or a termination of the contract");
        }
        if (!delivered && outcome != DisputeOutcome.CANCEL) {
            throw ProblemException.conflict("outcome-not-applicable", "outcome", "Milestone " + number + " is "
                    + milestone.status() + " and contract " + contract.id() + " " + contract.status()
                    + ": there is no delivery to accept or redo; CANCEL withdraws the dispute, and the milestone moves by the"
                    + " contract's own steps");
        }
        return delivered;
    }

    private Dispute asParty(UUID id, String ifMatch) {
        Dispute dispute = visible(id);
        if (sideIn(dispute.buyerId(), dispute.sellerId()).isEmpty()) {
            throw ProblemException.forbidden("not-a-party", "Only the dispute's parties answer, settle or escalate it;"
                    + " the administration decides it once escalated");
        }
        EntityTags.require(ifMatch, dispute.version());
        return dispute;
    }

    private OrderSide side(Dispute dispute) {
        return sideIn(dispute.buyerId(), dispute.sellerId()).orElseThrow();
    }

    private Optional<OrderSide> sideIn(UUID buyer, UUID seller) {
        if (caller.memberOf(buyer)) {
            return Optional.of(OrderSide.BUYER);
        }
        if (caller.memberOf(seller)) {
            return Optional.of(OrderSide.SELLER);
        }
        return Optional.empty();
    }

    private Dispute recorded(Dispute dispute, IntegrationEvent event) {
        disputes.flush();
        outbox.append(event);
        return dispute;
    }

    private DisputeEvents events(Dispute dispute) {
        String sector = null;
        String category;
        if (dispute.orderId() != null) {
            Order order = orders.findById(dispute.orderId());
            sector = order.sector();
            category = order.serviceCategory();
        } else {
            category = contracts.findById(dispute.contractId()).category();
        }
        return DisputeEvents.of(dispute, market.party(dispute.buyerId()), market.party(dispute.sellerId()), sector, category);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Dispute " + id);
    }
}
