package uz.aqlli.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL 17 server from the binaries Maven Central ships, keeping its data in a
 * folder of ours so that a second start finds everything where the first left it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** A handle on a cluster that someone else started and stops: closing it leaves the cluster running. */
    public static EmbeddedDatabase attach(int port) {
        return new EmbeddedDatabase(null, port);
    }

    /**
     * @param dataDir  the cluster's data directory; created by initdb on first use, reused after
     * @param workDir  where the binaries are unpacked (once)
     */
    public static EmbeddedDatabase start(Path dataDir, Path workDir, int port, Path logFile) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(logFile.getParent());
            var redirect = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Unicode-aware case mapping for Uzbek Cyrillic and Russian text regardless of the host's locale.
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    // Four services and Keycloak each keep a connection pool.
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    // PostgreSQL's 128 MB default holds a tenth of a million products' catalogue;
                    // reads from the OS cache cost the search several times a read from shared
                    // buffers (docs/benchmarks.md). Memory is reserved as pages are used.
                    .setServerConfig("shared_buffers", sharedBuffers())
                    .setServerConfig("effective_cache_size", "4GB")
                    .setOutputRedirector(redirect)
                    .setErrorRedirector(redirect)
                    .start();
            return new EmbeddedDatabase(postgres, port);
        } catch (IOException | RuntimeException e) {
            throw new LaunchException("PostgreSQL did not start on port " + port + ": " + rootMessage(e) + "; see " + logFile, e);
        }
    }

    /** {@code AQLLI_POSTGRES_SHARED_BUFFERS} (e.g. {@code 256MB}), 1 GB unless set. */
    static String sharedBuffers() {
        String configured = System.getenv("AQLLI_POSTGRES_SHARED_BUFFERS");
        return configured == null || configured.isBlank() ? "1GB" : configured.strip();
    }

    /** Creates the role and the database of that name if they do not exist yet (idempotent). */
    public void ensureDatabase(String name, String password) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement sql = admin.createStatement()) {
            var roles = sql.executeQuery("select 1 from pg_roles where rolname = '" + name + "'");
            if (!roles.next()) {
                sql.execute("create role \"" + name + "\" login password '" + password + "'");
            }
            var databases = sql.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!databases.next()) {
                sql.execute("create database \"" + name + "\" owner \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new LaunchException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new LaunchException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
