package uz.aqlli.catalog.service;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a deployment gets when it sets nothing: the service's own configuration files as Quarkus
 * reads them in the {@code prod} profile. No demo data, no secret, no password anyone could guess.
 */
class DeploymentDefaultsTest {

    @Test
    void aDeploymentLoadsNoDemoData() throws IOException {
        SmallRyeConfig prod = config("prod");
        assertEquals(false, prod.getValue("aqlli.catalog.demo-organizations", Boolean.class));
        assertEquals(false, prod.getValue("aqlli.catalog.demo-catalogue", Boolean.class));
        // The local run's conveniences stay where they belong.
        assertEquals(true, config("dev").getValue("aqlli.catalog.demo-catalogue", Boolean.class));
        assertEquals(true, config("test").getValue("aqlli.catalog.demo-organizations", Boolean.class));
    }

    @Test
    void aDeploymentWithoutItsSecretsDoesNotStart() throws IOException {
        SmallRyeConfig prod = config("prod");
        // Unresolvable: Quarkus stops at start-up instead of signing in with a secret from the repository.
        assertThrows(NoSuchElementException.class, () -> prod.getValue("quarkus.oidc-client.credentials.secret", String.class));
        assertThrows(NoSuchElementException.class, () -> prod.getValue("quarkus.datasource.password", String.class));
        assertEquals("catalog", prod.getValue("quarkus.datasource.username", String.class));
    }

    /** application.properties over the shared defaults (platform/runtime), as Quarkus orders them; no environment. */
    private static SmallRyeConfig config(String profile) throws IOException {
        ClassLoader loader = DeploymentDefaultsTest.class.getClassLoader();
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withProfile(profile).addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(loader.getResource("application.properties"), 250));
        var shared = loader.getResources("META-INF/microprofile-config.properties");
        while (shared.hasMoreElements()) {
            builder.withSources(new PropertiesConfigSource(shared.nextElement(), 100));
        }
        return builder.build();
    }
}
