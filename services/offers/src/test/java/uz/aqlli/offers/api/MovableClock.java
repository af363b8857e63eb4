package uz.aqlli.offers.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock in offers' tests: real time plus an offset a test moves forward, so a
 * tender's deadline passes when the test says instead of after a real wait. It replaces
 * platform/runtime's {@code ServerClock} for the whole test application, and every deadline
 * decision reads it: the bid under the request's lock, a read closing a due request, and the
 * sweep's query (which is handed the clock's instant, never the database's {@code now()}).
 *
 * <p>Within a test it only moves forward, as time does for a tender. A test that moves it calls
 * {@link #backToRealTime()} when it ends, so later tests may publish against real time.
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), ahead);
    }

    /** Moves the server's time to just after {@code moment}, as if it had passed. */
    public void passBeyond(Instant moment) {
        Duration needed = Duration.between(Instant.now(), moment).plusMillis(1);
        if (needed.compareTo(ahead) > 0) {
            ahead = needed;
        }
    }

    public void backToRealTime() {
        ahead = Duration.ZERO;
    }
}
