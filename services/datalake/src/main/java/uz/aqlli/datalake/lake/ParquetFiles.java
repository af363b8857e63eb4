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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes and merges the lake's Parquet files with DuckDB, in-process. Every file is written under a
 * hidden temporary name in its own folder, forced to disk, and then renamed into place (an atomic
 * rename within one file system): a reader lists either no file or the whole file, never a part.
 * Hidden names ({@code .…tmp}) are skipped by DuckDB's, Spark's and Trino's readers.
 */
public final class ParquetFiles {

    /**
     * The columns of every lake file, in order: topic and month are the Hive folders', the event's
     * day ({@code date}, Asia/Tashkent, of its time or else of its arrival) the file's.
     */
    static final String COLUMNS = "lake_seq, event_id, event_type, source, subject, time, kafka_partition, kafka_offset, "
            + "payload, known, received_at, date";

    /** The same columns from a table made by {@link #load} (its day is text there). */
    private static final String LOADED_COLUMNS = COLUMNS.replace(", date", ", cast(event_date as date) as date");

    /** An event's day from its row, the rule of {@link LakeEvent#eventDate()}: for files written before the day was a column. */
    private static final String DAY_OF_ROW = "cast(timezone('Asia/Tashkent', coalesce(time, received_at)) as date)";

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
     * Writes {@code events} as one file per topic and month under {@code root}, each named by
     * {@code name} from its events' range ({@code first}, {@code last}); an existing file of the
     * same name is replaced whole (a seal redone after a crash writes the same rows again).
     */
    public static List<LakeFile> write(LakeEngine engine, Path root, Collection<LakeEvent> events, NameOfRange name, long first,
                                       long last, boolean compacted) {
        try (var duckdb = engine.connection()) {
            load(duckdb, "staged", events);
            List<String[]> partitions = new ArrayList<>();
            try (Statement statement = duckdb.createStatement();
                 ResultSet rows = statement.executeQuery("select distinct topic, substr(event_date, 1, 7) from staged order by 1, 2")) {
                while (rows.next()) {
                    partitions.add(new String[]{rows.getString(1), rows.getString(2)});
                }
            }
            List<LakeFile> files = new ArrayList<>();
            for (String[] partition : partitions) {
                String topic = partition[0];
                YearMonth month = YearMonth.parse(partition[1]);
                String path = LakeFile.folder(topic, month) + "/" + name.of(first, last);
                long written = copyAtomically(duckdb, root.resolve(path), "select " + LOADED_COLUMNS + " from staged where topic = "
                        + literal(topic) + " and substr(event_date, 1, 7) = " + literal(month.toString()) + " order by " + TIME_ORDER);
                files.add(new LakeFile(path, topic, month, first, last, written, Files.size(root.resolve(path)), compacted));
            }
            return files;
        } catch (SQLException e) {
            throw new IllegalStateException("the lake's files were not written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rows in the order of their time: the figures filter by time, and DuckDB skips a row group
     * whose times lie outside (each row group's min and max), so a month's file read for a week
     * reads about a week of it.
     */
    private static final String TIME_ORDER = "coalesce(time, received_at), lake_seq";

    /**
     * Merges one partition's {@code files} into {@code target}, every event of them once, ordered
     * by time. Files of a lake written before the month layout (day folders, no {@code date}
     * column) merge too: their day is computed from the row, as it was for their folder.
     */
    static LakeFile merge(LakeEngine engine, Path root, List<LakeFile> files, String target) {
        LakeFile firstFile = files.getFirst();
        long first = files.stream().mapToLong(LakeFile::firstSeq).min().orElseThrow();
        long last = files.stream().mapToLong(LakeFile::lastSeq).max().orElseThrow();
        long expected = files.stream().mapToLong(LakeFile::events).sum();
        try (var duckdb = engine.connection()) {
            String sources = files.stream().map(file -> literal(root.resolve(file.path()).toString()))
                    .collect(Collectors.joining(", ", "[", "]"));
            long written = copyAtomically(duckdb, root.resolve(target), "select " + COLUMNS.replace(", date", ", " + DAY_OF_ROW + " as date")
                    + " from read_parquet(" + sources + ", hive_partitioning = false, union_by_name = true) order by " + TIME_ORDER);
            if (written != expected) {
                Files.deleteIfExists(root.resolve(target));
                throw new IllegalStateException("compaction of " + LakeFile.folder(firstFile.topic(), firstFile.month())
                        + " wrote " + written + " events of " + expected);
            }
            return new LakeFile(target, firstFile.topic(), firstFile.month(), first, last, written,
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

    /**
     * The views every figure reads: {@code lake_event}, the sealed files ({@code filesByTopic}: each
     * topic's files, absolute paths) and the connection's table {@code hot} (see {@link #load});
     * {@code lake_sealed}, the files alone, and {@code lake_hot}, the hot rows alone; and the table {@code snapshot_files} (topic, path) of the
     * files read, which names the snapshot for what is built once per snapshot ({@link LakeFigures}).
     *
     * <p>Each topic is its own {@code read_parquet} over its own files, the topic a constant: a query
     * of one topic binds and opens that topic's files only (DuckDB drops a union's branch whose
     * constant fails the filter), and no file's folder is parsed. Files of one layout share one
     * schema, so no schema is unified file by file; a topic with files of the earlier day layout
     * (until compaction re-lays them) is read by name, its day computed from the row.
     */
    static void lakeEventView(Connection duckdb, Map<String, List<String>> filesByTopic) throws SQLException {
        List<String> sealed = new ArrayList<>();
        List<String> topicViews = new ArrayList<>();
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("create or replace temp table snapshot_files (topic varchar, path varchar)");
        }
        List<String> named = new ArrayList<>();
        for (var topic : new TreeMap<>(filesByTopic).entrySet()) {
            if (topic.getValue().isEmpty()) {
                continue;
            }
            boolean earlierLayout = topic.getValue().stream().anyMatch(path -> !path.contains("/month="));
            String files = topic.getValue().stream().map(ParquetFiles::literal).collect(Collectors.joining(", ", "[", "]"));
            String read = "select " + COLUMNS.replace(", date", earlierLayout ? ", " + DAY_OF_ROW + " as date" : ", date")
                    + ", " + literal(topic.getKey()) + " as topic from read_parquet(" + files
                    + (earlierLayout ? ", hive_partitioning = false, union_by_name = true)" : ", hive_partitioning = false)");
            sealed.add(read);
            topicViews.add("create or replace temp view " + topicView(topic.getKey()) + "_sealed as " + read);
            for (String path : topic.getValue()) {
                named.add("(" + literal(topic.getKey()) + ", " + literal(path) + ")");
            }
        }
        if (!named.isEmpty()) {
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("insert into snapshot_files values " + String.join(", ", named)); // one statement: a row each is slow
            }
        }
        String hot = "select " + LOADED_COLUMNS + ", topic from hot";
        String files = sealed.isEmpty() ? "select " + LOADED_COLUMNS + ", topic from hot where false" : String.join(" union all ", sealed);
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("create or replace temp view lake_sealed as " + files);
            statement.execute("create or replace temp view lake_hot as " + hot);
            statement.execute("create or replace temp view lake_event as select * from lake_sealed union all select * from lake_hot");
            for (String view : topicViews) {
                statement.execute(view);
            }
        }
    }

    /**
     * The view of one topic's sealed files in a snapshot ({@link #lakeEventView}), {@code <name>_sealed};
     * a query of one topic reads it rather than {@code lake_event}, binding none of the other topics' files.
     */
    static String topicView(String topic) {
        return "lake_topic_" + topic.replaceAll("[^A-Za-z0-9]", "_");
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
