package uz.aqlli.launcher;

import java.nio.file.Path;

/** The platform's own applications: where each lives in the repository, its port, and its database. */
public enum PlatformApp {
    CATALOG("catalog", "services/catalog", 8081, true),
    OFFERS("offers", "services/offers", 8082, true),
    ORDERS("orders", "services/orders", 8083, true),
    DATALAKE("datalake", "services/datalake", 8084, true),
    INTEGRITY("integrity", "services/integrity", 8085, true),
    OPENDATA("opendata", "services/opendata", 8086, true),
    NOTIFICATIONS("notifications", "services/notifications", 8087, true),
    /** The web console: pages over the gateway's APIs, no data of its own. */
    CONSOLE("console", "console", 8088, false),
    GATEWAY("gateway", "gateway", 8080, false);

    private final String appName;
    private final String moduleDir;
    private final int defaultPort;
    private final boolean ownsDatabase;

    PlatformApp(String appName, String moduleDir, int defaultPort, boolean ownsDatabase) {
        this.appName = appName;
        this.moduleDir = moduleDir;
        this.defaultPort = defaultPort;
        this.ownsDatabase = ownsDatabase;
    }

    public String appName() {
        return appName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Each service owns one database named after it (with a role of the same name). */
    public boolean ownsDatabase() {
        return ownsDatabase;
    }

    /** The environment variable that overrides the port, e.g. {@code AQLLI_CATALOG_PORT}. */
    public String portVariable() {
        return "AQLLI_" + name() + "_PORT";
    }

    public Path runnableJar(Path repo) {
        return repo.resolve(moduleDir).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String moduleDir() {
        return moduleDir;
    }
}
