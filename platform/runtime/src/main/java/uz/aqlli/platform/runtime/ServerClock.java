package uz.aqlli.platform.runtime;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one clock a service decides time with (deadlines, publication times): the server's, in
 * UTC, never a time the client sends.
 */
@ApplicationScoped
public class ServerClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
