package uz.aqlli.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real PostgreSQL cluster as the launcher makes it: passwords for everyone, durable commits, owner-only files. */
class EmbeddedDatabaseTest {

    private static final Path ROOT = Path.of("target", "embedded-database-test").toAbsolutePath();
    private static final Path BINARIES = Path.of(System.getProperty("aqlli.home", "../../.aqlli")).toAbsolutePath()
            .resolve("postgres/binaries");

    private static Secrets secrets;
    private static EmbeddedDatabase database;

    @BeforeAll
    static void start() throws IOException {
        Folders.delete(ROOT);
        secrets = Secrets.in(ROOT.resolve("secrets"));
        database = EmbeddedDatabase.start(ROOT.resolve("data"), BINARIES, freePort(), ROOT.resolve("postgres.log"), secrets);
        database.ensureDatabase("catalog", secrets.get(Secrets.databaseRole("catalog")));
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void noOneGetsInWithoutTheirGeneratedPassword() throws SQLException {
        for (List<String> login : List.of(List.of("postgres", ""), List.of("postgres", "postgres"),
                List.of("catalog", ""), List.of("catalog", "catalog"))) {
            assertThrows(SQLException.class, () -> DriverManager.getConnection(database.jdbcUrl("catalog"), login.get(0), login.get(1)).close(),
                    login + " got in");
        }
        try (Connection catalog = DriverManager.getConnection(database.jdbcUrl("catalog"), "catalog",
                secrets.get(Secrets.databaseRole("catalog")))) {
            assertEquals("catalog", value(catalog, "select current_user"));
        }
    }

    @Test
    void passwordsAreStoredAsScramAndCommitsAreDurable() throws SQLException {
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl("postgres"), "postgres",
                secrets.get(Secrets.POSTGRES_SUPERUSER))) {
            assertEquals("on", value(admin, "show synchronous_commit"));
            assertEquals("on", value(admin, "show fsync"));
            assertEquals("scram-sha-256", value(admin, "show password_encryption"));
            for (String role : List.of("postgres", "catalog")) {
                String stored = value(admin, "select rolpassword from pg_authid where rolname = '" + role + "'");
                assertTrue(stored.startsWith("SCRAM-SHA-256$"), role + ": " + stored);
            }
        }
    }

    @Test
    void theSecretsAndTheBinariesAreTheOwnersOnly() throws IOException {
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(secrets.folder()));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secrets.file(Secrets.POSTGRES_SUPERUSER)));
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(BINARIES));
        try (Stream<Path> paths = Files.walk(BINARIES)) {
            List<Path> writable = paths.filter(path -> !Files.isSymbolicLink(path)).filter(path -> {
                try {
                    var permissions = Files.getPosixFilePermissions(path);
                    return permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertEquals(List.of(), writable);
        }
    }

    @Test
    void aDataFolderThatTrustsEveryoneIsRefusedWithTheWayOut() throws IOException {
        Path old = ROOT.resolve("old-data");
        Files.createDirectories(old);
        Files.writeString(old.resolve("postgresql.conf"), "");
        Files.writeString(old.resolve("pg_hba.conf"), "# made by initdb -A trust\nhost all all 127.0.0.1/32 trust\n");
        LaunchException refused = assertThrows(LaunchException.class,
                () -> EmbeddedDatabase.start(old, BINARIES, freePort(), ROOT.resolve("old.log"), secrets).close());
        assertTrue(refused.getMessage().contains("./run --reset"), refused.getMessage());
    }

    private static String value(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
