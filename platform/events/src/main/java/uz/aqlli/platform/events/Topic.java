package uz.aqlli.platform.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every Kafka topic of the platform: the partition count it is created with, the one service that
 * may publish on it, and the event types it carries.
 *
 * <p>Topics are per aggregate type, and records are keyed by the aggregate id, so events of
 * one aggregate stay in order. Brokers run with topic auto-creation off: a topic that is not
 * listed here does not exist. A consumer takes a record only when its CloudEvents {@code source}
 * is the topic's producer and its {@code type} is one of the topic's event types; anything else
 * is a dead letter, never a fact.
 */
public enum Topic {
    ORGANIZATIONS("aqlli.catalog.organizations", 6, "catalog", "organization", OrganizationRegistered.class, OrganizationVerified.class,
            OrganizationRejected.class, OrganizationSuspended.class, OrganizationReinstated.class, OrganizationManagerChanged.class,
            MemberJoined.class, MemberLeft.class),
    PRODUCTS("aqlli.catalog.products", 6, "catalog", "product", ProductPublished.class, ProductUpdated.class, ProductWithdrawn.class),
    OFFERS("aqlli.offers.offers", 6, "offers", "offer", OfferPublished.class, OfferUpdated.class, OfferWithdrawn.class),
    SERVICE_REQUESTS("aqlli.offers.service-requests", 6, "offers", "service-request", RequestPublished.class, QuestionAnswered.class,
            BidSubmitted.class, BidWithdrawn.class, BidsRevealed.class, RequestAwarded.class, RequestUnsuccessful.class,
            RequestCancelled.class, RequestAwardDeclined.class),
    ORDERS("aqlli.orders.orders", 6, "orders", "order", OrderPlaced.class, OrderApprovalRequested.class, OrderRejected.class,
            OrderQuoted.class, OrderConfirmed.class, OrderRefused.class, OrderDelivered.class, OrderMonthAccepted.class,
            OrderCompleted.class, OrderCancelled.class, OrderDisputed.class),
    CONTRACTS("aqlli.orders.contracts", 6, "orders", "contract", ContractCreated.class, MilestonePlanProposed.class,
            ContractSigned.class, ContractSigningRefused.class, MilestoneDelivered.class, MilestoneAccepted.class,
            MilestoneRejected.class, MilestoneOverdue.class, PaymentRecorded.class, ContractAmended.class, ContractCompleted.class,
            ContractTerminated.class),
    /** Finished deals' ratings, published together at once (double-blind); keyed by the order's or contract's id. */
    RATINGS("aqlli.orders.ratings", 6, "orders", "rated-deal", RatingsPublished.class),
    /** Disputes over an order, a subscription month or a contract milestone: their own topic, keyed by dispute id. */
    DISPUTES("aqlli.orders.disputes", 6, "orders", "dispute", DisputeOpened.class, DisputeResponded.class,
            DisputeEscalated.class, DisputeSettled.class, DisputeResolved.class),
    /** Integrity red flags: raised from the event stream, retracted when their evidence goes, reviewed and decided; keyed by flag id. */
    RED_FLAGS("aqlli.integrity.red-flags", 6, "integrity", "red-flag", RedFlagRaised.class, RedFlagRetracted.class,
            RedFlagReviewed.class, RedFlagDecided.class),
    /** Events the data lake could not handle, kept with the reason instead of being dropped. */
    DATALAKE_DEAD_LETTERS("aqlli.datalake.dead-letters", 1, "datalake", "dead-letter"),
    /** Records the offers service's consumers could never handle (not a directory event, wrong source, unreadable). */
    OFFERS_DEAD_LETTERS("aqlli.offers.dead-letters", 1, "offers", "dead-letter"),
    /** Records the open data service's consumer could never handle (the tenders, contracts and directory it publishes). */
    OPENDATA_DEAD_LETTERS("aqlli.opendata.dead-letters", 1, "opendata", "dead-letter"),
    /** Records the catalog service's consumers could never handle (published ratings). */
    CATALOG_DEAD_LETTERS("aqlli.catalog.dead-letters", 1, "catalog", "dead-letter"),
    /** Records the orders service's consumers could never handle (the directory, products and offers it copies). */
    ORDERS_DEAD_LETTERS("aqlli.orders.dead-letters", 1, "orders", "dead-letter"),
    /** Records the notifications service's consumer could never handle (any domain event it reads). */
    NOTIFICATIONS_DEAD_LETTERS("aqlli.notifications.dead-letters", 1, "notifications", "dead-letter"),
    /** Records the integrity service's consumer could never handle (the tenders, contracts and directory it watches). */
    INTEGRITY_DEAD_LETTERS("aqlli.integrity.dead-letters", 1, "integrity", "dead-letter");

    /** The CloudEvents {@code source} of every event a service publishes: {@code /aqlli/<service>}. */
    public static final String SOURCE_PREFIX = "/aqlli/";

    private final String topicName;
    private final int partitions;
    private final String producer;
    private final String aggregateType;
    private final List<Class<? extends IntegrationEvent>> eventTypes;

    @SafeVarargs
    Topic(String topicName, int partitions, String producer, String aggregateType,
          Class<? extends IntegrationEvent>... eventTypes) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.producer = producer;
        this.aggregateType = aggregateType;
        this.eventTypes = List.of(eventTypes);
    }

    public String topicName() {
        return topicName;
    }

    public int partitions() {
        return partitions;
    }

    /** The service ({@code quarkus.application.name}) whose outbox alone publishes here. */
    public String producer() {
        return producer;
    }

    /**
     * The one name the outbox gives this topic's aggregates: it keys the relay's per-aggregate
     * order, so two names for one aggregate would let its events overtake each other.
     */
    public String aggregateType() {
        return aggregateType;
    }

    /** The CloudEvents {@code source} every record on this topic must carry. */
    public String source() {
        return SOURCE_PREFIX + producer;
    }

    /** The event records this topic carries; empty for dead-letter topics, which carry raw records. */
    public List<Class<? extends IntegrationEvent>> eventTypes() {
        return eventTypes;
    }

    /** The record class whose simple name is the CloudEvents {@code type}, if this topic carries it. */
    public Optional<Class<? extends IntegrationEvent>> eventType(String type) {
        return eventTypes.stream().filter(candidate -> candidate.getSimpleName().equals(type)).findFirst();
    }

    public static Optional<Topic> named(String topicName) {
        return Arrays.stream(values()).filter(topic -> topic.topicName.equals(topicName)).findFirst();
    }

    /** The topic an event of this type is published on. */
    public static Topic of(Class<? extends IntegrationEvent> eventType) {
        return Arrays.stream(values()).filter(topic -> topic.eventTypes.contains(eventType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(eventType.getSimpleName() + " is on no topic"));
    }
}
