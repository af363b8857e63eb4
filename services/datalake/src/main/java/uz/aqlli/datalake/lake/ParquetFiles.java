package uz.aqlli.datalake.lake;

import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes and merges the lake's Parquet files with DuckDB, in-process. Every file is written under a
 * hidden temporary name in its own folder, forced to disk, and then renamed into place (an atomic
 * rename within one file system): a reader lists either no file or the whole file, never a part.
 * Hidden names ({@code .…tmp}) are skipped by DuckDB's, Spark's and Trino's readers.
 */
public final class ParquetFiles {

    /** The columns of every lake file, in order; topic and date are the Hive folders', not the file's. */
    static final String COLUMNS = "lake_seq, event_id, event_type, source, subject, time, kafka_partition, kafka_offset, "
            + "payload, known, received_at";

    private static final String EVENT_TABLE = """
            (lake_seq bigint, event_id varchar, event_type varchar, source varchar, subject varchar, time timestamptz,
             topic varchar, event_date varchar, kafka_partition integer, kafka_offset bigint, payload varchar, known boolean,
             received_at timestamptz)""";

    private ParquetFiles() {
    }

    /** Makes table {@code name} with the lake's columns plus topic and day, holding {@code events}. */
    static void load(DuckDBConnection duckdb, String name, Collection<LakeEvent> events) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("create or replace temp table " + name + " " + EVENT_TABLE);
        }
        try (var appender = duckdb.createAppender(DuckDBConnection.DEFAULT_SCHEMA, name)) {
            for (LakeEvent event : events) {
                appender.beginRow()
                        .append(event.seq())
                        .append(event.eventId())
                        .append(event.eventType())
                        .append(event.source());
                nullable(appender, event.subject());
                if (event.time() == null) {
                    appender.appendNull();
                } else {
                    appender.append(event.time());
                }
                appender.append(event.topic())
                        .append(event.eventDate().toString())
                        .append(event.partition())
                        .append(event.offset())
                        .append(event.payload())
                        .append(event.known())
                        .append(event.receivedAt())
                        .endRow();
            }
        }
    }

    private static void nullable(org.duckdb.DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    /**
     * Writes {@code events} as one file per topic and day under {@code root}, each named by
     * {@code name} from its events' range ({@code first}, {@code last}); an existing file of the
     * same name is replaced whole (a seal redone after a crash writes the same rows again).
     */
    public static List<LakeFile> write(LakeEngine engine, Path root, Collection<LakeEvent> events, NameOfRange name, long first,
                                       long last, boolean compacted) {
        try (var duckdb = engine.connection()) {
            load(duckdb, "staged", events);
            List<String[]> partitions = new ArrayList<>();
            try (Statement statement = duckdb.createStatement();
                 ResultSet rows = statement.executeQuery("select distinct topic, event_date from staged order by 1, 2")) {
                while (rows.next()) {
                    partitions.add(new String[]{rows.getString(1), rows.getString(2)});
                }
            }
            List<LakeFile> files = new ArrayList<>();
            for (String[] partition : partitions) {
                String topic = partition[0];
                LocalDate day = LocalDate.parse(partition[1]);
                String path = LakeFile.folder(topic, day) + "/" + name.of(first, last);
                long written = copyAtomically(duckdb, root.resolve(path), "select " + COLUMNS + " from staged where topic = "
                        + literal(topic) + " and event_date = " + literal(day.toString()) + " order by lake_seq");
                files.add(new LakeFile(path, topic, day, first, last, written, Files.size(root.resolve(path)), compacted));
            }
            return files;
        } catch (SQLException e) {
            throw new IllegalStateException("the lake's files were not written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges one partition's {@code files} into {@code target} (same folder), every event of them once. */
    static LakeFile merge(LakeEngine engine, Path root, List<LakeFile> files, String target) {
        LakeFile firstFile = files.getFirst();
        long first = files.stream().mapToLong(LakeFile::firstSeq).min().orElseThrow();
        long last = files.stream().mapToLong(LakeFile::lastSeq).max().orElseThrow();
        long expected = files.stream().mapToLong(LakeFile::events).sum();
        try (var duckdb = engine.connection()) {
            String sources = files.stream().map(file -> literal(root.resolve(file.path()).toString()))
                    .collect(Collectors.joining(", ", "[", "]"));
            long written = copyAtomically(duckdb, root.resolve(target), "select " + COLUMNS + " from read_parquet(" + sources
                    + ", hive_partitioning = false, union_by_name = true) order by lake_seq");
            if (written != expected) {
                Files.deleteIfExists(root.resolve(target));
                throw new IllegalStateException("compaction of " + LakeFile.folder(firstFile.topic(), firstFile.eventDate())
                        + " wrote " + written + " events of " + expected);
            }
            return new LakeFile(target, firstFile.topic(), firstFile.eventDate(), first, last, written,
                    Files.size(root.resolve(target)), true);
        } catch (SQLException e) {
            throw new IllegalStateException("compaction failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** COPY {@code query} to a hidden file beside {@code target}, force it, rename it to {@code target}; the rows written. */
    private static long copyAtomically(Connection duckdb, Path target, String query) throws SQLException, IOException {
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        long written;
        try (Statement statement = duckdb.createStatement()) {
            written = statement.executeLargeUpdate("copy (" + query + ") to " + literal(temporary.toString())
                    + " (format parquet, compression zstd)");
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            folder.force(true); // the rename itself survives a power cut
        } catch (IOException ignored) {
            // not every file system lets a folder be forced; the rename is still atomic
        }
        return written;
    }

    /** A SQL string literal (COPY takes no parameters). */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** How a file is named after the range of lake_seq it holds. */
    @FunctionalInterface
    public interface NameOfRange {
        String of(long first, long last);
    }
}
