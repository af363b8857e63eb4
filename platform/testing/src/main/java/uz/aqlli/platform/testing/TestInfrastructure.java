package uz.aqlli.platform.testing;

import uz.aqlli.launcher.EmbeddedDatabase;
import uz.aqlli.launcher.Folders;
import uz.aqlli.launcher.KafkaBroker;
import uz.aqlli.launcher.KeycloakServer;
import uz.aqlli.launcher.MailServer;
import uz.aqlli.launcher.Secrets;
import uz.aqlli.platform.events.Topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * One real PostgreSQL, Kafka broker and (when asked for) Keycloak per test JVM, on free ports,
 * with fresh data under {@code target/aqlli-test}. Started on first use, stopped when the JVM exits.
 *
 * <p>Quarkus loads this class anew for every test profile (each profile is an application with
 * its own class loader), so its static fields are not the JVM's: what is running is recorded in
 * system properties, which every class loader shares, and a later copy of this class attaches to
 * it. Without that, a second copy deleted the running cluster's data folder and started another
 * (a race that once made initdb find the folder not empty).
 */
public final class TestInfrastructure {

    private static final String POSTGRES_PORT = "aqlli.test.postgres.port";
    private static final String KAFKA_PORT = "aqlli.test.kafka.port";
    private static final String KEYCLOAK_PORT = "aqlli.test.keycloak.port";
    private static final String MAIL_PORTS = "aqlli.test.mail.ports";

    private static EmbeddedDatabase database;
    private static KafkaBroker kafka;
    private static KeycloakServer keycloak;

    private TestInfrastructure() {
    }

    public static EmbeddedDatabase database() {
        // One lock for every copy of this class: the system properties' own.
        synchronized (System.getProperties()) {
            if (database == null) {
                database = shared(POSTGRES_PORT, port -> EmbeddedDatabase.attach(port, secrets()), EmbeddedDatabase::port,
                        "test-postgres-stop", () -> {
                    Path root = workDir();
                    Folders.delete(root.resolve("postgres"));
                    return EmbeddedDatabase.start(root.resolve("postgres/data"), aqlliHome().resolve("postgres/binaries"),
                            freePort(), root.resolve("logs/postgres.log"), secrets(), EmbeddedDatabase.Durability.PROCESS_CRASH);
                });
            }
            return database;
        }
    }

    public static KafkaBroker kafka() {
        synchronized (System.getProperties()) {
            if (kafka == null) {
                kafka = shared(KAFKA_PORT, KafkaBroker::attach, KafkaBroker::port, "test-kafka-stop", () -> {
                    Path root = workDir();
                    Folders.delete(root.resolve("kafka"));
                    KafkaBroker started = KafkaBroker.start(repo().resolve("deploy/kafka-broker/target/lib"), root.resolve("kafka"),
                            freePort(), freePort(), root.resolve("logs/kafka.log"));
                    started.createTopics(Arrays.asList(Topic.values()));
                    return started;
                });
            }
            return kafka;
        }
    }

    public static KeycloakServer keycloak() {
        synchronized (System.getProperties()) {
            if (keycloak == null) {
                // Stopped by its own hook; hooks run concurrently, and Keycloak stops on SIGTERM even
                // when its database is already gone.
                keycloak = shared(KEYCLOAK_PORT, KeycloakServer::attach, KeycloakServer::port, "test-keycloak-stop", () -> {
                    Path root = workDir();
                    database().ensureDatabase(KeycloakServer.DATABASE, databasePassword(KeycloakServer.DATABASE));
                    KeycloakServer.prepare(aqlliHome(), root.resolve("logs/keycloak-build.log"));
                    // Keycloak mails a forgotten password's reset link to the test mail server.
                    return KeycloakServer.start(aqlliHome(), repo().resolve("deploy/keycloak/realm/aqlli-realm.json"),
                            freePort(), database().jdbcUrl(KeycloakServer.DATABASE), secrets(), root.resolve("logs/keycloak.log"),
                            KeycloakServer.DEFAULT_WEB_URL, mail().smtpPort());
                });
            }
            return keycloak;
        }
    }

