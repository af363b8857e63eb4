package uz.aqlli.launcher;

import uz.aqlli.platform.events.Topic;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import java.util.concurrent.Executors;


/**
 * The whole platform on one machine: PostgreSQL, Kafka and Keycloak, then the four services,
 * then the gateway. Independent parts start side by side; {@link #close()} stops everything in
 * reverse order.
 */
public final class Platform implements AutoCloseable {

    private final LaunchSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Secrets secrets;
    private EmbeddedDatabase database;
    private KafkaBroker kafka;
    private KeycloakServer keycloak;
    private MailServer mail;
    private boolean closed;

    private Platform(LaunchSettings settings) {
        this.settings = settings;
        this.secrets = Secrets.in(settings.secretsFolder());
    }

    /** What the launcher tells its user while it works. */
    public interface Progress {
        void starting(String part);

        void ready(String part, String detail);
    }

    public static Platform start(LaunchSettings settings, Progress progress) {
        checkPrerequisites(settings);
        Platform platform = new Platform(settings);
        try {
            platform.startAll(progress);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Fails with one clear line when a port is taken or an application is not built. */
    public static void checkPrerequisites(LaunchSettings settings) {
        for (PlatformApp app : PlatformApp.values()) {
            if (!Files.exists(app.runnableJar(settings.repo()))) {
                throw new LaunchException(app.moduleDir() + " is not built (" + app.runnableJar(settings.repo())
                        + " is missing); run ./mvnw package -DskipTests");
            }
        }
        Map<Integer, String> ports = settings.portsInUse();
        if (ports.size() < 7 + PlatformApp.values().length) {
            throw new LaunchException("two parts are set to the same port: " + ports);
        }
        ports.forEach((port, owner) -> {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new LaunchException("port " + port + " for " + owner + " is already in use; stop what holds it or choose another port");
            }
        });
    }

    private void startAll(Progress progress) {
        Path home = settings.home();
        Path logs = home.resolve("logs");
        ExecutorService parallel = Executors.newFixedThreadPool(4);
        try {
            progress.starting("PostgreSQL");
            database = track(EmbeddedDatabase.start(home.resolve("postgres/data"), settings.downloads().resolve("postgres/binaries"),
                    settings.postgresPort(), logs.resolve("postgres.log"), secrets));
            for (PlatformApp app : PlatformApp.values()) {
                if (app.ownsDatabase()) {
                    database.ensureDatabase(app.appName(), secrets.get(Secrets.databaseRole(app.appName())));
                }
            }
            database.ensureDatabase(KeycloakServer.DATABASE, secrets.get(Secrets.databaseRole(KeycloakServer.DATABASE)));
            progress.ready("PostgreSQL", "localhost:" + settings.postgresPort() + ", data in " + home.resolve("postgres/data"));

            progress.starting("mail server");
            mail = track(MailServer.start(settings.smtpPort(), settings.imapPort(), settings.mailWebPort()));
            progress.ready("mail server", "SMTP localhost:" + settings.smtpPort() + ", mail readable at " + mail.webUrl());

            progress.starting("Kafka and Keycloak");
            var kafkaStarted = CompletableFuture.supplyAsync(() -> {
                KafkaBroker broker = track(KafkaBroker.start(settings.repo().resolve("deploy/kafka-broker/target/lib"),
                        home.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort(), logs.resolve("kafka.log")));
                broker.createTopics(Arrays.asList(Topic.values()));
                progress.ready("Kafka", broker.bootstrapServers() + ", " + Topic.values().length + " topics");
                return broker;
            }, parallel);
            var keycloakStarted = CompletableFuture.supplyAsync(() -> {
                if (KeycloakServer.prepare(settings.downloads(), logs.resolve("keycloak-build.log"))) {
                    progress.ready("Keycloak build", "prepared once for PostgreSQL; later starts skip this");
                }
                KeycloakServer server = track(KeycloakServer.start(settings.downloads(),
                        settings.repo().resolve("deploy/keycloak/realm/aqlli-realm.json"), settings.keycloakPort(),
                        database.jdbcUrl(KeycloakServer.DATABASE), secrets, logs.resolve("keycloak.log"), gatewayUrl(),
                        settings.smtpPort()));
                progress.ready("Keycloak", server.url() + " (realm " + KeycloakServer.REALM + ")");
                return server;
            }, parallel);
            kafka = kafkaStarted.join();
            keycloak = keycloakStarted.join();

            List<CompletableFuture<Void>> services = new ArrayList<>();
            for (PlatformApp app : PlatformApp.values()) {
                if (app != PlatformApp.GATEWAY) {
                    services.add(CompletableFuture.runAsync(() -> startApp(app, progress), parallel));
                }
            }
            services.forEach(CompletableFuture::join);
            startApp(PlatformApp.GATEWAY, progress);
        } finally {
            parallel.shutdown();
        }
    }

    private void startApp(PlatformApp app, Progress progress) {
        progress.starting(app.appName());
        int port = settings.port(app);
        Map<String, String> env = new HashMap<>(environment(app));
        ManagedProcess process = track(ManagedProcess.start(app.appName(), List.of(Java.executable(),
                        "-Xms64m", "-Xmx384m", "-XX:+UseG1GC", "-jar", app.runnableJar(settings.repo()).toString()),
                env, settings.home().resolve("apps").resolve(app.appName()),
                settings.home().resolve("logs").resolve(app.appName() + ".log")));
        process.awaitReady(() -> Http.isOk("http://127.0.0.1:" + port + "/q/health/ready"), Duration.ofMinutes(2));
        progress.ready(app.appName(), "http://localhost:" + port);
    }

    /**
     * The configuration each application gets: the same variable names docker-compose.yml uses.
     * The demo data and the generated secrets are the local run's; a deployment gets neither by default.
     */
    public Map<String, String> environment(PlatformApp app) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(settings.port(app)));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl());
        if (app.ownsDatabase()) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(app.appName()));
            env.put("QUARKUS_DATASOURCE_USERNAME", app.appName());
            env.put("QUARKUS_DATASOURCE_PASSWORD", secrets.get(Secrets.databaseRole(app.appName())));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            if (app == PlatformApp.CATALOG) {
                env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
                env.put("QUARKUS_MAILER_PORT", String.valueOf(settings.smtpPort()));
                env.put(KeycloakServer.CATALOG_CLIENT_SECRET, secrets.get(Secrets.CATALOG_CLIENT));
                env.put("AQLLI_CATALOG_DEMO_ORGANIZATIONS", "true");
                env.put("AQLLI_CATALOG_DEMO_CATALOGUE", "true");
            }
        } else if (app == PlatformApp.CONSOLE) {
            // The console calls the APIs as any client does, through the gateway, with its user's token.
            env.put("AQLLI_CONSOLE_GATEWAY_URL", "http://127.0.0.1:" + settings.port(PlatformApp.GATEWAY));
            env.put("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", secrets.get(Secrets.CONSOLE_SESSION));
            // The local run is plain http on this machine; a deployment behind TLS keeps the default, Secure.
            env.put("AQLLI_CONSOLE_SECURE_COOKIES", "false");
        } else {
            for (PlatformApp upstream : PlatformApp.values()) {
                if (upstream != PlatformApp.GATEWAY) {
                    env.put("AQLLI_GATEWAY_UPSTREAMS_" + upstream.name(), "http://127.0.0.1:" + settings.port(upstream));
                }
            }
        }
        if (app == PlatformApp.DATALAKE) {
            // The lake's Parquet files live with the rest of the local run's data.
            env.put("AQLLI_DATALAKE_LAKE_PATH", settings.home().resolve("lake").toString());
            // Its checkpoints' signing key, the same across restarts, so old checkpoints still verify.
            env.put("AQLLI_DATALAKE_TRANSPARENCY_SIGNING_SECRET", secrets.get(Secrets.LAKE_SIGNING));
        }
        return env;
    }

    public LaunchSettings settings() {
        return settings;
    }

    /** The local run's passwords and client secrets (the Keycloak administrator's, for one). */
    public Secrets secrets() {
        return secrets;
    }

    public String gatewayUrl() {
        return "http://localhost:" + settings.port(PlatformApp.GATEWAY);
    }

    public String keycloakUrl() {
        return keycloak.url();
    }

    public String realmUrl() {
        return keycloak.realmUrl();
    }

    /**
     * Every process the platform started, PostgreSQL's included, for checks that none outlives
     * {@link #close()} and that none listens beyond this machine.
     */
    public List<ProcessHandle> processes() {
        synchronized (started) {
            return started.stream()
                    .map(part -> part instanceof ManagedProcess p ? p.pid() : part instanceof KafkaBroker k ? k.pid()
                            : part instanceof KeycloakServer kc ? kc.pid() : part instanceof EmbeddedDatabase db ? db.pid() : -1L)
                    .filter(pid -> pid > 0)
                    .flatMap(pid -> ProcessHandle.of(pid).stream())
                    .flatMap(handle -> Stream.concat(Stream.of(handle), handle.descendants()))
                    .toList();
        }
    }

    /** The local SMTP server, where every mail the platform sends stays, readable on its web page. */
    public MailServer mail() {
        return mail;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    private <T extends AutoCloseable> T track(T part) {
        synchronized (started) {
            started.add(part);
        }
        return part;
    }

    /** Stops everything that was started, the last started first. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> parts;
        synchronized (started) {
            parts = new ArrayList<>(started);
        }
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                System.err.println("aqlli: while stopping: " + e.getMessage());
            }
        }
    }

}
