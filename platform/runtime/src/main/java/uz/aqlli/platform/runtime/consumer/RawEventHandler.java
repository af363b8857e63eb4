package uz.aqlli.platform.runtime.consumer;

import uz.aqlli.platform.events.EventEnvelope;

/**
 * What a consumer that keeps everything (the data lake) does with a CloudEvent this build has no
 * record for: a type its topic does not list, or a topic {@link uz.aqlli.platform.events.Topic}
 * does not know yet (a newer producer's), or of a known type whose data does not fit its record (a
 * field of another type). It runs in the inbox's transaction, like an
 * {@link EventHandler}, at most once per event id.
 */
@FunctionalInterface
public interface RawEventHandler {

    /** @param reason why this build cannot read it as a record: the type, the topic, or the field that does not fit */
    void keep(EventEnvelope envelope, String topic, int partition, long offset, String reason);
}
