package uz.aqlli.datalake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uz.aqlli.datalake.service.EventLake;
import uz.aqlli.platform.runtime.inbox.EventRecords;

/**
 * Takes every event of every domain topic into the lake.
 *
 * <p>The event id goes into the inbox in the same transaction as the raw row, so a redelivered
 * event is skipped. A record that fails (not a CloudEvent, unreadable JSON) is nacked, and the
 * connector moves it to the dead-letter topic with the reason in its headers.
 */
@ApplicationScoped
public class PlatformEventConsumer {

    private final EventLake lake;

    PlatformEventConsumer(EventLake lake) {
        this.lake = lake;
    }

    @Incoming("platform-events")
    @Blocking // ordered: one record at a time per partition, in order
    @Transactional
    public void onEvent(ConsumerRecord<String, byte[]> record) {
        lake.append(EventRecords.envelope(record), record.topic(), record.partition(), record.offset());
    }
}
