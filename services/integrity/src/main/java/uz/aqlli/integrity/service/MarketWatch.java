package uz.aqlli.integrity.service;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uz.aqlli.integrity.FlagCode;
import uz.aqlli.integrity.repository.Watch;
import uz.aqlli.platform.events.BidsRevealed;
import uz.aqlli.platform.events.ContractAmended;
import uz.aqlli.platform.events.ContractCompleted;
import uz.aqlli.platform.events.ContractCreated;
import uz.aqlli.platform.events.ContractEvent;
import uz.aqlli.platform.events.ContractSigned;
import uz.aqlli.platform.events.ContractSigningRefused;
import uz.aqlli.platform.events.ContractTerminated;
import uz.aqlli.platform.events.MilestoneOverdue;
import uz.aqlli.platform.events.MilestonePlanProposed;
import uz.aqlli.platform.events.OrganizationEvent;
import uz.aqlli.platform.events.OrganizationRegistered;
import uz.aqlli.platform.events.RequestAwardDeclined;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.RequestCancelled;
import uz.aqlli.platform.events.RequestPublished;
import uz.aqlli.platform.events.RequestUnsuccessful;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.runtime.consumer.Delivery;
import uz.aqlli.platform.runtime.consumer.EventDelivery;
import uz.aqlli.platform.runtime.consumer.Subscription;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Watches the market as it happens: the directory's organizations, offers' service requests and
 * orders' contracts, each event once (platform/runtime's inbox), its copy updated and the flags
 * it touches re-evaluated in the same transaction, so a flag stands within the time one event
 * takes to arrive, not at a nightly run.
 */
@ApplicationScoped
public class MarketWatch {

    static final String CONSUMER = "integrity-watch";

    private final EventDelivery delivery;
    private final Watch watch;
    private final TenderFlags tender;
    private final ContractFlags contracts;
    private final FlagBook book;
    private final Subscription subscription;

    MarketWatch(EventDelivery delivery, Watch watch, TenderFlags tender, ContractFlags contracts, FlagBook book) {
        this.delivery = delivery;
        this.watch = watch;
        this.tender = tender;
        this.contracts = contracts;
        this.book = book;
        this.subscription = Subscription.named(CONSUMER, Topic.INTEGRITY_DEAD_LETTERS)
                .on(Topic.ORGANIZATIONS, OrganizationEvent.class, this::organization)
                .on(Topic.SERVICE_REQUESTS, RequestPublished.class, this::published)
                .on(Topic.SERVICE_REQUESTS, BidsRevealed.class, this::revealed)
                .on(Topic.SERVICE_REQUESTS, RequestAwarded.class, this::awarded)
                .on(Topic.SERVICE_REQUESTS, RequestAwardDeclined.class, this::declined)
                .on(Topic.SERVICE_REQUESTS, RequestCancelled.class, (event, at) -> ended(event.requestId(), "CANCELLED", at))
                .on(Topic.SERVICE_REQUESTS, RequestUnsuccessful.class, (event, at) -> ended(event.requestId(), "UNSUCCESSFUL", at))
                .on(Topic.CONTRACTS, ContractEvent.class, this::contract);
    }

