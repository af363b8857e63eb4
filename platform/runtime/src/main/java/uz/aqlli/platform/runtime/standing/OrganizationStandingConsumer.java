package uz.aqlli.platform.runtime.standing;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uz.aqlli.platform.runtime.inbox.EventRecords;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;

/**
 * Feeds {@link OrganizationStandings} from {@code aqlli.catalog.organizations}.
 *
 * <p>Only a service built with {@code aqlli.organization-standing.enabled=true} has this bean,
 * and it must configure the {@code organization-standing} channel (an {@code @Incoming} without
 * its channel fails startup); see offers' {@code application.properties}.
 */
@ApplicationScoped
@IfBuildProperty(name = "aqlli.organization-standing.enabled", stringValue = "true")
public class OrganizationStandingConsumer {

    private static final Logger LOG = Logger.getLogger(OrganizationStandingConsumer.class);

    private final OrganizationStandings standings;

    OrganizationStandingConsumer(OrganizationStandings standings) {
        this.standings = standings;
    }

    @Incoming("organization-standing")
    @Blocking // in order per organization: one record at a time per partition
    @Transactional
    public void onOrganizationEvent(ConsumerRecord<String, byte[]> record) {
        try {
            standings.apply(EventRecords.envelope(record));
        } catch (MalformedEventException e) {
            // Never a directory event, however often it is retried; the data lake keeps it as a dead letter.
            LOG.warnf("Skipped record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

}
