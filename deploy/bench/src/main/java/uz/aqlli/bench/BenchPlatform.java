package uz.aqlli.bench;

import uz.aqlli.launcher.Folders;
import uz.aqlli.launcher.LaunchSettings;
import uz.aqlli.launcher.Platform;
import uz.aqlli.launcher.PlatformApp;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * What every benchmark here shares: the whole platform started as {@code ./run} starts it, but in
 * its own data folder on free ports, a service's database over JDBC, and the figures' arithmetic.
 */
final class BenchPlatform {

    private BenchPlatform() {
    }

    /** The checkout the benchmark runs from ({@code -Daqlli.repo}, set by the run scripts). */
    static Path repo() {
        return Path.of(System.getProperty("aqlli.repo", ".")).toAbsolutePath();
    }

    /**
     * A fresh platform in {@code deploy/bench/target/bench-home}: the figures never depend on what
     * an earlier run left there.
     */
    static Platform start(Path repo) {
        Path home = repo.resolve("deploy/bench/target/bench-home");
        Folders.delete(home);
        return Platform.start(LaunchSettings.onFreePorts(repo, home, repo.resolve(".aqlli")), new Platform.Progress() {
            @Override
            public void starting(String part) {
                System.out.println("bench: starting " + part);
            }

            @Override
            public void ready(String part, String detail) {
                System.out.println("bench: " + part + " ready");
            }
        });
    }

    /** A connection to {@code app}'s own database, as the service itself reaches it. */
    static Connection database(Platform platform, PlatformApp app) throws SQLException {
        Map<String, String> env = platform.environment(app);
        return DriverManager.getConnection(env.get("QUARKUS_DATASOURCE_JDBC_URL"), env.get("QUARKUS_DATASOURCE_USERNAME"),
                env.get("QUARKUS_DATASOURCE_PASSWORD"));
    }

    /** The address {@code app} listens on, as the gateway reaches it. */
    static String serviceUrl(Platform platform, PlatformApp app) {
        return "http://localhost:" + platform.environment(app).get("QUARKUS_HTTP_PORT");
    }

    /** The nearest-rank percentile of {@code values}. */
    static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper TOKENS = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A user's access token by the password grant of {@code client} (the local realm allows it for the demo users). */
    static String passwordGrant(HttpClient http, String realmUrl, String client, String username, String password)
            throws Exception {
        String form = "grant_type=password&client_id=" + client + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(username + " cannot sign in: " + answer.statusCode() + " " + answer.body());
        }
        return TOKENS.readTree(answer.body()).path("access_token").asText();
    }
}
