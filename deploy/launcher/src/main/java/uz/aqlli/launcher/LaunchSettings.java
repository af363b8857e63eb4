package uz.aqlli.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local platform keeps its files and which ports it listens on.
 *
 * <p>Every value can be overridden by an environment variable ({@code AQLLI_HOME},
 * {@code AQLLI_GATEWAY_PORT}, {@code AQLLI_KEYCLOAK_PORT}, ...).
 *
 * @param repo the repository checkout (realm file, built applications)
 * @param home where data and logs live between runs
 * @param downloads where the prepared Keycloak and the PostgreSQL binaries live; shared by runs and tests
 */
public record LaunchSettings(Path repo, Path home, Path downloads, int postgresPort, int kafkaPort, int kafkaControllerPort,
                             int keycloakPort, int smtpPort, int imapPort, int mailWebPort, Map<PlatformApp, Integer> appPorts) {

    public static LaunchSettings fromEnvironment(Path repo, Map<String, String> env) {
        Path home = env.containsKey("AQLLI_HOME") ? Path.of(env.get("AQLLI_HOME")) : repo.resolve(".aqlli");
        Map<PlatformApp, Integer> apps = new EnumMap<>(PlatformApp.class);
        for (PlatformApp app : PlatformApp.values()) {
            apps.put(app, port(env, app.portVariable(), app.defaultPort()));
        }
        Path downloads = env.containsKey("AQLLI_DOWNLOADS") ? Path.of(env.get("AQLLI_DOWNLOADS")) : repo.resolve(".aqlli");
        return new LaunchSettings(repo.toAbsolutePath().normalize(), home.toAbsolutePath().normalize(),
                downloads.toAbsolutePath().normalize(),
                port(env, "AQLLI_POSTGRES_PORT", 15432),
                port(env, "AQLLI_KAFKA_PORT", 19092),
                port(env, "AQLLI_KAFKA_CONTROLLER_PORT", 19093),
                port(env, "AQLLI_KEYCLOAK_PORT", 8180),
                port(env, "AQLLI_SMTP_PORT", 12525),
                port(env, "AQLLI_IMAP_PORT", 12143),
                port(env, "AQLLI_MAIL_WEB_PORT", 8025),
                apps);
    }

    /** The passwords and client secrets made on first start, readable by the owner only ({@link Secrets}). */
    public Path secretsFolder() {
        return home.resolve("secrets");
    }

    /**
     * A platform that runs beside any other (the end-to-end tests, the benchmark): its own data
     * folder and a free port for every part.
     */
    public static LaunchSettings onFreePorts(Path repo, Path home, Path downloads) {
        Map<String, String> env = new HashMap<>();
        env.put("AQLLI_HOME", home.toString());
        env.put("AQLLI_DOWNLOADS", downloads.toString());
        for (String variable : List.of("AQLLI_POSTGRES_PORT", "AQLLI_KAFKA_PORT", "AQLLI_KAFKA_CONTROLLER_PORT", "AQLLI_KEYCLOAK_PORT",
                "AQLLI_SMTP_PORT", "AQLLI_IMAP_PORT", "AQLLI_MAIL_WEB_PORT")) {
            env.put(variable, String.valueOf(freePort()));
        }
        for (PlatformApp app : PlatformApp.values()) {
            env.put(app.portVariable(), String.valueOf(freePort()));
        }
        return fromEnvironment(repo, env);
    }

    public int port(PlatformApp app) {
        return appPorts.get(app);
    }

    /** Every port with what listens on it and the variable that moves it, for the pre-flight check. */
    public Map<Integer, String> portsInUse() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(postgresPort, "PostgreSQL (AQLLI_POSTGRES_PORT)");
        ports.put(kafkaPort, "Kafka (AQLLI_KAFKA_PORT)");
        ports.put(kafkaControllerPort, "Kafka controller (AQLLI_KAFKA_CONTROLLER_PORT)");
        ports.put(keycloakPort, "Keycloak (AQLLI_KEYCLOAK_PORT)");
        ports.put(smtpPort, "SMTP (AQLLI_SMTP_PORT)");
        ports.put(imapPort, "IMAP (AQLLI_IMAP_PORT)");
        ports.put(mailWebPort, "the mail web page (AQLLI_MAIL_WEB_PORT)");
        appPorts.forEach((app, port) -> ports.put(port, app.appName() + " (" + app.portVariable() + ")"));
        return ports;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LaunchException("no free port: " + e.getMessage(), e);
        }
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new LaunchException(variable + "=" + value + " is not a port number (1-65535)");
        }
    }
}
