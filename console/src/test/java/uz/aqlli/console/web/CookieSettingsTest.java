package uz.aqlli.console.web;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The console's cookies (the session that holds the user's tokens, the CSRF token) are Secure unless
 * a run on plain http says otherwise: a deployment that forgets the setting must not send them in clear.
 */
class CookieSettingsTest {

    @Test
    void withoutTheSettingEveryCookieIsSecure() throws IOException {
        SmallRyeConfig prod = settings("prod");
        assertEquals(Boolean.TRUE, prod.getValue("quarkus.oidc.authentication.cookie-force-secure", Boolean.class));
        assertEquals(Boolean.TRUE, prod.getValue("quarkus.rest-csrf.cookie-force-secure", Boolean.class));
    }

    @Test
    void aPlainHttpRunTurnsItOffByName() throws IOException {
        SmallRyeConfig dev = settings("dev");
        assertEquals(Boolean.FALSE, dev.getValue("quarkus.oidc.authentication.cookie-force-secure", Boolean.class));
        assertEquals(Boolean.FALSE, dev.getValue("quarkus.rest-csrf.cookie-force-secure", Boolean.class));
    }

    private static SmallRyeConfig settings(String profile) throws IOException {
        URL file = CookieSettingsTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(file)).withProfile(profile).build();
    }
}
