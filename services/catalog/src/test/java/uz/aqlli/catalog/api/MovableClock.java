package uz.aqlli.catalog.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock in catalog's tests: real time unless a test moves it ahead, which shows that
 * onboarding and the directory decide time by platform/runtime's one {@code Clock} bean (the one
 * this replaces) and not by a clock of their own. A test that moves it calls
 * {@link #backToRealTime()} when it ends.
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

    public void moveAhead(Duration by) {
        ahead = ahead.plus(by);
    }

    public void backToRealTime() {
        ahead = Duration.ZERO;
    }
}
