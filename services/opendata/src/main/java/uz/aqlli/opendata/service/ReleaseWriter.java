package uz.aqlli.opendata.service;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uz.aqlli.opendata.ContractingProcess;
import uz.aqlli.opendata.OcdsMerge;
import uz.aqlli.opendata.OpenDataConfig;
import uz.aqlli.opendata.repository.DirectoryRepository;
import uz.aqlli.opendata.repository.ProcessRepository;
import uz.aqlli.platform.events.BidSubmitted;
import uz.aqlli.platform.events.BidWithdrawn;
import uz.aqlli.platform.events.BidsRevealed;
import uz.aqlli.platform.events.ContractEvent;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.events.OrganizationRegistered;
import uz.aqlli.platform.events.QuestionAnswered;
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

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the OCDS release of each change of a contracting process, from offers' tender events and
 * orders' contract events, and keeps the process's compiled release (the OCDS merge of its releases).
 *
 * <p>Exactly once: the inbox takes each event id once, in the release's transaction, and the release id
 * is the event id, so the same event under the same id can never make a second release (the table's key
 * is the last word). The process row is locked while its release is made: one change at a time.
 *
 * <p>A release's date is its event's time, but never before the process's previous release: requests and
 * contracts come on two topics, and a contract event may be read a moment before the award it follows;
 * merging by date must give what merging in publication order gives.
 */
@ApplicationScoped
public class ReleaseWriter {

    static final String CONSUMER = "opendata-releases";

    private final EventDelivery delivery;
    private final ProcessRepository processes;
    private final DirectoryRepository directory;
    private final OpenDataConfig config;
    private final Subscription subscription;

    ReleaseWriter(EventDelivery delivery, ProcessRepository processes, DirectoryRepository directory, OpenDataConfig config) {
        this.delivery = delivery;
        this.processes = processes;
        this.directory = directory;
        this.config = config;
        this.subscription = Subscription.named(CONSUMER, Topic.OPENDATA_DEAD_LETTERS)
                .on(Topic.ORGANIZATIONS, OrganizationRegistered.class, (event, at) -> directory.registered(event))
                .on(Topic.SERVICE_REQUESTS, IntegrationEvent.class, (event, at) -> change(requestOf(event), event, at))
                .on(Topic.CONTRACTS, ContractEvent.class, (event, at) -> change(event.contract().requestId(), event, at));
    }

    @Incoming("processes")
    @Blocking // one record at a time: a process's events are applied in their order
    public void onEvent(ConsumerRecord<String, byte[]> record) {
        delivery.deliver(subscription, record);
    }

    /** The ocid of a service request's contracting process: the configured prefix and the request's id. */
    public static String ocid(OpenDataConfig config, UUID requestId) {
        return config.ocidPrefix() + "-" + requestId;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void change(UUID requestId, IntegrationEvent event, Delivery at) {
        if (requestId == null) {
            throw new MalformedEventException("event " + at.envelope().id() + " names no service request", null);
        }
        String ocid = ocid(config, requestId);
        ProcessRepository.StoredProcess stored = processes.lock(ocid, requestId);
        ContractingProcess process = stored.process();
        String releaseId = at.envelope().id();
        Optional<List<String>> tags;
        try {
            tags = process.apply(event, releaseId, stored.lastReleaseId());
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new MalformedEventException("event " + releaseId + " lacks a field its release needs: " + e.getMessage(), e);
        }
        if (tags.isEmpty()) {
            processes.save(stored);
            return;
        }
        Instant date = at.envelope().time() == null ? Instant.now() : at.envelope().time().toInstant();
        if (stored.lastReleaseDate() != null && date.isBefore(stored.lastReleaseDate())) {
            date = stored.lastReleaseDate();
        }
        var release = process.release(ocid, releaseId, date, tags.get(), directory.find(process.organizations()),
                config.identifierScheme());
        if (!processes.publish(ocid, release)) {
            return;
        }
        processes.save(stored.published(OcdsMerge.fold(stored.compiled(), release), releaseId, date));
    }

    private static UUID requestOf(IntegrationEvent event) {
        return switch (event) {
            case RequestPublished e -> e.requestId();
            case QuestionAnswered e -> e.requestId();
            case BidSubmitted e -> e.requestId();
            case BidWithdrawn e -> e.requestId();
            case BidsRevealed e -> e.requestId();
            case RequestAwarded e -> e.requestId();
            case RequestAwardDeclined e -> e.requestId();
            case RequestUnsuccessful e -> e.requestId();
            case RequestCancelled e -> e.requestId();
            default -> throw new MalformedEventException("no service request event: " + event.getClass().getSimpleName(), null);
        };
    }
}
