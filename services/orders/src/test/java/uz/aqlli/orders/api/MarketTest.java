package uz.aqlli.orders.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import uz.aqlli.platform.testing.PlatformTestResource;

/**
 * What every orders test against the running service shares: one test application on the real
 * PostgreSQL, Kafka and Keycloak, and a {@link Market} to put organizations, products and offers on
 * the topics as catalog and offers would.
 */
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
abstract class MarketTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    Market market;

    @BeforeEach
    void market() {
        market = new Market(kafka, realmUrl);
    }
}
