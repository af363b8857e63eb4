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
 * the range can commit later); (2) the range's rows are written as one file per topic and day, each
 * named by the range and renamed into place whole; (3) one transaction records the files in the
 * manifest and marks the range SEALED, which moves the readers' watermark past it. A crash before
 * (3) leaves the range WRITING: the next seal redoes that same range, writing the same names over
 * the unrecorded files, and records it once. raw_event itself is never changed.
 *
 * <p>Compaction merges a partition's files into one, records it and retires the small ones in one
 * transaction; the retired files are deleted from disk only {@code removed-files-kept} later, so a
 * reader holding the previous manifest still finds them. Anything in the folder the manifest does
 * not name (left by a crash during a seal or a compaction) is deleted by the same sweep.
 */
@ApplicationScoped
public class LakeSealer {

    private static final Logger LOG = Logger.getLogger(LakeSealer.class);

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
        writing.lock();
        try {
            long[] range = QuarkusTransaction.requiringNew().call(this::nextRange);
            if (range == null) {
                return 0;
            }
            long started = System.nanoTime();
            List<LakeEvent> events = QuarkusTransaction.requiringNew().call(() -> hotRows(range[0], range[1]));
            List<LakeFile> files = ParquetFiles.write(engine, root(), events, LakeFile::sealedName, range[0], range[1], false);
            filesPlaced.run();
            QuarkusTransaction.requiringNew().run(() -> record(range, files));
            LOG.infof("Sealed lake_seq %d-%d: %d events in %d files, %d bytes, %d ms", range[0], range[1], events.size(),
                    files.size(), files.stream().mapToLong(LakeFile::bytes).sum(), (System.nanoTime() - started) / 1_000_000);
            return events.size();
        } finally {
            writing.unlock();
        }
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
            statement.setObject(3, file.eventDate());
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
        writing.lock();
        try {
            int merged = 0;
            for (List<LakeFile> partition : QuarkusTransaction.requiringNew().call(() -> partitionsToCompact(Math.max(2, atFiles)))) {
                long first = partition.stream().mapToLong(LakeFile::firstSeq).min().orElseThrow();
                long last = partition.stream().mapToLong(LakeFile::lastSeq).max().orElseThrow();
                String target = LakeFile.folder(partition.getFirst().topic(), partition.getFirst().eventDate()) + "/"
                        + LakeFile.compactedName(first, last);
                long started = System.nanoTime();
                LakeFile compacted = ParquetFiles.merge(engine, root(), partition, target);
                QuarkusTransaction.requiringNew().run(() -> replace(partition, compacted));
                LOG.infof("Compacted %d files into %s: %d events, %d bytes, %d ms", partition.size(), target, compacted.events(),
                        compacted.bytes(), (System.nanoTime() - started) / 1_000_000);
                merged += partition.size();
            }
            sweep();
            return merged;
        } finally {
            writing.unlock();
        }
    }

    private List<List<LakeFile>> partitionsToCompact(int atFiles) throws SQLException {
        List<List<LakeFile>> partitions = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select path, topic, event_date, first_seq, last_seq, events, bytes, compacted from lake_file f
                     where removed_at is null and (topic, event_date) in (
                         select topic, event_date from lake_file where removed_at is null group by 1, 2 having count(*) >= ?)
                     order by topic, event_date, first_seq""")) {
            statement.setInt(1, atFiles);
            try (ResultSet rows = statement.executeQuery()) {
                List<LakeFile> current = null;
                while (rows.next()) {
                    LakeFile file = LakeSnapshots.file(rows);
                    if (current == null || !current.getFirst().topic().equals(file.topic())
                            || !current.getFirst().eventDate().equals(file.eventDate())) {
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
        writing.lock();
        try {
            Set<String> named = new HashSet<>();
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
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (String path : expired) {
                delete(root().resolve(path));
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
            if (Files.isDirectory(root())) {
                try (Stream<Path> files = Files.walk(root())) {
                    files.filter(Files::isRegularFile)
                            .filter(file -> !named.contains(root().relativize(file).toString().replace('\\', '/')))
                            .forEach(LakeSealer::delete);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writing.unlock();
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
