package uz.aqlli.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 17 server from the binaries Maven Central ships, keeping its data in a
 * folder of ours so that a second start finds everything where the first left it.
 *
 * <p>Every login needs a password (SCRAM), the superuser's included: any local user could
 * otherwise read and change every service's data. The passwords are the launcher's {@link Secrets}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Written on every start, so that no earlier or hand-made rule lets anyone in without a password. */
    static final String PG_HBA = """
            # Written by the Aqlli launcher on every start: password (SCRAM) logins, loopback only.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final int port;
    private final String superuserPassword;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, int port, String superuserPassword) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.port = port;
        this.superuserPassword = superuserPassword;
    }

    /** A handle on a cluster that someone else started and stops: closing it leaves the cluster running. */
    public static EmbeddedDatabase attach(int port, Secrets secrets) {
        return new EmbeddedDatabase(null, null, port, secrets.get(Secrets.POSTGRES_SUPERUSER));
    }

    /**
     * @param dataDir  the cluster's data directory; created by initdb on first use, reused after
     * @param workDir  where the binaries are unpacked (once)
     * @param secrets  the superuser's password, made on first use
     */
    public static EmbeddedDatabase start(Path dataDir, Path workDir, int port, Path logFile, Secrets secrets) {
        return start(dataDir, workDir, port, logFile, secrets, Durability.MACHINE_CRASH);
    }

    /** What a committed transaction must survive. */
    public enum Durability {
        /** A deployment's (and {@code ./run}'s): the loss of the machine too, so every commit is flushed to the disk. */
        MACHINE_CRASH,
        /**
         * The tests': a kill of PostgreSQL, which they do (a commit is still written to the OS before
         * it is answered, so it survives the server), but not the loss of the machine, whose tests
         * would not outlive it anyway. Not flushing saves the disk's flush on every commit, about
         * 8 ms on this machine's disk, which Keycloak's schema and every test's commits pay many times.
         */
        PROCESS_CRASH
    }

    public static EmbeddedDatabase start(Path dataDir, Path workDir, int port, Path logFile, Secrets secrets, Durability durability) {
        if (Files.exists(dataDir.resolve("postgresql.conf")) && trustsAnyone(dataDir.resolve("pg_hba.conf"))) {
            throw new LaunchException("the database in " + dataDir + " was made by an earlier version that let every local user in"
                    + " without a password; start afresh with ./run --reset (it forgets the local data)");
        }
        String superuserPassword = secrets.get(Secrets.POSTGRES_SUPERUSER);
        try {
            // The library makes its working folder world-writable on every start (anyone could swap
            // the server for their own), so it gets one inside ours, which no one else may enter.
            createOwnerOnly(workDir);
            Path unpacked = workDir.resolve("unpacked");
            Files.createDirectories(logFile.getParent());
            var redirect = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(unpacked.toFile())
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Unicode-aware case mapping for Uzbek Cyrillic and Russian text regardless of the host's locale.
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    // The library passes these as --key=value to initdb (it has no other way) after its
                    // own "-A trust": the later --auth wins, and the superuser gets its password from
                    // the secret's file rather than from a command line.
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", secrets.file(Secrets.POSTGRES_SUPERUSER).toString())
                    .setConnectConfig("password", superuserPassword)
                    .setDataDirectoryCustomizer(data -> beforeEveryStart(data.toPath(), workDir))
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // Four services and Keycloak each keep a connection pool.
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", durability == Durability.MACHINE_CRASH ? "on" : "off")
                    // Torn pages come only from the loss of the machine.
                    .setServerConfig("full_page_writes", durability == Durability.MACHINE_CRASH ? "on" : "off")
                    // The library's default is off: a transaction answered 201 could be lost in a
                    // crash. Durable, as in a deployment (docs/decisions.md).
                    .setServerConfig("synchronous_commit", "on")
                    // PostgreSQL's 128 MB default holds a tenth of a million products' catalogue;
                    // reads from the OS cache cost the search several times a read from shared
                    // buffers (docs/benchmarks.md). Memory is reserved as pages are used.
                    .setServerConfig("shared_buffers", sharedBuffers())
                    .setServerConfig("effective_cache_size", "4GB")
                    .setOutputRedirector(redirect)
                    .setErrorRedirector(redirect)
                    .start();
            return new EmbeddedDatabase(postgres, dataDir, port, superuserPassword);
        } catch (LaunchException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new LaunchException("PostgreSQL did not start on port " + port + ": " + rootMessage(e) + "; see " + logFile, e);
        }
    }

    /** {@code AQLLI_POSTGRES_SHARED_BUFFERS} (e.g. {@code 256MB}), 1 GB unless set. */
    static String sharedBuffers() {
        String configured = System.getenv("AQLLI_POSTGRES_SHARED_BUFFERS");
        return configured == null || configured.isBlank() ? "1GB" : configured.strip();
    }

    private static boolean trustsAnyone(Path pgHba) {
        try (Stream<String> lines = Files.lines(pgHba)) {
            return lines.map(String::strip).filter(line -> !line.startsWith("#"))
                    .anyMatch(line -> line.matches(".*\\btrust\\b.*"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Between initdb and the server's start, every time. */
    private static void beforeEveryStart(Path dataDir, Path workDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA);
            Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> paths = Files.walk(workDir)) {
                for (Path path : paths.filter(path -> !Files.isSymbolicLink(path)).toList()) {
                    Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(path));
                    if (permissions.removeAll(EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE))) {
                        Files.setPosixFilePermissions(path, permissions);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dataDir + " for start", e);
        }
    }

    private static void createOwnerOnly(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    /**
     * Creates the role and the database of that name if they do not exist yet (idempotent), and
     * gives the role this password, so that the role's password is always its current secret.
     */
    public void ensureDatabase(String name, String password) {
        if (!name.matches("[a-z][a-z0-9_]*") || !password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a role name of lower-case letters and a generated password expected");
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", superuserPassword);
             Statement sql = admin.createStatement()) {
            var roles = sql.executeQuery("select 1 from pg_roles where rolname = '" + name + "'");
            if (!roles.next()) {
                sql.execute("create role \"" + name + "\" login password '" + password + "'");
            } else {
                sql.execute("alter role \"" + name + "\" password '" + password + "'");
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

    /** The server's process (the postmaster), which pg_ctl started detached from us; -1 when attached or not running. */
    long pid() {
        try {
            return dataDir == null ? -1 : Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        var server = ProcessHandle.of(pid());
        try {
            postgres.close();
        } catch (IOException e) {
            throw new LaunchException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
        // pg_ctl returns once the server has removed its pid file, a moment before it exits.
        server.ifPresent(postmaster -> postmaster.onExit().completeOnTimeout(postmaster, 10, TimeUnit.SECONDS).join());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
