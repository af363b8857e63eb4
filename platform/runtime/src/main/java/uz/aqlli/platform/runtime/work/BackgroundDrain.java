package uz.aqlli.platform.runtime.work;

import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * How a service works off a table of due work (an outbox, a mail outbox, a queue of registrations)
 * in the background: woken right after the commit that queued something, and by a periodic sweep for
 * what an earlier attempt or another process left. One drain runs at a time in a process; wake-ups
 * that arrive meanwhile fold into one more pass, so nothing queued during a drain waits for the sweep.
 * Work that blocks (a broker, an SMTP server, an identity provider) runs on the drain's own thread,
 * never on the thread that committed. Which rows a pass takes, and any lock across processes, is the
 * pass's own business ({@code for update skip locked}, an advisory lock).
 */
public final class BackgroundDrain implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BackgroundDrain.class);

    private final String name;
    private final IntSupplier pass;
    private final ExecutorService wakeups;
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean wakeupQueued = new AtomicBoolean();
    private final AtomicBoolean moreArrived = new AtomicBoolean();

    /**
     * @param name the drain's thread name, in logs
     * @param pass works off what is due now and returns how much it did; it handles its own failures
     *             (what it could not do stays due), anything it throws is logged and the next wake-up retries
     */
    public BackgroundDrain(String name, IntSupplier pass) {
        this.name = name;
        this.pass = pass;
        this.wakeups = Executors.newSingleThreadExecutor(r -> {
            var thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks for a drain on the drain's own thread; requests that arrive meanwhile fold into one. */
    public void request() {
        if (wakeupQueued.compareAndSet(false, true)) {
            wakeups.execute(() -> {
                wakeupQueued.set(false);
                drain();
            });
        }
    }

    /**
     * Drains on the calling thread (the periodic sweep's), passing again while wake-ups arrived during
     * a pass; returns how much was done, 0 when another drain of this process is running (it will pass
     * once more for whatever this caller wanted).
     */
    public int drain() {
        if (!draining.tryLock()) {
            moreArrived.set(true);
            return 0;
        }
        int done = 0;
        try {
            do {
                moreArrived.set(false);
                done += pass.getAsInt();
            } while (moreArrived.get());
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s could not drain; what is due stays for the next sweep", name);
        } finally {
            draining.unlock();
        }
        return done;
    }

    @Override
    public void close() {
        wakeups.shutdownNow();
    }
}
