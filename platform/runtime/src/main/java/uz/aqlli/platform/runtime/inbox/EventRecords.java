package uz.aqlli.platform.runtime.inbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import uz.aqlli.platform.events.EventEnvelope;

/** Reads the CloudEvents envelope (binary mode) off a Kafka record. */
public final class EventRecords {

    private EventRecords() {
    }

    /**
     * @throws MalformedEventException when the record is not a CloudEvent with id, type, source and data
     */
    public static EventEnvelope envelope(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new MalformedEventException("not a CloudEvent: " + e.getMessage(), e);
        }
        if (event.getData() == null) {
            throw new MalformedEventException("CloudEvent " + event.getId() + " has no data", null);
        }
        return new EventEnvelope(event.getId(), event.getType(), event.getSource().toString(), event.getTime(),
                event.getSubject(), event.getData().toBytes());
    }
}
