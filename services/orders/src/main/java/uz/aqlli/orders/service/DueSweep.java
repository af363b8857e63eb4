package uz.aqlli.orders.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one loop of orders' sweeps: look for everything whose time has passed (not for timers set
 * when it started, so what passed while the service was down is found on the first sweep after),
 * then handle each in its own transaction, so one that fails is logged and left for the next sweep
 * without holding up the rest.
 */
final class DueSweep {

    private DueSweep() {
    }

    static void each(Callable<List<UUID>> due, Consumer<UUID> handle, Logger log, String failure) {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(due);
        for (UUID id : ids) {
            try {
                QuarkusTransaction.requiringNew().run(() -> handle.accept(id));
            } catch (RuntimeException e) {
                log.errorf(e, failure + "; the next sweep retries", id);
            }
        }
    }
}
