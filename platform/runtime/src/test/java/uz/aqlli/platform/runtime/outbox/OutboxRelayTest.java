package uz.aqlli.platform.runtime.outbox;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failed sends bring an outbox row towards parking: the record's own failures only. */
class OutboxRelayTest {

    @Test
    void aBrokerThatIsAwayOrSlowNeverParksARow() {
        assertTrue(OutboxRelay.passing(new ExecutionException(new TimeoutException("metadata not fetched"))));
        assertTrue(OutboxRelay.passing(new ExecutionException(new NetworkException("disconnected"))));
        assertTrue(OutboxRelay.passing(new ExecutionException(new NotLeaderOrFollowerException("election"))));
        assertTrue(OutboxRelay.passing(new java.util.concurrent.TimeoutException("no ack in time")));
        assertTrue(OutboxRelay.passing(new TimeoutException("send() blocked past max.block.ms")));
    }

    @Test
    void aRecordTheBrokerWillNeverTakeIsTheRecordsOwnFailure() {
        assertFalse(OutboxRelay.passing(new ExecutionException(new RecordTooLargeException("2 MB"))));
        assertFalse(OutboxRelay.passing(new RecordTooLargeException("thrown by send() itself")));
        assertFalse(OutboxRelay.passing(new IllegalStateException("not serialisable")));
    }

    @Test
    void anUnknownTopicIsRetriableInKafkaButStillPassesHere() {
        // Kafka calls it retriable (a topic may be being created); it parks nothing here either,
        // and shows on the listing's last error while it lasts.
        assertTrue(OutboxRelay.passing(new ExecutionException(new UnknownTopicOrPartitionException("aqlli.x"))));
    }
}
