package uz.aqlli.orders.service;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uz.aqlli.orders.Contract;
import uz.aqlli.orders.ContractEvents;
import uz.aqlli.orders.repository.ContractRepository;
import uz.aqlli.orders.repository.MarketRepository;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.runtime.consumer.Delivery;
import uz.aqlli.platform.runtime.consumer.EventDelivery;
import uz.aqlli.platform.runtime.consumer.Subscription;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;
import uz.aqlli.platform.runtime.outbox.EventOutbox;

import java.time.Clock;
import java.util.UUID;

/**
 * Makes the contract of each tender award, from offers' {@code RequestAwarded}: nobody creates a
 * contract by hand. The inbox takes each event id once; an award published again under a new id
 * (offers' outbox retrying after a lost acknowledgement would not, but a replay or a repair could)
 * finds its contract by the bid and makes none, and the database's unique bid is the last word.
 */
@ApplicationScoped
public class ContractAwards {

    static final String CONSUMER = "orders-awards";

    private final EventDelivery delivery;
    private final ContractRepository contracts;
    private final MarketRepository market;
    private final EventOutbox outbox;
    private final Clock clock;
    private final Subscription subscription;

    ContractAwards(EventDelivery delivery, ContractRepository contracts, MarketRepository market, EventOutbox outbox, Clock clock) {
        this.delivery = delivery;
        this.contracts = contracts;
        this.market = market;
        this.outbox = outbox;
        this.clock = clock;
        this.subscription = Subscription.named(CONSUMER, Topic.ORDERS_DEAD_LETTERS)
                .on(Topic.SERVICE_REQUESTS, RequestAwarded.class, this::awarded);
    }

    @Incoming("awards")
    @Blocking
    public void onAwardEvent(ConsumerRecord<String, byte[]> record) {
        delivery.deliver(subscription, record);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void awarded(RequestAwarded award, Delivery at) {
        if (award.requestId() == null || award.bidId() == null || award.buyerId() == null || award.providerId() == null
                || award.priceUzs() == null || award.priceUzs().signum() <= 0
                || award.priceUzs().stripTrailingZeros().scale() > 2 || award.awardedAt() == null) {
            throw new MalformedEventException("award " + at.envelope().id() + " lacks a field the contract needs", null);
        }
        if (contracts.ofBid(award.bidId()).isPresent()) {
            return;
        }
        Contract contract = Contract.fromAward(UUID.randomUUID(), award.requestId(), award.bidId(), award.buyerId(),
                award.providerId(), award.category(), award.title(), award.regions(), award.durationDays(), award.priceUzs(),
                award.awardedAt(), clock.instant());
        contracts.persist(contract);
        contracts.flush();
        outbox.append(ContractEvents.of(contract, market.party(contract.buyerId()), market.party(contract.supplierId())).created());
    }
}