    /**
     * The SMTP server the services under test send to (ports: {@link Mail#smtpPort()}), and where
     * tests read what was sent ({@link Mailbox}).
     */
    public static Mail mail() {
        synchronized (System.getProperties()) {
            String running = System.getProperty(MAIL_PORTS);
            if (running == null) {
                MailServer server = MailServer.start(freePort(), freePort(), freePort(), true);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-mail-stop"));
                running = server.smtpPort() + "," + server.webPort();
                System.setProperty(MAIL_PORTS, running);
            }
            String[] ports = running.split(",");
            return new Mail(Integer.parseInt(ports[0]), Integer.parseInt(ports[1]));
        }
    }

    /** Where the test mail server listens: SMTP for the services, the web listing for {@link Mailbox}. */
    public record Mail(int smtpPort, int webPort) {

        public String webUrl() {
            return "http://127.0.0.1:" + webPort;
        }
    }

    /**
     * Takes the test SMTP server away for {@code down} (connections refused, as when a mail server is
     * down), then back on the same port by itself; returns once it is down. Whatever copy of this
     * class asks: the request goes over the server's web port.
     */
    public static void interruptMail(java.time.Duration down) {
        io.restassured.RestAssured.given().queryParam("millis", down.toMillis())
                .post(mail().webUrl() + "/interruption").then().statusCode(200);
    }

    /**
     * The test platform's passwords and secrets, made as the launcher makes them (no test knows a
     * fixed one): in files under {@code target/aqlli-test/secrets}, so every copy of this class reads the same.
     */
    public static Secrets secrets() {
        return Secrets.in(workDir().resolve("secrets"));
    }

    /** The password of the database role of that name (a service's, or Keycloak's). */
    public static String databasePassword(String role) {
        return secrets().get(Secrets.databaseRole(role));
    }

    /** The Keycloak bootstrap administrator's password. */
    public static String keycloakAdminPassword() {
        return secrets().get(Secrets.KEYCLOAK_ADMIN);
    }

    /**
     * What an earlier copy of this class started in this JVM (its port in {@code property}), or
     * else a fresh one, recorded there and stopped when the JVM exits.
     */
    private static <T extends AutoCloseable> T shared(String property, IntFunction<T> attach, ToIntFunction<T> port, String stopper,
                                                      Supplier<T> start) {
        String running = System.getProperty(property);
        if (running != null) {
            return attach.apply(Integer.parseInt(running));
        }
        T started = start.get();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (Exception e) {
                System.err.println(stopper + ": " + e.getMessage());
            }
        }, stopper));
        System.setProperty(property, String.valueOf(port.applyAsInt(started)));
        return started;
    }

    /**
     * Kills this JVM's PostgreSQL as a crash would (SIGKILL to the postmaster; its backends follow),
     * keeps it down for {@code down}, then starts it again on the same data folder and port, where
     * it recovers from its write-ahead log. For tests of what survives a database that goes away.
     * Only the copy of this class that started the server can do this.
     */
    public static void crashDatabase(java.time.Duration down) {
        synchronized (System.getProperties()) {
            EmbeddedDatabase running = database();
            Path data = workDir().resolve("postgres/data");
            long pid;
            try {
                pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("no running PostgreSQL in " + data, e);
            }
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL " + pid + " is not running"));
            postmaster.destroyForcibly();
            postmaster.onExit().join();
            try {
                Thread.sleep(down.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                // Lets go of the library's lock on the data folder; the server it would stop is gone already.
                running.close();
            } catch (RuntimeException e) {
                System.err.println("crashDatabase: closing the killed server: " + e.getMessage());
            }
            database = EmbeddedDatabase.start(data, aqlliHome().resolve("postgres/binaries"), running.port(),
                    workDir().resolve("logs/postgres.log"), secrets(), EmbeddedDatabase.Durability.PROCESS_CRASH);
            EmbeddedDatabase restarted = database;
            Runtime.getRuntime().addShutdownHook(new Thread(restarted::close, "test-postgres-stop-after-crash"));
        }
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
}
