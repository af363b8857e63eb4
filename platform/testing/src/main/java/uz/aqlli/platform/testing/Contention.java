package uz.aqlli.platform.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Makes concurrent requests really overlap: a connection of the test holds one row locked while
 * the requests run, so that each of them reads the row as it was and then waits to write it; once
 * every one waits, the lock goes and they race for the row in the database, as two clicks at the
 * same moment would. No timing luck: the race happens on every run or the test fails saying so.
 */
public final class Contention {

    private static final Duration MEET_WITHIN = Duration.ofSeconds(30);

    private Contention() {
    }

    /**
     * Runs {@code requests} at once against {@code table}'s row {@code keyColumn = key}, held
     * locked until all of them wait to update {@code table}; returns their results in order.
     */
    public static <T> List<T> race(DataSource dataSource, String table, String keyColumn, Object key, List<Callable<T>> requests)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select 1 from " + table + " where " + keyColumn + " = ? for update")) {
                lock.setObject(1, key);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw new AssertionError("no row " + keyColumn + " = " + key + " in " + table);
                    }
                }
            }
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> request : requests) {
                running.add(threads.submit(request));
            }
            try {
                awaitWaiting(dataSource, table, requests.size());
            } finally {
                holder.commit();
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get(MEET_WITHIN.toSeconds(), TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Until {@code count} sessions wait for a lock in an update of {@code table}: for a test that
     * orders a race by hand (one request held at its write while another runs).
     */
    public static void awaitWaiting(DataSource dataSource, String table, int count) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + MEET_WITHIN.toNanos();
        try (Connection watcher = dataSource.getConnection();
             PreparedStatement waiting = watcher.prepareStatement("""
                     select count(*) from pg_stat_activity
                     where wait_event_type = 'Lock' and datname = current_database() and query ilike ?""")) {
            waiting.setString(1, "update " + table + " %");
            while (true) {
                try (ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) >= count) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the " + count + " requests never all waited to update " + table
                            + ": one finished or failed before the others read the row");
                }
                Thread.sleep(20);
            }
        }
    }
}
