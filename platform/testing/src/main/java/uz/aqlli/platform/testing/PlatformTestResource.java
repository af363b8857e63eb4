package uz.aqlli.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

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
            postgres.ensureDatabase(database, database);
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", database);
            config.put("quarkus.datasource.password", database);
            config.put("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
        }
        config.put("quarkus.oidc.auth-server-url", TestInfrastructure.keycloak().realmUrl());
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped by the JVM's shutdown hooks.
    }
}