    @Incoming("market")
    @Blocking
    public void onMarketEvent(ConsumerRecord<String, byte[]> record) {
        delivery.deliver(subscription, record);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void organization(OrganizationEvent event, Delivery at) {
        if (event.organizationId() == null || event.regionCode() == null) {
            throw new MalformedEventException("organization event " + at.envelope().id() + " names no organization or region", null);
        }
        if (event instanceof OrganizationRegistered registered) {
            watch.organization(registered.organizationId(), registered.regionCode(), phone(registered.contactPhone()),
                    email(registered.contactEmail()), address(registered.address()));
            // The directory and the tenders are different topics: contacts that arrive after an award
            // still count for R044 on the requests the organization bid on.
            for (Watch.Request request : watch.disclosedBidOnBy(registered.organizationId())) {
                book.settle(TenderFlags.subject(request.id()), TenderFlags.evaluable(request), tender.award(request),
                        at.envelope().id(), "a bidder's contacts changed");
            }
        } else {
            watch.organizationRegion(event.organizationId(), event.regionCode());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void published(RequestPublished event, Delivery at) {
        if (event.requestId() == null || event.buyerId() == null || event.category() == null || event.deadline() == null
                || event.publishedAt() == null || event.regions() == null || event.regions().isEmpty()) {
            throw new MalformedEventException("request " + at.envelope().id() + " lacks its terms", null);
        }
        watch.published(event.requestId(), event.buyerId(), event.category(), event.regions(),
                event.criterion() == null ? "LOWEST_PRICE" : event.criterion(), event.publishedAt(), event.deadline(),
                at.envelope().id());
        Watch.Request request = watch.request(event.requestId()).orElseThrow();
        book.settle(TenderFlags.subject(request.id()), List.of(FlagCode.R003), tender.terms(request), at.envelope().id(),
                "the request's terms changed");
    }

    /** Prices and bidders are kept, sealed: nothing is evaluated from them until the award. */
    @Transactional(Transactional.TxType.MANDATORY)
    void revealed(BidsRevealed event, Delivery at) {
        if (event.requestId() == null || event.bids() == null || event.bids().stream().anyMatch(bid -> bid.bidId() == null
                || bid.providerId() == null || bid.priceUzs() == null)) {
            throw new MalformedEventException("reveal " + at.envelope().id() + " lacks a bid's id, bidder or price", null);
        }
        if (watch.request(event.requestId()).isEmpty()) {
            throw new IllegalStateException("the reveal of request " + event.requestId() + " came before its publication");
        }
        watch.revealed(event.requestId(), at.envelope().id(), event.bids().stream()
                .map(bid -> new Watch.Bid(event.requestId(), bid.bidId(), bid.providerId(), bid.priceUzs())).toList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void awarded(RequestAwarded event, Delivery at) {
        if (event.requestId() == null || event.bidId() == null || event.providerId() == null || event.priceUzs() == null
                || event.awardedAt() == null) {
            throw new MalformedEventException("award " + at.envelope().id() + " lacks its bid, provider, price or time", null);
        }
        if (watch.request(event.requestId()).isEmpty()) {
            throw new IllegalStateException("the award of request " + event.requestId() + " came before its publication");
        }
        watch.awarded(event.requestId(), event.bidId(), event.providerId(), event.priceUzs(), event.budgetUzs(),
                event.lowestPrice(), event.bidCount(), event.reason(), event.awardedAt(), at.envelope().id());
        reevaluate(watch.request(event.requestId()).orElseThrow(), event.providerId(), at, "the award changed");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void declined(RequestAwardDeclined event, Delivery at) {
        if (event.requestId() == null || event.bidId() == null || event.providerId() == null) {
            throw new MalformedEventException("declined award " + at.envelope().id() + " names no bid or provider", null);
        }
        watch.declined(event.requestId(), event.bidId());
        // What was bid and made public stays (R028, R044 unchanged); the award's own flags, the
        // category's fences and R025 wait for the request's next outcome, so a flag whose facts
        // the next award keeps stays the same flag, its review with it. Only the pair changed now:
        // the provider no longer holds this award.
        watch.request(event.requestId()).ifPresent(request -> repeatWinner(request, event.providerId(), at));
    }

    /** Unsuccessful or cancelled: after a declined award no award stands, so the award's flags are retracted. */
    @Transactional(Transactional.TxType.MANDATORY)
    void ended(UUID requestId, String status, Delivery at) {
        watch.ended(requestId, status);
        watch.request(requestId).filter(request -> request.disclosed() && !request.awarded()).ifPresent(request -> {
            List<FlagCode> codes = new java.util.ArrayList<>(TenderFlags.OF_THE_AWARD);
            codes.addAll(TenderFlags.FENCED);
            book.settle(TenderFlags.subject(request.id()), codes, List.of(), at.envelope().id(),
                    "the request ended without an award after its award was declined");
            category(request, Set.of(), at);
        });
    }

    /** Everything an award touches: its request's flags, its category's fences and bidders, the buyer–provider pair. */
    private void reevaluate(Watch.Request request, UUID provider, Delivery at, String reason) {
        book.settle(TenderFlags.subject(request.id()), TenderFlags.AT_AWARD, tender.award(request), at.envelope().id(), reason);
        category(request, Set.of(provider), at);
        repeatWinner(request, provider, at);
    }

    /** The fences of the request's category (each awarded request of it) and R025 of its bidders. */
    private void category(Watch.Request request, Set<UUID> providers, Delivery at) {
        String eventId = at.envelope().id();
        Map<UUID, List<Finding>> fenced = new java.util.LinkedHashMap<>(tender.fences(request.category()));
        fenced.putIfAbsent(request.id(), List.of());
        fenced.forEach((id, findings) -> book.settle(TenderFlags.subject(id), TenderFlags.FENCED, findings, eventId,
                "its category's fences moved or its award changed"));
        tender.losingBidders(request.category(), providers).forEach((provider, findings) ->
                book.settleAll(TenderFlags.bidder(provider, request.category()), FlagCode.R025, findings, eventId,
                        "its category's bids and wins changed"));
    }

    private void repeatWinner(Watch.Request request, UUID provider, Delivery at) {
        book.settle(TenderFlags.pair(request.buyerId(), provider), List.of(FlagCode.REPEAT_WINNER),
                tender.repeatWinner(request.buyerId(), provider, tender.region(request), at.envelope().time().toInstant()),
                at.envelope().id(), "the buyer's awards to the provider changed");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void contract(ContractEvent event, Delivery at) {
        var facts = event.contract();
        if (facts == null || facts.contractId() == null || facts.buyer() == null || facts.supplier() == null
                || facts.valueUzs() == null) {
            throw new MalformedEventException("contract event " + at.envelope().id() + " lacks the contract's facts", null);
        }
        UUID id = facts.contractId();
        watch.contract(id, facts.requestId(), facts.buyer().organizationId(), facts.supplier().organizationId(),
                facts.buyer().regionCode(), facts.status(), facts.valueUzs());
        String eventId = at.envelope().id();
        switch (event) {
            case ContractCreated created -> { }
            case MilestonePlanProposed proposed -> {
                Map<Integer, LocalDate> due = new TreeMap<>();
                proposed.milestones().forEach(milestone -> due.put(milestone.number(), milestone.dueDate()));
                watch.dueDates(id, due);
            }
            case ContractSigned signed -> {
                if (signed.dateSigned() != null) {
                    watch.signed(id);
                }
            }
            case ContractAmended amended -> {
                Watch.Contract before = watch.contract(id).orElseThrow();
                Map<Integer, LocalDate> due = new TreeMap<>(before.dueDates());
                if (amended.milestones() != null) {
                    amended.milestones().stream().filter(change -> change.dueDate() != null)
                            .forEach(change -> due.put(change.number(), change.dueDate()));
                }
                watch.dueDates(id, due);
                watch.amended(id, amended.valueInForceUzs(), eventId);
                Watch.Contract contract = watch.contract(id).orElseThrow();
                book.settle(ContractFlags.subject(contract), List.of(FlagCode.AMENDMENTS), contracts.amendments(contract),
                        eventId, "the amendments changed");
                book.settle(ContractFlags.subject(contract), List.of(FlagCode.PRICE_AND_TERM), contracts.priceAndTerm(contract),
                        eventId, "the amendments changed");
            }
            case MilestoneOverdue overdue -> {
                Watch.Contract contract = watch.contract(id).orElseThrow();
                book.settle(ContractFlags.milestone(contract, overdue.milestone().number()), List.of(FlagCode.MILESTONE_OVERDUE),
                        contracts.overdue(contract, overdue, eventId), eventId, "the milestone changed");
                List<Finding> late = contracts.late(contract, overdue, eventId);
                if (!late.isEmpty()) {
                    book.settle(ContractFlags.subject(contract), List.of(FlagCode.CONTRACT_LATE), late, eventId, "");
                }
            }
            case ContractCompleted completed -> {
                watch.contractStatus(id, "COMPLETED");
                Watch.Contract contract = watch.contract(id).orElseThrow();
                book.settle(ContractFlags.subject(contract), List.of(FlagCode.PAID_DIFFERS),
                        contracts.paid(contract, completed, eventId), eventId, "the contract completed");
            }
            case ContractTerminated terminated -> watch.contractStatus(id, "TERMINATED");
            case ContractSigningRefused refused -> watch.contractStatus(id, "CANCELLED");
            default -> { }
        }
    }

    static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }

    static String email(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    static String address(String address) {
        if (address == null) {
            return null;
        }
        String plain = address.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+", " ").strip();
        return plain.isEmpty() ? null : plain;
    }
}
