package uz.aqlli.e2e;

import uz.aqlli.launcher.Folders;
import uz.aqlli.launcher.LaunchSettings;
import uz.aqlli.launcher.Platform;

import java.nio.file.Path;
import java.util.List;

/**
 * One platform, as {@code ./run} starts it (free ports, fresh data), for every end-to-end class in
 * this JVM: starting it is most of the module's time on two cores, and no class here needs an empty
 * platform (each makes its own organizations and requests, and compares figures before and after).
 * The class that runs last ({@link PlatformEndToEndIT}, see junit-platform.properties) stops it and
 * checks that nothing outlived it; a hook stops it when a single class is run alone.
 */
final class SharedPlatform {

    private static Platform platform;

    private SharedPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            Path repo = Path.of(System.getProperty("aqlli.repo"));
            Path home = Path.of("target/e2e-home").toAbsolutePath();
            Folders.delete(home);
            Platform started = Platform.start(LaunchSettings.onFreePorts(repo, home, Path.of(System.getProperty("aqlli.home"))),
                    new Platform.Progress() {
                        @Override
                        public void starting(String part) {
                            System.out.println("e2e: starting " + part);
                        }

                        @Override
                        public void ready(String part, String detail) {
                            System.out.println("e2e: " + part + " ready: " + detail);
                        }
                    });
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-platform-stop"));
            platform = started;
        }
        return platform;
    }

    /** Stops the platform (a later {@link #get()} starts a fresh one) and returns the processes it had. */
    static synchronized List<ProcessHandle> stop() {
        if (platform == null) {
            return List.of();
        }
        List<ProcessHandle> processes = platform.processes();
        platform.close();
        platform = null;
        return processes;
    }
}
