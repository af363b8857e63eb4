package uz.aqlli.orders;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that a service has already migrated past its own V1 still takes a platform migration
 * (0.x) that came later, under the runtime's shared Flyway settings: without out-of-order, Flyway
 * refuses to start ("Detected resolved migration not applied to database: 0.5").
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class PlatformMigrationsTest {

    /** A service's first migration, standing for whatever a service has of its own. */
    public static class V1__a_service_table extends BaseJavaMigration {
        @Override
        public void migrate(Context context) throws Exception {
            try (Statement sql = context.getConnection().createStatement()) {
                sql.execute("create table a_service_table (id integer primary key)");
            }
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.flyway.out-of-order")
    boolean outOfOrder;

    @Test
    void aPlatformMigrationAddedAfterAServicesV1IsApplied() throws Exception {
        String schema = "upgrade_" + System.nanoTime();
        try {
            // Yesterday's database: the platform's migrations up to 0.4, then the service's V1.
            Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/platform", "classpath:db/standing")
                    .target("0.4").load().migrate();
            Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/none")
                    .javaMigrations(new V1__a_service_table()).validateOnMigrate(false).load().migrate();

            // Today's service starts with the platform's newer migration on its classpath.
            var applied = Flyway.configure().dataSource(dataSource).schemas(schema)
                    .locations("classpath:db/platform", "classpath:db/standing").javaMigrations(new V1__a_service_table())
                    .outOfOrder(outOfOrder).load().migrate();

            assertTrue(applied.success);
            assertTrue(applied.migrationsExecuted >= 1);
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                 ResultSet table = sql.executeQuery("select count(*) from pg_tables where schemaname = '" + schema
                         + "' and tablename = 'idempotency_key'")) {
                table.next();
                assertEquals(1, table.getInt(1));
            }
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
