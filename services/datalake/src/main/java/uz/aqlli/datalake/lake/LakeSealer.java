package uz.aqlli.datalake.lake;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Moves the hot tier (raw_event) into Parquet files, and keeps the files few.
 *
 * <p>Sealing, in three steps: (1) one transaction picks the next range of lake_seq and records it
 * as WRITING (under a SHARE lock on raw_event, which waits for every insert in flight, so no row of
 * the range can commit later); (2) the range's rows are written as one file per topic and month, each
 * named by the range and renamed into place whole; (3) one transaction records the files in the
 * manifest and marks the range SEALED, which moves the readers' watermark past it. A crash before
 * (3) leaves the range WRITING: the next seal redoes that same range, writing the same names over
 * the unrecorded files, and records it once. raw_event itself is never changed.
 *
 * <p>Compaction merges a partition's files into one, records it and retires the small ones in one
 * transaction, then moves the retired files at once out of the lake's layout into
 * {@code <lake>/_retired/<path>.retired}: a folder Spark, Trino and Hive skip (its name starts with
 * {@code _}) holding names no {@code *.parquet} glob matches (DuckDB skips no folder), so a reader of
 * the folder by path never counts an event twice. They are deleted from there only
 * {@code removed-files-kept} later, so a reader holding the previous manifest still finds them
 * ({@link #readable}). Anything the manifest does not name (left by a crash during a seal or a
 * compaction) is deleted by the same sweep.
 *
 * <p>Sealing, compaction and the sweep write the folder: one at a time in this process (a lock),
 * and one replica at a time (PostgreSQL's advisory lock {@link #WRITER_LOCK}, tried, not waited
 * for: a replica that does not get it leaves the round to the one that has it).
 */
@ApplicationScoped
public class LakeSealer {

    private static final Logger LOG = Logger.getLogger(LakeSealer.class);

    /** The advisory lock (PostgreSQL, session level) held by the one replica writing the lake's folder. */
    public static final long WRITER_LOCK = 0x6171_6c6c_696c_616bL;

    /** The folder, under the lake's root, of files compaction retired (the {@code _} keeps Hive-style readers out). */
    public static final String RETIRED = "_retired";

    /** Taken by whoever writes the lake folder in this process: a seal, a compaction, a sweep. */
    private final ReentrantLock writing = new ReentrantLock();
    private final AgroalDataSource database;
    private final LakeConfig config;
    private final LakeEngine engine;

    LakeSealer(AgroalDataSource database, LakeConfig config, LakeEngine engine) {
        this.database = database;
        this.config = config;
        this.engine = engine;
    }

    public Path root() {
        return config.lakePath().toAbsolutePath().normalize();
    }

    /** What a crash left in the folder (an unrecorded seal or compaction) goes before anything reads or writes it. */
    void onStart(@Observes StartupEvent started) {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf("The lake's folder was not swept at start (the next compaction sweeps it): %s", e.getMessage());
        }
    }

    @Scheduled(every = "${aqlli.datalake.seal-every:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sealOnSchedule() {
        try {
            sealAll();
        } catch (RuntimeException e) {
            LOG.warnf("Sealing the lake's hot rows failed, the next round tries again: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${aqlli.datalake.compact-every:1m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compactOnSchedule() {
        try {
            compact();
        } catch (RuntimeException e) {
            LOG.warnf("Compacting the lake failed, the next round tries again: %s", e.getMessage());
        }
    }

    /** Seals every hot row stored by now; the events sealed. */
    public long sealAll() {
        long sealed = 0;
        long round;
        do {
            round = sealNext(() -> {
            });
            sealed += round;
        } while (round >= config.sealMaxEvents());
        return sealed;
    }

    /**
     * Seals the next range (a WRITING one left by a crash first); the events sealed, 0 when none
     * were hot. {@code filesPlaced} runs after the files are in place and before they are
     * recorded: the seam where a crash is worst (tests throw from it).
     */
    public long sealNext(Runnable filesPlaced) {
        return exclusively(0L, () -> {
            long[] range = QuarkusTransaction.requiringNew().call(this::nextRange);
            if (range == null) {
                return 0L;
            }
            long started = System.nanoTime();
            List<LakeEvent> events = QuarkusTransaction.requiringNew().call(() -> hotRows(range[0], range[1]));
            List<LakeFile> files = ParquetFiles.write(engine, root(), events, LakeFile::sealedName, range[0], range[1], false);
            filesPlaced.run();
            QuarkusTransaction.requiringNew().run(() -> record(range, files));
            LOG.infof("Sealed lake_seq %d-%d: %d events in %d files, %d bytes, %d ms", range[0], range[1], events.size(),
                    files.size(), files.stream().mapToLong(LakeFile::bytes).sum(), (System.nanoTime() - started) / 1_000_000);
            return (long) events.size();
        });
    }

    /**
     * Runs {@code work} as the one writer of the lake's folder, in this process and among the
     * replicas; {@code contended} when another replica is writing it now.
     */
    private <T> T exclusively(T contended, java.util.concurrent.Callable<T> work) {
        writing.lock();
        try (Connection lock = database.getConnection()) {
            if (!advisory(lock, "pg_try_advisory_lock")) {
                LOG.debugf("Another replica is writing the lake's folder; this round is its");
                return contended;
            }
            try {
                return work.call();
            } finally {
                advisory(lock, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the lake's writer lock was not taken: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            writing.unlock();
        }
    }

    private static boolean advisory(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, WRITER_LOCK);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** Where a reader finds the manifest's {@code path}: in the layout, or retired by a compaction since it read the manifest. */
    public Path readable(String path) {
        Path current = root().resolve(path);
        return Files.exists(current) ? current : retired(path);
    }

    private Path retired(String path) {
        return root().resolve(RETIRED).resolve(path + ".retired");
    }

    private long[] nextRange() throws SQLException {
        try (Connection connection = database.getConnection()) {
            try (Statement statement = connection.createStatement();
                 ResultSet writing = statement.executeQuery("select from_seq, to_seq from lake_seal where state = 'WRITING'")) {
                if (writing.next()) {
                    return new long[]{writing.getLong(1), writing.getLong(2)};
                }
            }
            long sealedThrough = single(connection, "select coalesce(max(to_seq), 0) from lake_seal");
            if (single(connection, "select count(*) from (select 1 from raw_event where lake_seq > " + sealedThrough + " limit 1) t") == 0) {
                return null;
            }
            try (Statement statement = connection.createStatement()) {
                // Waits for the inserts in flight: after it, no lake_seq at or below the range's end can still commit.
                statement.execute("lock table raw_event in share mode");
            }
            long to;
            try (PreparedStatement statement = connection.prepareStatement(
                    "select max(lake_seq) from (select lake_seq from raw_event where lake_seq > ? order by lake_seq limit ?) t")) {
                statement.setLong(1, sealedThrough);
                statement.setInt(2, config.sealMaxEvents());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    to = rows.getLong(1);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "insert into lake_seal (from_seq, to_seq, state) values (?, ?, 'WRITING')")) {
                statement.setLong(1, sealedThrough + 1);
                statement.setLong(2, to);
                statement.executeUpdate();
            }
            return new long[]{sealedThrough + 1, to};
        }
    }

    private List<LakeEvent> hotRows(long from, long to) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement("select " + LakeSnapshots.RAW_COLUMNS
                     + " from raw_event where lake_seq between ? and ? order by lake_seq")) {
            statement.setLong(1, from);
            statement.setLong(2, to);
            statement.setFetchSize(5000);
            List<LakeEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(LakeSnapshots.event(rows, 1));
                }
            }
            return events;
        }
    }

    private void record(long[] range, List<LakeFile> files) {
        try (Connection connection = database.getConnection()) {
            for (LakeFile file : files) {
                insert(connection, file);
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "update lake_seal set state = 'SEALED', sealed_at = now() where from_seq = ? and state = 'WRITING'")) {
                statement.setLong(1, range[0]);
                if (statement.executeUpdate() != 1) {
                    throw new IllegalStateException("range " + range[0] + "-" + range[1] + " was not being written");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the sealed files were not recorded: " + e.getMessage(), e);
        }
    }

    private static void insert(Connection connection, LakeFile file) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into lake_file (path, topic, event_date, first_seq, last_seq, events, bytes, compacted)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            statement.setString(1, file.path());
            statement.setString(2, file.topic());
            statement.setObject(3, file.month().atDay(1)); // event_date: the partition's month, as its first day
            statement.setLong(4, file.firstSeq());
            statement.setLong(5, file.lastSeq());
            statement.setLong(6, file.events());
            statement.setLong(7, file.bytes());
            statement.setBoolean(8, file.compacted());
            statement.executeUpdate();
        }
    }

    /** Merges every partition that has {@code compact-at-files} files or more; the files merged away. */
    public int compact() {
        return compact(config.compactAtFiles());
    }

    /** Merges every partition that has {@code atFiles} files or more (at least 2); the files merged away. */
    public int compact(int atFiles) {
        return compact(atFiles, () -> {
        }, () -> {
        });
    }

    /**
     * As {@link #compact(int)}; {@code mergedPlaced} runs after each merged file is in place and
     * before it is recorded, {@code retiredMoved} after the merged-away files are moved out of the
     * layout (the seams where a reader is most at risk; tests read the lake from them).
     */
    public int compact(int atFiles, Runnable mergedPlaced, Runnable retiredMoved) {
        return exclusively(0, () -> {
            int merged = 0;
            for (List<LakeFile> partition : QuarkusTransaction.requiringNew().call(() -> partitionsToCompact(Math.max(2, atFiles)))) {
                long first = partition.stream().mapToLong(LakeFile::firstSeq).min().orElseThrow();
                long last = partition.stream().mapToLong(LakeFile::lastSeq).max().orElseThrow();
                String target = LakeFile.folder(partition.getFirst().topic(), partition.getFirst().month()) + "/"
                        + LakeFile.compactedName(first, last);
                long started = System.nanoTime();
                LakeFile compacted = ParquetFiles.merge(engine, root(), partition, target);
                mergedPlaced.run();
                QuarkusTransaction.requiringNew().run(() -> replace(partition, compacted));
                for (LakeFile file : partition) {
                    retire(file.path());
                }
                retiredMoved.run();
                LOG.infof("Compacted %d files into %s: %d events, %d bytes, %d ms", partition.size(), target, compacted.events(),
                        compacted.bytes(), (System.nanoTime() - started) / 1_000_000);
                merged += partition.size();
            }
            sweepFolder();
            return merged;
        });
    }

    /** Moves a file compaction retired out of the layout, into the retired folder (once; a second call finds it gone). */
    private void retire(String path) {
        Path current = root().resolve(path);
        if (!Files.exists(current)) {
            return;
        }
        try {
            Path target = retired(path);
            Files.createDirectories(target.getParent());
            Files.move(current, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The partitions (topic and month) to merge, each one's files: those with {@code atFiles} files
     * or more; a closed month (over in Tashkent) with two or more, so that a topic's past is one
     * file a month; and any holding a file of the earlier day layout, which compaction re-lays.
     */
    private List<List<LakeFile>> partitionsToCompact(int atFiles) throws SQLException {
        List<List<LakeFile>> partitions = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     with current_file as (
                         select path, topic, event_date, first_seq, last_seq, events, bytes, compacted,
                                date_trunc('month', event_date)::date as month
                         from lake_file where removed_at is null),
                     due as (
                         select topic, month from current_file group by topic, month
                         having count(*) >= ?
                             or (count(*) >= 2 and month + interval '1 month' <= (now() at time zone 'Asia/Tashkent'))
                             or bool_or(path not like '%/month=%'))
                     select path, topic, event_date, first_seq, last_seq, events, bytes, compacted from current_file
                     where (topic, month) in (select topic, month from due)
                     order by topic, month, first_seq""")) {
            statement.setInt(1, atFiles);
            try (ResultSet rows = statement.executeQuery()) {
                List<LakeFile> current = null;
                while (rows.next()) {
                    LakeFile file = LakeSnapshots.file(rows);
                    if (current == null || !current.getFirst().topic().equals(file.topic())
                            || !current.getFirst().month().equals(file.month())) {
                        current = new ArrayList<>();
                        partitions.add(current);
                    }
                    current.add(file);
                }
            }
        }
        return partitions;
    }

    private void replace(List<LakeFile> merged, LakeFile compacted) {
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "update lake_file set removed_at = now() where path = any (?) and removed_at is null")) {
                statement.setArray(1, connection.createArrayOf("text", merged.stream().map(LakeFile::path).toArray()));
                if (statement.executeUpdate() != merged.size()) {
                    throw new IllegalStateException("the manifest changed under the compaction of " + compacted.path());
                }
            }
            insert(connection, compacted);
        } catch (SQLException e) {
            throw new IllegalStateException("the compacted file was not recorded: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes what readers no longer need: files retired longer than {@code removed-files-kept}
     * ago (file first, then its manifest row) and anything the manifest does not name.
     */
    public void sweep() {
        exclusively(false, () -> {
            sweepFolder();
            return true;
        });
    }

    private void sweepFolder() {
        try {
            Set<String> named = new HashSet<>();
            Set<String> removedKept = new HashSet<>();
            List<String> expired = new ArrayList<>();
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = database.getConnection();
                     PreparedStatement statement = connection.prepareStatement("select path, removed_at from lake_file");
                     ResultSet rows = statement.executeQuery()) {
                    OffsetDateTime keptSince = OffsetDateTime.now().minus(config.removedFilesKept());
                    while (rows.next()) {
                        named.add(rows.getString(1));
                        OffsetDateTime removed = rows.getObject(2, OffsetDateTime.class);
                        if (removed != null && removed.isBefore(keptSince)) {
                            expired.add(rows.getString(1));
                        } else if (removed != null) {
                            removedKept.add(rows.getString(1));
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (String path : expired) {
                delete(root().resolve(path));
                delete(retired(path));
            }
            if (!expired.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> {
                    try (Connection connection = database.getConnection();
                         PreparedStatement statement = connection.prepareStatement("delete from lake_file where path = any (?)")) {
                        statement.setArray(1, connection.createArrayOf("text", expired.toArray()));
                        statement.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            named.removeAll(expired);
            if (Files.isDirectory(root())) {
                String retiredPrefix = RETIRED + "/";
                List<Path> files;
                try (Stream<Path> walked = Files.walk(root())) {
                    files = walked.filter(Files::isRegularFile).toList();
                }
                for (Path file : files) {
                    String relative = root().relativize(file).toString().replace('\\', '/');
                    if (relative.startsWith(retiredPrefix) && relative.endsWith(".retired")) {
                        String path = relative.substring(retiredPrefix.length(), relative.length() - ".retired".length());
                        if (!removedKept.contains(path)) {
                            delete(file);
                        }
                    } else if (removedKept.contains(relative)) {
                        retire(relative); // a crash came between recording a compaction and moving its files
                    } else if (!named.contains(relative)) {
                        delete(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
