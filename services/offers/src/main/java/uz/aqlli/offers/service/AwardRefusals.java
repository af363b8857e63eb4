package uz.aqlli.offers.service;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uz.aqlli.offers.Bid;
import uz.aqlli.offers.ServiceRequest;
import uz.aqlli.offers.repository.BidRepository;
import uz.aqlli.offers.repository.ServiceRequestRepository;
import uz.aqlli.platform.events.ContractSigningRefused;
import uz.aqlli.platform.events.RequestAwardDeclined;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.runtime.consumer.Delivery;
import uz.aqlli.platform.runtime.consumer.EventDelivery;
import uz.aqlli.platform.runtime.consumer.Subscription;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;
import uz.aqlli.platform.runtime.outbox.EventOutbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A supplier's refusal to sign sends the tender back to the buyer: orders' {@code ContractSigningRefused}
 * with side {@code SUPPLIER} voids the award, marks the bid {@code DECLINED_AWARD} and puts the request
 * back in evaluation, where the buyer awards another bid or declares it unsuccessful.
 *
 * <p>A buyer's refusal changes nothing here: the request stays {@code AWARDED} beside its cancelled
 * contract. Reopening it would let a buyer who saw every price walk away from the winner to award
 * someone it prefers; the refusal and its reason are public on the contract instead.
 *
 * <p>The inbox takes each event id once; the same refusal under another id finds the request no
 * longer awarded to that bid and does nothing, so a refusal applies once however it arrives.
 */
@ApplicationScoped
public class AwardRefusals {

    static final String CONSUMER = "offers-award-refusals";

    private final EventDelivery delivery;
    private final ServiceRequestRepository requests;
    private final BidRepository bids;
    private final EventOutbox outbox;
    private final Clock clock;
    private final Subscription subscription;

    AwardRefusals(EventDelivery delivery, ServiceRequestRepository requests, BidRepository bids, EventOutbox outbox, Clock clock) {
        this.delivery = delivery;
        this.requests = requests;
        this.bids = bids;
        this.outbox = outbox;
        this.clock = clock;
        this.subscription = Subscription.named(CONSUMER, Topic.OFFERS_DEAD_LETTERS)
                .on(Topic.CONTRACTS, ContractSigningRefused.class, this::refused);
    }

    @Incoming("award-refusals")
    @Blocking
    public void onContractEvent(ConsumerRecord<String, byte[]> record) {
        delivery.deliver(subscription, record);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void refused(ContractSigningRefused refusal, Delivery at) {
        var contract = refusal.contract();
        if (contract == null || contract.requestId() == null || contract.bidId() == null || contract.contractId() == null
                || refusal.side() == null) {
            throw new MalformedEventException("refusal " + at.envelope().id() + " lacks the contract's request, bid or side", null);
        }
        if (!"SUPPLIER".equals(refusal.side())) {
            return;
        }
        Optional<ServiceRequest> locked = requests.lockToClose(contract.requestId());
        if (locked.isEmpty()) {
            return;
        }
        ServiceRequest request = locked.get();
        requests.getEntityManager().refresh(request);
        if (!request.awardedTo(contract.bidId())) {
            return;
        }
        Bid bid = bids.findByIdOptional(contract.bidId()).orElseThrow(() -> new MalformedEventException(
                "refusal " + at.envelope().id() + " names bid " + contract.bidId() + ", which offers does not have", null));
        Instant now = clock.instant();
        request.awardDeclined(bid.id());
        bid.declineAward(now);
        outbox.append(new RequestAwardDeclined(request.id(), request.buyerId(), bid.id(), bid.providerId(),
                contract.contractId(), refusal.reason(), now));
        requests.flush();
    }
}
