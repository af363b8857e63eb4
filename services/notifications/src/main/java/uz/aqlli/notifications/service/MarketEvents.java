package uz.aqlli.notifications.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uz.aqlli.notifications.NotificationKind;
import uz.aqlli.notifications.Recipient;
import uz.aqlli.notifications.repository.Projections;
import uz.aqlli.platform.events.BidSubmitted;
import uz.aqlli.platform.events.BidWithdrawn;
import uz.aqlli.platform.events.BidsRevealed;
import uz.aqlli.platform.events.ContractAmended;
import uz.aqlli.platform.events.ContractCompleted;
import uz.aqlli.platform.events.ContractCreated;
import uz.aqlli.platform.events.ContractEvent;
import uz.aqlli.platform.events.ContractFacts;
import uz.aqlli.platform.events.ContractSigned;
import uz.aqlli.platform.events.ContractSigningRefused;
import uz.aqlli.platform.events.ContractTerminated;
import uz.aqlli.platform.events.DisputeEscalated;
import uz.aqlli.platform.events.DisputeEvent;
import uz.aqlli.platform.events.DisputeFacts;
import uz.aqlli.platform.events.DisputeOpened;
import uz.aqlli.platform.events.DisputeResolved;
import uz.aqlli.platform.events.DisputeResponded;
import uz.aqlli.platform.events.DisputeSettled;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.events.MemberJoined;
import uz.aqlli.platform.events.MemberLeft;
import uz.aqlli.platform.events.MilestoneAccepted;
import uz.aqlli.platform.events.MilestoneDelivered;
import uz.aqlli.platform.events.MilestoneOverdue;
import uz.aqlli.platform.events.MilestonePlanProposed;
import uz.aqlli.platform.events.MilestoneRejected;
import uz.aqlli.platform.events.OfferPublished;
import uz.aqlli.platform.events.OfferUpdated;
import uz.aqlli.platform.events.OfferWithdrawn;
import uz.aqlli.platform.events.OrderApprovalRequested;
import uz.aqlli.platform.events.OrderCancelled;
import uz.aqlli.platform.events.OrderCompleted;
import uz.aqlli.platform.events.OrderConfirmed;
import uz.aqlli.platform.events.OrderDelivered;
import uz.aqlli.platform.events.OrderEvent;
import uz.aqlli.platform.events.OrderFacts;
import uz.aqlli.platform.events.OrderMonthAccepted;
import uz.aqlli.platform.events.OrderPlaced;
import uz.aqlli.platform.events.OrderQuoted;
import uz.aqlli.platform.events.OrderRefused;
import uz.aqlli.platform.events.OrderRejected;
import uz.aqlli.platform.events.OrganizationEvent;
import uz.aqlli.platform.events.OrganizationManagerChanged;
import uz.aqlli.platform.events.OrganizationRegistered;
import uz.aqlli.platform.events.OrganizationReinstated;
import uz.aqlli.platform.events.OrganizationRejected;
import uz.aqlli.platform.events.OrganizationSuspended;
import uz.aqlli.platform.events.OrganizationVerified;
import uz.aqlli.platform.events.PaymentRecorded;
import uz.aqlli.platform.events.QuestionAnswered;
import uz.aqlli.platform.events.RatingsPublished;
import uz.aqlli.platform.events.RedFlagRaised;
import uz.aqlli.platform.events.RequestAwardDeclined;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.RequestCancelled;
import uz.aqlli.platform.events.RequestPublished;
import uz.aqlli.platform.events.RequestUnsuccessful;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.runtime.consumer.Delivery;
import uz.aqlli.platform.runtime.consumer.EventDelivery;
import uz.aqlli.platform.runtime.consumer.EventHandler;
import uz.aqlli.platform.runtime.consumer.Subscription;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who is told what, from the domain topics: each event once (the platform's consumer seam and
 * inbox), the projections it needs kept in the same transaction as the notifications it makes.
 *
 * <p>Nothing sealed is ever told: the bid events carry no bidder and no price, and a notification
 * holds only its kind and a title, an order's number or a milestone's number; the bidders the
 * service learns from {@code BidsRevealed} are told "your bid" things, never another's name.
 */
@ApplicationScoped
public class MarketEvents {

    static final String CONSUMER = "notifications";

    private final EventDelivery delivery;
    private final Projections projections;
    private final Notifier notifier;
    private final ObjectMapper json;
    private final MilestonesDue milestones;
    private final Subscription subscription;

