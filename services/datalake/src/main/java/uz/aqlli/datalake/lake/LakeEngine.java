package uz.aqlli.datalake.lake;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duckdb.DuckDBConnection;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The lake's one in-process DuckDB, bounded by {@code duckdb-memory-limit} and {@code duckdb-threads}:
 * the data lake shares its machine with the whole platform, and a DuckDB per query would each take
 * most of the memory and every core. Each query, seal or compaction works on a connection of its own
 * to it, with temporary tables and views only (a connection's own), so concurrent ones never see
 * each other's; the memory limit holds for all of them together.
 */
@ApplicationScoped
public class LakeEngine {

    private final LakeConfig config;
    private DuckDBConnection database;

    LakeEngine(LakeConfig config) {
        this.config = config;
    }

    /** A new connection to the shared database, in UTC (the files' timestamps are instants); the caller closes it. */
    public DuckDBConnection connection() throws SQLException {
        DuckDBConnection connection = shared().duplicate();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set TimeZone = 'UTC'");
        }
        return connection;
    }

    private synchronized DuckDBConnection shared() throws SQLException {
        if (database == null) {
            var opened = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = opened.createStatement()) {
                statement.execute("set memory_limit = " + ParquetFiles.literal(config.duckdbMemoryLimit()));
                statement.execute("set threads = " + config.duckdbThreads());
                // A file's footer (schema, row groups' statistics) read once, not by every query: the
                // lake's files never change under their name (a new name for every seal and
                // compaction; a seal redone after a crash rewrites only files no reader was given).
                statement.execute("set parquet_metadata_cache = true");
            }
            database = opened;
        }
        return database;
    }

    void stop(@Observes ShutdownEvent stopping) throws SQLException {
        close();
    }

    /** Closes the DuckDB: the service at its shutdown, the lake benchmark (deploy/bench) when it is done. */
    synchronized void close() throws SQLException {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
