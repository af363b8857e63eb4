package uz.aqlli.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The real Keycloak server, from its distribution on Maven Central (unpacked by deploy/keycloak).
 *
 * <p>It is built once for PostgreSQL and a local cache ({@code kc.sh build}, about a minute) and
 * then started with {@code --optimized}, which takes seconds. The realm kept as code is imported
 * on start; a realm that already exists in the database is left as it is.
 */
public final class KeycloakServer implements AutoCloseable {

    /** Build-time options; a change here triggers a new {@code kc.sh build}. */
    private static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--cache=local",
            "--health-enabled=false", "--metrics-enabled=false");
    public static final String REALM = "aqlli";
    /** Keycloak's database and its role. */
    public static final String DATABASE = "keycloak";
    /** The variable the realm file and catalog read the {@code aqlli-catalog} client's secret from. */
    public static final String CATALOG_CLIENT_SECRET = "AQLLI_CATALOG_CLIENT_SECRET";
    /** The realm's SMTP server, for the mails Keycloak sends itself (a password reset). */
    public static final String SMTP_HOST = "AQLLI_SMTP_HOST";
    public static final String SMTP_PORT = "AQLLI_SMTP_PORT";

    /** The variable the realm file reads the console's address from (its sign-in and sign-out redirects). */
    public static final String WEB_URL = "AQLLI_WEB_URL";
    public static final String DEFAULT_WEB_URL = "http://localhost:8080";

    private final ManagedProcess process;
    private final int port;

    private KeycloakServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static String version() {
        try (InputStream in = KeycloakServer.class.getResourceAsStream("versions.properties")) {
            Properties versions = new Properties();
            versions.load(in);
            return versions.getProperty("keycloak.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path distribution(Path home) {
        return home.resolve("keycloak").resolve("keycloak-" + version());
    }

    /** Runs {@code kc.sh build} unless the distribution was already built with the same options. */
    public static boolean prepare(Path home, Path logFile) {
        Path dist = distribution(home);
        if (!Files.isExecutable(dist.resolve("bin/kc.sh"))) {
            throw new LaunchException("Keycloak " + version() + " is not unpacked in " + dist
                    + "; run ./mvnw package -DskipTests (it unpacks it from Maven Central)");
        }
        Path marker = dist.resolve(".aqlli-build");
        String options = String.join(" ", BUILD_OPTIONS);
        try {
            if (Files.exists(marker) && Files.readString(marker).equals(options)) {
                return false;
            }
            List<String> command = new ArrayList<>(List.of(dist.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            ManagedProcess.runToCompletion("Keycloak build", command, Map.of("JAVA_HOME", Java.home()),
                    dist, logFile, Duration.ofMinutes(5));
            Files.writeString(marker, options);
            return true;
        } catch (IOException e) {
            throw new LaunchException("cannot prepare Keycloak in " + dist + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param realmFile the realm kept as code, imported when the realm does not exist yet; Keycloak
     *                  fills its {@code ${AQLLI_CATALOG_CLIENT_SECRET}} from the environment
     * @param secrets   the database password, the bootstrap administrator's and the catalog client's secret
     */
    public static KeycloakServer start(Path home, Path realmFile, int port, String jdbcUrl, Secrets secrets, Path logFile) {
        return start(home, realmFile, port, jdbcUrl, secrets, logFile, DEFAULT_WEB_URL);
    }

    /**
     * @param webUrl where browsers reach the console (the gateway's address): the realm file's
     *               {@code ${AQLLI_WEB_URL}}, so the console's sign-in may come back to it on any port
     */
    public static KeycloakServer start(Path home, Path realmFile, int port, String jdbcUrl, Secrets secrets, Path logFile,
                                       String webUrl) {
        return start(home, realmFile, port, jdbcUrl, secrets, logFile, webUrl, 0);
    }

    /**
     * @param smtpPort where Keycloak sends its own mail (a forgotten password's reset link) on 127.0.0.1:
     *                 the realm file's {@code ${AQLLI_SMTP_HOST}} and {@code ${AQLLI_SMTP_PORT}}; 0 for none
     */
    public static KeycloakServer start(Path home, Path realmFile, int port, String jdbcUrl, Secrets secrets, Path logFile,
                                       String webUrl, int smtpPort) {
        Path dist = distribution(home);
        try {
            Path imports = Files.createDirectories(dist.resolve("data/import"));
            Files.copy(realmFile, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LaunchException("cannot stage the realm file " + realmFile + ": " + e.getMessage(), e);
        }
        List<String> command = List.of(dist.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                // A fixed issuer whatever host name a client used, so tokens validate everywhere.
                "--hostname=http://localhost:" + port, "--hostname-backchannel-dynamic=true",
                // Given to the build alone, the server still joined a cluster: JGroups discovery and a
                // listener on a public interface (7800). One server, no cluster.
                "--cache=local",
                "--import-realm");
        // Secrets go by environment, not by command line: any local user can read another's arguments.
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "JAVA_HOME", Java.home(),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m",
                "KC_DB_URL", jdbcUrl,
                "KC_DB_USERNAME", DATABASE,
                "KC_DB_PASSWORD", secrets.get(Secrets.databaseRole(DATABASE)),
                "KC_BOOTSTRAP_ADMIN_USERNAME", Secrets.KEYCLOAK_ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.get(Secrets.KEYCLOAK_ADMIN),
                CATALOG_CLIENT_SECRET, secrets.get(Secrets.CATALOG_CLIENT),
                WEB_URL, webUrl));
        if (smtpPort > 0) {
            environment.put(SMTP_HOST, "127.0.0.1");
            environment.put(SMTP_PORT, String.valueOf(smtpPort));
        }
        ManagedProcess server = ManagedProcess.start("Keycloak", command, environment, dist, logFile);
        KeycloakServer keycloak = new KeycloakServer(server, port);
        try {
            server.awaitReady(() -> Http.isOk(keycloak.realmUrl() + "/.well-known/openid-configuration"),
                    Duration.ofMinutes(4));
        } catch (LaunchException e) {
            server.close();
            throw e;
        }
        return keycloak;
    }

    /** A handle on a server that someone else started and stops: closing it leaves the server running. */
    public static KeycloakServer attach(int port) {
        return new KeycloakServer(null, port);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The OIDC issuer the services trust. */
    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