    MarketEvents(EventDelivery delivery, Projections projections, Notifier notifier, ObjectMapper json, MilestonesDue milestones) {
        this.delivery = delivery;
        this.milestones = milestones;
        this.projections = projections;
        this.notifier = notifier;
        this.json = json;
        this.subscription = Subscription.named(CONSUMER, Topic.NOTIFICATIONS_DEAD_LETTERS)
                .on(Topic.ORGANIZATIONS, OrganizationEvent.class, whole(this::organization))
                .on(Topic.ORGANIZATIONS, MemberJoined.class, whole(this::joined))
                .on(Topic.ORGANIZATIONS, MemberLeft.class, whole(this::left))
                .on(Topic.OFFERS, IntegrationEvent.class, whole(this::offer))
                .on(Topic.SERVICE_REQUESTS, IntegrationEvent.class, whole(this::request))
                .on(Topic.ORDERS, OrderEvent.class, whole(this::order))
                .on(Topic.CONTRACTS, ContractEvent.class, whole(this::contract))
                .on(Topic.DISPUTES, DisputeEvent.class, whole(this::dispute))
                .on(Topic.RATINGS, RatingsPublished.class, whole(this::ratings))
                .on(Topic.RED_FLAGS, RedFlagRaised.class, whole(this::redFlag));
    }

    /**
     * An event that lacks a value the handler needs (an id, a party) fails the same way each time it
     * comes: retried, it would hold every user's notifications behind it. It is a dead letter instead
     * (the consumer seam keeps it on the dead-letter topic, with the reason), and the next event goes on.
     * The handlers check the values they name; this catches whatever one they missed.
     */
    private static <E extends IntegrationEvent> EventHandler<E> whole(EventHandler<E> handler) {
        return (event, at) -> {
            try {
                handler.handle(event, at);
            } catch (NullPointerException e) {
                throw new MalformedEventException("event " + at.envelope().id() + " (" + event.getClass().getSimpleName()
                        + ") lacks a value it needs: " + e.getMessage(), e);
            }
        };
    }

