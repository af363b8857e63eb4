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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every event of the lake, for a query: the sealed Parquet files the manifest names plus the hot
 * rows above the sealed watermark, as one DuckDB view {@code lake_event} (the files' columns, and
 * topic and date from their folders).
 *
 * <p>Manifest, watermark and hot rows are read by one PostgreSQL statement, so they are one
 * snapshot: a range sealed while the query runs is either still hot in it or already a file,
 * never both and never neither. A compaction in between does not matter either: the files it
 * retired stay on disk longer than a query takes.
 */
@ApplicationScoped
public class LakeSnapshots {

    static final String RAW_COLUMNS = "lake_seq, event_id, event_type, source, subject, occurred_at, topic, kafka_partition, "
            + "kafka_offset, payload::text, known, received_at";

    private static final String SNAPSHOT = """
            with sealed as (select coalesce(max(to_seq), 0) as through from lake_seal where state = 'SEALED')
            select f.path, null::bigint, null, null, null, null, null::timestamptz, null, null::int, null::bigint, null,
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
        List<String> files = new ArrayList<>();
        List<LakeEvent> hot = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = database.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(SNAPSHOT)) {
                while (rows.next()) {
                    String path = rows.getString(1);
                    if (path != null) {
                        files.add(path);
                    } else {
                        hot.add(event(rows, 2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the lake's manifest could not be read: " + e.getMessage(), e);
            }
        });
        Path root = sealer.root();
        try (DuckDBConnection duckdb = engine.connection()) {
            ParquetFiles.load(duckdb, "hot", hot);
            String sealed = files.isEmpty() ? null : "read_parquet(" + files.stream()
                    .map(file -> ParquetFiles.literal(root.resolve(file).toString()))
                    .collect(Collectors.joining(", ", "[", "]")) + ", hive_partitioning = true, union_by_name = true, "
                    + "hive_types = {'topic': varchar, 'date': date})";
            view(duckdb, sealed);
            return query.run(duckdb);
        }
    }

    /** Runs {@code query} against {@code lake_event} over the files of a lake folder alone (a rebuilt one), by path. */
    public <T> T queryFolder(Path root, LakeQuery<T> query) {
        try (DuckDBConnection duckdb = engine.connection()) {
            ParquetFiles.load(duckdb, "hot", List.of());
            boolean any;
            try (var files = Files.walk(root)) {
                any = files.anyMatch(file -> file.getFileName().toString().endsWith(".parquet"));
            }
            view(duckdb, any ? "read_parquet(" + ParquetFiles.literal(root + "/*/*/*.parquet")
                    + ", hive_partitioning = true, union_by_name = true, hive_types = {'topic': varchar, 'date': date})" : null);
            return query.run(duckdb);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("the lake at " + root + " could not be read: " + e.getMessage(), e);
        }
    }

    private static void view(DuckDBConnection duckdb, String sealed) throws SQLException {
        String hot = "select " + ParquetFiles.COLUMNS + ", topic, event_date::date as date from hot";
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("create temp view lake_event as " + (sealed == null ? hot
                    : "select " + ParquetFiles.COLUMNS + ", topic, date from " + sealed + " union all " + hot));
        }
    }

    /** A raw_event row read with {@link #RAW_COLUMNS} from column {@code at}. */
    static LakeEvent event(ResultSet rows, int at) throws SQLException {
        return new LakeEvent(rows.getLong(at), rows.getString(at + 1), rows.getString(at + 2), rows.getString(at + 3),
                rows.getString(at + 4), rows.getObject(at + 5, OffsetDateTime.class), rows.getString(at + 6),
                rows.getInt(at + 7), rows.getLong(at + 8), rows.getString(at + 9), rows.getBoolean(at + 10),
                rows.getObject(at + 11, OffsetDateTime.class));
    }

    static LakeFile file(ResultSet rows) throws SQLException {
        return new LakeFile(rows.getString(1), rows.getString(2), rows.getObject(3, LocalDate.class), rows.getLong(4),
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
