package uz.aqlli.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run}: starts the platform on embedded defaults and keeps it up until Ctrl-C (SIGINT)
 * or SIGTERM, then stops every process it started.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // The launcher's console is for progress; the parts' own logs go to .aqlli/logs.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        long begin = System.nanoTime();
        Platform.Progress progress = new Platform.Progress() {
            @Override
            public synchronized void starting(String part) {
                say(begin, "starting " + part + " ...");
            }

            @Override
            public synchronized void ready(String part, String detail) {
                say(begin, part + " ready: " + detail);
            }
        };
        Platform platform;
        try {
            Path repo = Path.of(System.getProperty("aqlli.repo", "."));
            LaunchSettings settings = LaunchSettings.fromEnvironment(repo, System.getenv());
            say(begin, "Aqlli elektron: data and logs in " + settings.home());
            platform = Platform.start(settings, progress);
        } catch (LaunchException e) {
            System.err.println("aqlli: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say(begin, "stopping ...");
            platform.close();
            say(begin, "stopped");
            stopped.countDown();
        }, "aqlli-shutdown"));

        LaunchSettings settings = platform.settings();
        System.out.printf("""

                Aqlli elektron is up in %d s.
                  console     %s/  (the web console: open it in a browser)
                  gateway     %s   (API under /api/..., health at /q/health/ready)
                  keycloak    %s   (admin console: user %s, password in %s)
                  mail        %s   (every mail the platform sends, e.g. registration codes; also IMAP localhost:%d,
                              login and password = the address)
                  secrets     %s   (made on first start, readable by you only)
                  logs        %s
                Demo logins (realm %s, password = user name):
                  enterprise1     enterprise, Buxoro To'qimachilik Klasteri (Bukhara, manager)
                  enterprise2     enterprise, Navoiy Metall Konstruksiya (Navoi, manager)
                  provider1       provider, Raqamli Yechimlar (Tashkent city, manager)
                  provider2       provider, Samarqand Soft (Samarkand, manager)
                  admin1          administration, whole republic
                  admin-bukhara   administration, Bukhara region
                  admin-navoi     administration, Navoi region
                Press Ctrl-C to stop everything.
                %n""", Duration.ofNanos(System.nanoTime() - begin).toSeconds(), platform.gatewayUrl(), platform.gatewayUrl(),
                platform.keycloakUrl(), Secrets.KEYCLOAK_ADMIN_USER, platform.secrets().file(Secrets.KEYCLOAK_ADMIN),
                platform.mail().webUrl(), settings.imapPort(), platform.secrets().folder(), settings.home().resolve("logs"), KeycloakServer.REALM);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(long begin, String message) {
        System.out.printf("[%6.1fs] %s%n", (System.nanoTime() - begin) / 1e9, message);
    }
}
