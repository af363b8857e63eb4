package uz.aqlli.platform.runtime.consumer;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which failures of a handler make an event a dead letter rather than a reason to wait. */
class EventDeliveryTest {

    @Test
    void theDatabaseRefusingTheDataItselfIsADeadLetter() {
        assertNotNull(EventDelivery.refusedData(new PersistenceException("insert failed",
                new SQLException("unsupported Unicode escape sequence", "22P05"))));
        assertNotNull(EventDelivery.refusedData(new RuntimeException(new SQLException("violates check constraint", "23514"))));
    }

    @Test
    void aDatabaseThatIsAwayOrBusyIsWaitedFor() {
        assertNull(EventDelivery.refusedData(new PersistenceException(new SQLException("connection refused", "08001"))));
        assertNull(EventDelivery.refusedData(new PersistenceException(new SQLException("deadlock detected", "40P01"))));
        assertNull(EventDelivery.refusedData(new PersistenceException(new SQLException("terminating connection", "57P01"))));
        assertNull(EventDelivery.refusedData(new IllegalStateException("no SQL state at all")));
    }
}
