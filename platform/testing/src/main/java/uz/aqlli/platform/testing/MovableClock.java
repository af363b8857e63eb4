package uz.aqlli.platform.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock in every service's tests: real time plus an offset a test moves forward, so
 * a deadline or a lease passes when the test says instead of after a real wait. It replaces
 * platform/runtime's {@code ServerClock} bean in each test application (this module's
 * {@code META-INF/beans.xml} makes it a bean there), so whatever decides by the one {@code Clock}
 * follows it, and a test that moves it shows that a service does not keep a clock of its own.
 *
 * <p>Within a test it only moves forward, as time does. A test that moves it calls
 * {@link #backToRealTime()} when it ends, so later tests run on real time.
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

    public void moveAhead(Duration by) {
        ahead = ahead.plus(by);
    }

    public void backToRealTime() {
        ahead = Duration.ZERO;
    }
}