    @Incoming("market")
    @Blocking
    public void onEvent(ConsumerRecord<String, byte[]> record) {
        delivery.deliver(subscription, record);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void organization(OrganizationEvent event, Delivery at) {
        if (event.organizationId() == null || event.kind() == null || event.regionCode() == null || event.status() == null) {
            throw new MalformedEventException("event " + at.envelope().id() + " lacks the organization's id, kind, region or status", null);
        }
        UUID id = event.organizationId();
        String manager = switch (event) {
            case OrganizationRegistered registered -> registered.managerUserId();
            case OrganizationManagerChanged changed -> changed.managerUserId();
            default -> null;
        };
        String email = event instanceof OrganizationRegistered registered ? registered.contactEmail() : null;
        String name = event instanceof OrganizationRegistered registered ? registered.legalName() : null;
        boolean latest = projections.organization(id, event.kind(), name, event.regionCode(), event.status(), manager, email,
                at.partition(), at.offset());
        if (event instanceof OrganizationRegistered registered && latest) {
            List<String> fields = new ArrayList<>();
            if (registered.serviceCategories() != null) {
                fields.addAll(registered.serviceCategories());
            }
            if (registered.sectors() != null) {
                fields.addAll(registered.sectors());
            }
            projections.fields(id, fields);
        }
        if (manager != null && latest) {
            projections.directoryMember(manager, id, email);
        }
        NotificationKind decision = switch (event) {
            case OrganizationVerified ignored -> NotificationKind.ORGANIZATION_VERIFIED;
            case OrganizationRejected ignored -> NotificationKind.ORGANIZATION_REJECTED;
            case OrganizationSuspended ignored -> NotificationKind.ORGANIZATION_SUSPENDED;
            case OrganizationReinstated ignored -> NotificationKind.ORGANIZATION_REINSTATED;
            default -> null;
        };
        if (decision != null) {
            notifier.tell(decision, at.envelope().id(), id.toString(), Map.of(), projections.members(id));
        }
    }

    /** A member the manager added is told of their organization's news from now on, before they ever sign in here. */
    @Transactional(Transactional.TxType.MANDATORY)
    void joined(MemberJoined joined, Delivery at) {
        if (joined.organizationId() == null || joined.userId() == null) {
            throw new MalformedEventException("member event " + at.envelope().id() + " lacks the organization or the user", null);
        }
        projections.directoryMember(joined.userId(), joined.organizationId(), joined.email());
    }

    /** A member removed hears nothing more of the organization, on any channel, even with a token still valid. */
    @Transactional(Transactional.TxType.MANDATORY)
    void left(MemberLeft left, Delivery at) {
        if (left.organizationId() == null || left.userId() == null) {
            throw new MalformedEventException("member event " + at.envelope().id() + " lacks the organization or the user", null);
        }
        projections.departed(left.userId(), left.organizationId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void offer(IntegrationEvent event, Delivery at) {
        switch (event) {
            case OfferPublished published -> projections.offer(published.offerId(), published.providerId(), published.category(),
                    published.regionsServed());
            case OfferUpdated updated -> projections.offer(updated.offerId(), updated.providerId(), updated.category(),
                    updated.regionsServed());
            case OfferWithdrawn withdrawn -> projections.offer(withdrawn.offerId(), null, null, null);
            default -> {
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void request(IntegrationEvent event, Delivery at) {
        String key = at.envelope().id();
        UUID requestId = switch (event) {
            case RequestPublished published -> published.requestId();
            case QuestionAnswered answered -> answered.requestId();
            case BidsRevealed revealed -> revealed.requestId();
            case RequestAwarded awarded -> awarded.requestId();
            case RequestUnsuccessful unsuccessful -> unsuccessful.requestId();
            case RequestCancelled cancelled -> cancelled.requestId();
            case RequestAwardDeclined declined -> declined.requestId();
            default -> null;
        };
        // The bid events are told to nobody, so they need no request to tell of.
        if (requestId == null && !(event instanceof BidSubmitted) && !(event instanceof BidWithdrawn)) {
            throw new MalformedEventException("request event " + key + " (" + event.getClass().getSimpleName() + ") lacks the request's id", null);
        }
        switch (event) {
            case RequestPublished published -> {
                if (published.requestId() == null || published.buyerId() == null || published.category() == null) {
                    throw new MalformedEventException("request " + key + " lacks its id, buyer or category", null);
                }
                projections.request(published.requestId(), published.buyerId(), published.category(), write(published.title()));
                List<UUID> providers = projections.providersFor(published.category(), published.regions()).stream()
                        .filter(provider -> !provider.equals(published.buyerId())).toList();
                // A member who chose their own categories and regions hears by them, not by the organization's.
                List<Projections.OwnReach> own = projections.ownReach().stream()
                        .filter(reach -> !reach.organizationId().equals(published.buyerId())).toList();
                List<Recipient> told = new ArrayList<>(projections.membersOf(providers).stream()
                        .filter(member -> own.stream().noneMatch(reach -> reach.recipient().userId().equals(member.userId())))
                        .toList());
                for (Projections.OwnReach reach : own) {
                    if (reach.covers(published.category(), published.regions())) {
                        told.add(reach.recipient());
                        projections.follow(published.requestId(), reach.organizationId(), false);
                    }
                }
                providers.forEach(provider -> projections.follow(published.requestId(), provider, false));
                notifier.tell(NotificationKind.REQUEST_PUBLISHED, key, published.requestId().toString(),
                        titled(published.title()), told);
            }
            case QuestionAnswered answered -> notifier.tell(NotificationKind.QUESTION_ANSWERED, key,
                    answered.requestId().toString(), title(answered.requestId()),
                    projections.membersOf(projections.followers(answered.requestId(), false)));
            case BidsRevealed revealed -> {
                if (revealed.bids() != null) {
                    revealed.bids().forEach(bid -> projections.follow(revealed.requestId(), bid.providerId(), true));
                }
                notifier.tell(NotificationKind.BIDS_REVEALED, key, revealed.requestId().toString(), title(revealed.requestId()),
                        projections.members(revealed.buyerId()));
            }
            case RequestAwarded awarded -> {
                Map<String, Object> params = awarded.title() != null ? titled(awarded.title()) : title(awarded.requestId());
                String subject = awarded.requestId().toString();
                notifier.tell(NotificationKind.BID_WON, key, subject, params, projections.members(awarded.providerId()));
                List<UUID> others = projections.followers(awarded.requestId(), true).stream()
                        .filter(bidder -> !bidder.equals(awarded.providerId())).toList();
                notifier.tell(NotificationKind.BID_NOT_CHOSEN, key, subject, params, projections.membersOf(others));
            }
            case RequestUnsuccessful unsuccessful -> notifier.tell(NotificationKind.REQUEST_UNSUCCESSFUL, key,
                    unsuccessful.requestId().toString(), title(unsuccessful.requestId()),
                    projections.membersOf(projections.followers(unsuccessful.requestId(), false)));
            case RequestCancelled cancelled -> notifier.tell(NotificationKind.REQUEST_CANCELLED, key,
                    cancelled.requestId().toString(), title(cancelled.requestId()),
                    projections.membersOf(projections.followers(cancelled.requestId(), false)));
            case RequestAwardDeclined declined -> notifier.tell(NotificationKind.AWARD_DECLINED, key,
                    declined.requestId().toString(), title(declined.requestId()), projections.members(declined.buyerId()));
            default -> {
                // BidSubmitted and BidWithdrawn name no bidder: nobody is told of them.
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void order(OrderEvent event, Delivery at) {
        OrderFacts order = event.order();
        if (order == null || order.orderId() == null || order.buyer() == null || order.seller() == null) {
            throw new MalformedEventException("order event " + at.envelope().id() + " lacks the order or its parties", null);
        }
        UUID buyer = order.buyer().organizationId();
        UUID seller = order.seller().organizationId();
        record Told(NotificationKind kind, List<Recipient> whom) {
        }
        Told told = switch (event) {
            case OrderApprovalRequested ignored -> new Told(NotificationKind.ORDER_APPROVAL_REQUESTED, projections.managers(buyer));
            case OrderPlaced ignored -> new Told(NotificationKind.ORDER_PLACED, projections.members(seller));
            case OrderRejected ignored -> new Told(NotificationKind.ORDER_REJECTED, projections.members(buyer));
            case OrderQuoted ignored -> new Told(NotificationKind.ORDER_QUOTED, projections.members(buyer));
            case OrderConfirmed ignored -> new Told(NotificationKind.ORDER_CONFIRMED, projections.members(buyer));
            case OrderRefused ignored -> new Told(NotificationKind.ORDER_REFUSED, projections.members(buyer));
            case OrderDelivered ignored -> new Told(NotificationKind.ORDER_DELIVERED, projections.members(buyer));
            case OrderMonthAccepted ignored -> new Told(NotificationKind.ORDER_MONTH_ACCEPTED, projections.members(seller));
            case OrderCompleted ignored -> new Told(NotificationKind.ORDER_COMPLETED, projections.membersOf(List.of(buyer, seller)));
            case OrderCancelled ignored -> new Told(NotificationKind.ORDER_CANCELLED, projections.membersOf(List.of(buyer, seller)));
            default -> null; // OrderDisputed: the dispute's own events tell the parties
        };
        if (told != null) {
            Map<String, Object> params = new HashMap<>();
            params.put("order", order.orderNumber() == null ? "" : order.orderNumber());
            notifier.tell(told.kind(), at.envelope().id(), order.orderId().toString(), params, told.whom());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void contract(ContractEvent event, Delivery at) {
        ContractFacts contract = event.contract();
        if (contract == null || contract.contractId() == null || contract.buyer() == null || contract.supplier() == null) {
            throw new MalformedEventException("contract event " + at.envelope().id() + " lacks the contract or its parties", null);
        }
        UUID buyer = contract.buyer().organizationId();
        UUID supplier = contract.supplier().organizationId();
        Map<String, Object> params = contract.requestId() == null ? new HashMap<>() : title(contract.requestId());
        if (event instanceof ContractCreated created && created.title() != null) {
            params = titled(created.title());
        }
        milestones.track(event);
        List<Recipient> both = projections.membersOf(List.of(buyer, supplier));
        NotificationKind kind;
        List<Recipient> whom;
        switch (event) {
            case ContractCreated ignored -> {
                kind = NotificationKind.CONTRACT_CREATED;
                whom = both;
            }
            case MilestonePlanProposed ignored -> {
                kind = NotificationKind.PLAN_PROPOSED;
                whom = projections.managers(buyer);
            }
            case ContractSigned signed when signed.dateSigned() != null -> {
                kind = NotificationKind.CONTRACT_ACTIVE;
                whom = both;
            }
            case ContractSigned signed -> {
                kind = NotificationKind.CONTRACT_SIGNED;
                whom = projections.managers("BUYER".equals(signed.side()) ? supplier : buyer);
            }
            case ContractSigningRefused ignored -> {
                kind = NotificationKind.SIGNING_REFUSED;
                whom = projections.members(buyer);
            }
            case MilestoneDelivered delivered -> {
                kind = NotificationKind.MILESTONE_DELIVERED;
                whom = projections.members(buyer);
                params.put("milestone", delivered.milestone() == null ? "" : delivered.milestone().number());
            }
            case MilestoneAccepted accepted -> {
                kind = NotificationKind.MILESTONE_ACCEPTED;
                whom = projections.members(supplier);
                params.put("milestone", accepted.milestone() == null ? "" : accepted.milestone().number());
            }
            case MilestoneRejected rejected -> {
                kind = NotificationKind.MILESTONE_REJECTED;
                whom = projections.members(supplier);
                params.put("milestone", rejected.milestone() == null ? "" : rejected.milestone().number());
            }
            case MilestoneOverdue ignored when milestones.ended(event) -> {
                return;
            }
            case MilestoneOverdue overdue -> {
                kind = NotificationKind.MILESTONE_OVERDUE;
                whom = both;
                params.put("milestone", overdue.milestone() == null ? "" : overdue.milestone().number());
            }
            case PaymentRecorded ignored -> {
                kind = NotificationKind.PAYMENT_RECORDED;
                whom = projections.members(supplier);
            }
            case ContractAmended ignored -> {
                kind = NotificationKind.CONTRACT_AMENDED;
                whom = both;
            }
            case ContractCompleted ignored -> {
                kind = NotificationKind.CONTRACT_COMPLETED;
                whom = both;
            }
            case ContractTerminated ignored -> {
                kind = NotificationKind.CONTRACT_TERMINATED;
                whom = both;
            }
            default -> {
                return;
            }
        }
        notifier.tell(kind, at.envelope().id(), contract.contractId().toString(), params, whom);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void dispute(DisputeEvent event, Delivery at) {
        DisputeFacts dispute = event.dispute();
        if (dispute == null || dispute.disputeId() == null || dispute.buyer() == null || dispute.seller() == null) {
            throw new MalformedEventException("dispute event " + at.envelope().id() + " lacks the dispute or its parties", null);
        }
        UUID buyer = dispute.buyer().organizationId();
        UUID seller = dispute.seller().organizationId();
        UUID opener = "SELLER".equals(dispute.openedBy()) ? seller : buyer;
        UUID other = opener.equals(buyer) ? seller : buyer;
        List<Recipient> both = projections.membersOf(List.of(buyer, seller));
        record Told(NotificationKind kind, List<Recipient> whom) {
        }
        Told told = switch (event) {
            case DisputeOpened ignored -> new Told(NotificationKind.DISPUTE_OPENED, projections.members(other));
            case DisputeResponded ignored -> new Told(NotificationKind.DISPUTE_RESPONDED, projections.members(opener));
            case DisputeEscalated ignored -> {
                List<Recipient> whom = new ArrayList<>(both);
                whom.addAll(projections.administrators(dispute.buyer().regionCode()));
                yield new Told(NotificationKind.DISPUTE_ESCALATED, whom);
            }
            case DisputeSettled ignored -> new Told(NotificationKind.DISPUTE_SETTLED, both);
            case DisputeResolved ignored -> new Told(NotificationKind.DISPUTE_RESOLVED, both);
            default -> null;
        };
        if (told != null) {
            notifier.tell(told.kind(), at.envelope().id(), dispute.disputeId().toString(), Map.of(), told.whom());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void ratings(RatingsPublished published, Delivery at) {
        if (published.buyer() == null || published.seller() == null) {
            throw new MalformedEventException("ratings " + at.envelope().id() + " lack the deal's parties", null);
        }
        // Each party is sent to its own organization's page, where the ratings it received show.
        for (UUID party : List.of(published.buyer().organizationId(), published.seller().organizationId())) {
            notifier.tell(NotificationKind.RATINGS_PUBLISHED, at.envelope().id(), party.toString(), Map.of(),
                    projections.members(party));
        }
    }

    /** A red flag goes to the administration of the buyer's region (and the republic's), by its code only. */
    @Transactional(Transactional.TxType.MANDATORY)
    void redFlag(RedFlagRaised raised, Delivery at) {
        if (raised.flagId() == null || raised.regionCode() == null || raised.code() == null) {
            throw new MalformedEventException("red flag " + at.envelope().id() + " lacks its id, code or region", null);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("flag", raised.code());
        notifier.tell(NotificationKind.RED_FLAG_RAISED, at.envelope().id(), raised.flagId().toString(), params,
                projections.administrators(raised.regionCode()));
    }

    private Map<String, Object> title(UUID requestId) {
        return projections.requestTitle(requestId).map(this::read).map(this::titled).orElseGet(HashMap::new);
    }

    private Map<String, Object> titled(Map<String, String> title) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", title == null ? Map.of() : title);
        return params;
    }

    private String write(Map<String, String> title) {
        try {
            return json.writeValueAsString(title == null ? Map.of() : title);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("a request's title is not text by language", e);
        }
    }

    private Map<String, String> read(String title) {
        try {
            return json.readValue(title, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored title is not JSON", e);
        }
    }
}
