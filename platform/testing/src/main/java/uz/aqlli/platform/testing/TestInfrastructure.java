package uz.aqlli.platform.testing;

import uz.aqlli.launcher.EmbeddedDatabase;
import uz.aqlli.launcher.KafkaBroker;
import uz.aqlli.launcher.KeycloakServer;
import uz.aqlli.platform.events.Topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real PostgreSQL, Kafka broker and (when asked for) Keycloak per test JVM, on free ports,
 * with fresh data under {@code target/aqlli-test}. Started on first use, stopped when the JVM exits.
 */
public final class TestInfrastructure {

    private static EmbeddedDatabase database;
    private static KafkaBroker kafka;
    private static KeycloakServer keycloak;

    private TestInfrastructure() {
    }

    public static synchronized EmbeddedDatabase database() {
        if (database == null) {
            Path root = workDir();
            deleteRecursively(root.resolve("postgres"));
            database = EmbeddedDatabase.start(root.resolve("postgres/data"), aqlliHome().resolve("postgres/binaries"),
                    freePort(), root.resolve("logs/postgres.log"));
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-postgres-stop"));
        }
        return database;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            Path root = workDir();
            deleteRecursively(root.resolve("kafka"));
            kafka = KafkaBroker.start(repo().resolve("deploy/kafka-broker/target/lib"), root.resolve("kafka"),
                    freePort(), freePort(), root.resolve("logs/kafka.log"));
            kafka.createTopics(Arrays.asList(Topic.values()));
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "test-kafka-stop"));
        }
        return kafka;
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            Path root = workDir();
            database().ensureDatabase("keycloak", "keycloak");
            KeycloakServer.prepare(aqlliHome(), root.resolve("logs/keycloak-build.log"));
            keycloak = KeycloakServer.start(aqlliHome(), repo().resolve("deploy/keycloak/realm/aqlli-realm.json"),
                    freePort(), database().jdbcUrl("keycloak"), "keycloak", "keycloak", "admin", "admin",
                    root.resolve("logs/keycloak.log"));
            // Registered after the database's hook would be wrong order-wise, but hooks run concurrently;
            // Keycloak stops on SIGTERM even when its database is already gone.
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "test-keycloak-stop"));
        }
        return keycloak;
    }

    /** The repository checkout, passed by the build ({@code aqlli.repo}); the module's parent folders otherwise. */
    public static Path repo() {
        String configured = System.getProperty("aqlli.repo");
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/keycloak/realm"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Shared, prepared downloads (Keycloak distribution, PostgreSQL binaries). */
    public static Path aqlliHome() {
        return Path.of(System.getProperty("aqlli.home", repo().resolve(".aqlli").toString()));
    }

    private static Path workDir() {
        return Path.of("target", "aqlli-test").toAbsolutePath();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
