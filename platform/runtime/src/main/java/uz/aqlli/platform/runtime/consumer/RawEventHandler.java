package uz.aqlli.platform.runtime.consumer;

import uz.aqlli.platform.events.EventEnvelope;

/**
 * What a consumer that keeps everything (the data lake) does with a CloudEvent this build has no
 * record for: a type its topic does not list, or a topic {@link uz.aqlli.platform.events.Topic}
 * does not know yet (a newer producer's). It runs in the inbox's transaction, like an
 * {@link EventHandler}, at most once per event id.
 */
@FunctionalInterface
public interface RawEventHandler {

    void keep(EventEnvelope envelope, String topic, int partition, long offset);
}
