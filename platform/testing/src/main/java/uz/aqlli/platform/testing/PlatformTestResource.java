package uz.aqlli.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import uz.aqlli.launcher.KeycloakServer;
import uz.aqlli.launcher.Secrets;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a service under test at real infrastructure: its own PostgreSQL database, the Kafka
 * broker, and Keycloak's {@code aqlli} realm.
 *
 * <p>Use it as {@code @QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))};
 * without a {@code database} argument (the gateway) no datasource is configured.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (database != null) {
            var postgres = TestInfrastructure.database();
            String password = TestInfrastructure.databasePassword(database);
            postgres.ensureDatabase(database, password);
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", database);
            config.put("quarkus.datasource.password", password);
            config.put("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
            // A real SMTP server; only services that send mail (aqlli.mail.enabled) use it.
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", String.valueOf(TestInfrastructure.mail().smtpPort()));
        }
        config.put("quarkus.oidc.auth-server-url", TestInfrastructure.keycloak().realmUrl());
        // The secret Keycloak's realm got (catalog's onboarding signs in with it; others ignore it).
        config.put(KeycloakServer.CATALOG_CLIENT_SECRET, TestInfrastructure.secrets().get(Secrets.CATALOG_CLIENT));
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped by the JVM's shutdown hooks.
    }
}
