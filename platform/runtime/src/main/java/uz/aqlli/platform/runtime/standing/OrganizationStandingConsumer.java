package uz.aqlli.platform.runtime.standing;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uz.aqlli.platform.events.OrganizationEvent;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.runtime.consumer.EventDelivery;
import uz.aqlli.platform.runtime.consumer.Subscription;

/**
 * Feeds {@link OrganizationStandings} from {@code aqlli.catalog.organizations}, through the
 * platform's one consumer seam ({@link EventDelivery}: catalog's events only, once each, a record
 * that is none of them dead-lettered, anything else retried until it applies).
 *
 * <p>Only a service built with {@code aqlli.organization-standing.enabled=true} has this bean,
 * and it must configure the {@code organization-standing} channel (an {@code @Incoming} without
 * its channel fails startup) and name its dead-letter topic; see offers' {@code application.properties}.
 */
@ApplicationScoped
@IfBuildProperty(name = "aqlli.organization-standing.enabled", stringValue = "true")
public class OrganizationStandingConsumer {

    private final EventDelivery delivery;
    private final Subscription subscription;

    OrganizationStandingConsumer(EventDelivery delivery, OrganizationStandings standings,
                                 @ConfigProperty(name = "aqlli.organization-standing.dead-letters") String deadLetters) {
        this.delivery = delivery;
        Topic deadLetterTopic = Topic.named(deadLetters)
                .orElseThrow(() -> new IllegalStateException("aqlli.organization-standing.dead-letters=" + deadLetters + " is not a platform topic"));
        this.subscription = Subscription.named(OrganizationStandings.CONSUMER, deadLetterTopic)
                .on(Topic.ORGANIZATIONS, OrganizationEvent.class, standings::apply);
    }

    @Incoming("organization-standing")
    @Blocking // in order per organization: one record at a time per partition
    public void onOrganizationEvent(ConsumerRecord<String, byte[]> record) {
        delivery.deliver(subscription, record);
    }
}
