package uz.aqlli.datalake.lake;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.duckdb.DuckDBConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every event of the lake, for a query: the sealed Parquet files the manifest names plus the hot
 * rows above the sealed watermark, as one DuckDB view {@code lake_event} (the files' columns, and
 * the topic the manifest names; see {@link ParquetFiles#lakeEventView}).
 *
 * <p>Manifest, watermark and hot rows are read by one PostgreSQL statement, so they are one
 * snapshot: a range sealed while the query runs is either still hot in it or already a file,
 * never both and never neither. A compaction in between does not matter either: the files it
 * retired stay on disk (moved out of the layout, {@link LakeSealer#readable}) longer than a query takes.
 */
@ApplicationScoped
public class LakeSnapshots {

    static final String RAW_COLUMNS = "lake_seq, event_id, event_type, source, subject, occurred_at, topic, kafka_partition, "
            + "kafka_offset, payload::text, known, received_at";

    private static final String SNAPSHOT = """
            with sealed as (select coalesce(max(to_seq), 0) as through from lake_seal where state = 'SEALED')
            select f.path, null::bigint, null, null, null, null, null::timestamptz, f.topic, null::int, null::bigint, null,
                   null::boolean, null::timestamptz
            from lake_file f, sealed where f.removed_at is null and f.last_seq <= sealed.through
            union all
            select null, %s from raw_event r, sealed where r.lake_seq > sealed.through""".formatted(RAW_COLUMNS);

    private final AgroalDataSource database;
    private final LakeSealer sealer;
    private final LakeEngine engine;

    LakeSnapshots(AgroalDataSource database, LakeSealer sealer, LakeEngine engine) {
        this.database = database;
        this.sealer = sealer;
        this.engine = engine;
    }

    /** Runs {@code query} against {@code lake_event} over the lake as it is now. */
    public <T> T query(LakeQuery<T> query) {
        try {
            return once(query);
        } catch (SQLException e) {
            // A file retired and deleted after this snapshot was taken (the query outlived removed-files-kept): take a new one.
            if (e.getMessage() != null && (e.getMessage().contains("No files found") || e.getMessage().contains("No such file"))) {
                try {
                    return once(query);
                } catch (SQLException again) {
                    throw new IllegalStateException("the lake could not be read: " + again.getMessage(), again);
                }
            }
            throw new IllegalStateException("the lake could not be read: " + e.getMessage(), e);
        }
    }

    private <T> T once(LakeQuery<T> query) throws SQLException {
        Map<String, List<String>> files = new HashMap<>();
        List<LakeEvent> hot = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = database.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(SNAPSHOT)) {
                while (rows.next()) {
                    String path = rows.getString(1);
                    if (path != null) {
                        files.computeIfAbsent(rows.getString(8), topic -> new ArrayList<>()).add(sealer.readable(path).toString());
                    } else {
                        hot.add(event(rows, 2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the lake's manifest could not be read: " + e.getMessage(), e);
            }
        });
        try (DuckDBConnection duckdb = engine.connection()) {
            ParquetFiles.load(duckdb, "hot", hot);
            ParquetFiles.lakeEventView(duckdb, files);
            return query.run(duckdb);
        }
    }

    /** Runs {@code query} against {@code lake_event} over the files of a lake folder alone (a rebuilt one), by path. */
    public <T> T queryFolder(Path root, LakeQuery<T> query) {
        try (DuckDBConnection duckdb = engine.connection()) {
            ParquetFiles.load(duckdb, "hot", List.of());
            ParquetFiles.lakeEventView(duckdb, filesByTopic(root));
            return query.run(duckdb);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("the lake at " + root + " could not be read: " + e.getMessage(), e);
        }
    }

    /** A lake folder's files by topic, from its Hive folders ({@code topic=…/month=…/…parquet}; hidden and retired files not). */
    static Map<String, List<String>> filesByTopic(Path root) throws java.io.IOException {
        Map<String, List<String>> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (var walked = Files.walk(root, 3)) {
            for (Path file : walked.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = root.relativize(file);
                String name = file.getFileName().toString();
                if (relative.getNameCount() == 3 && name.endsWith(".parquet") && !name.startsWith(".")
                        && relative.getName(0).toString().startsWith("topic=")) {
                    files.computeIfAbsent(relative.getName(0).toString().substring("topic=".length()), topic -> new ArrayList<>())
                            .add(file.toString());
                }
            }
        }
        return files;
    }

    /** A raw_event row read with {@link #RAW_COLUMNS} from column {@code at}. */
    static LakeEvent event(ResultSet rows, int at) throws SQLException {
        return new LakeEvent(rows.getLong(at), rows.getString(at + 1), rows.getString(at + 2), rows.getString(at + 3),
                rows.getString(at + 4), rows.getObject(at + 5, OffsetDateTime.class), rows.getString(at + 6),
                rows.getInt(at + 7), rows.getLong(at + 8), rows.getString(at + 9), rows.getBoolean(at + 10),
                rows.getObject(at + 11, OffsetDateTime.class));
    }

    static LakeFile file(ResultSet rows) throws SQLException {
        return new LakeFile(rows.getString(1), rows.getString(2), YearMonth.from(rows.getObject(3, LocalDate.class)), rows.getLong(4),
                rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getBoolean(8));
    }

    /** Work over the {@code lake_event} view. */
    @FunctionalInterface
    public interface LakeQuery<T> {
        T run(DuckDBConnection duckdb) throws SQLException;
    }

    /** The manifest's current files, for operators and tests. */
    public List<LakeFile> currentFiles() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = database.getConnection();
                 PreparedStatement statement = connection.prepareStatement("""
                         select path, topic, event_date, first_seq, last_seq, events, bytes, compacted from lake_file
                         where removed_at is null order by topic, event_date, first_seq""");
                 ResultSet rows = statement.executeQuery()) {
                List<LakeFile> files = new ArrayList<>();
                while (rows.next()) {
                    files.add(file(rows));
                }
                return files;
            }
        });
    }
}
