package uz.aqlli.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The realms kept as code: the local one's conveniences, none of them in the deployment's, no secret in either. */
class RealmFilesTest {

    private static final Path REPO = Path.of(System.getProperty("aqlli.repo", "../.."));

    @Test
    void noRealmFileHoldsTheCatalogClientsSecret() throws IOException {
        JsonNode local = client(realm("deploy/keycloak/realm/aqlli-realm.json"), "aqlli-catalog");
        assertEquals("${" + KeycloakServer.CATALOG_CLIENT_SECRET + "}", local.path("secret").asText(), "filled in by Keycloak on import");
        // Keycloak imports a placeholder whose variable is missing as it stands, a secret anyone could read here;
        // without one it makes a random secret of its own.
        JsonNode deployment = client(realm("deploy/keycloak/deployment/aqlli-realm.json"), "aqlli-catalog");
        assertTrue(deployment.path("secret").isMissingNode(), deployment.toString());
        try (Stream<Path> files = Files.walk(REPO.resolve("deploy/keycloak")).filter(f -> f.toString().endsWith(".json"))) {
            for (Path file : files.toList()) {
                assertFalse(Files.readString(file).contains("aqlli-catalog-local-secret"), file.toString());
            }
        }
    }

    @Test
    void theDeploymentRealmHasNoneOfTheLocalConveniences() throws IOException {
        JsonNode deployment = realm("deploy/keycloak/deployment/aqlli-realm.json");
        JsonNode web = client(deployment, "aqlli-web");
        assertFalse(web.path("directAccessGrantsEnabled").asBoolean(true), "no password grant");
        for (JsonNode uri : web.path("redirectUris")) {
            assertFalse(uri.asText().contains("*"), "wildcard redirect " + uri);
        }
        assertFalse(web.path("attributes").path("post.logout.redirect.uris").asText().contains("*"));
        assertTrue(deployment.path("revokeRefreshToken").asBoolean(false), "refresh tokens rotate");
        assertEquals(0, deployment.path("refreshTokenMaxReuse").asInt(-1));
        for (JsonNode user : deployment.path("users")) {
            assertTrue(user.has("serviceAccountClientId"), "a demo user in the deployment realm: " + user.path("username"));
        }
        assertEquals(0, deployment.path("organizations").size());

        // The local realm keeps them, for ./run's curl logins and the tests.
        JsonNode localWeb = client(realm("deploy/keycloak/realm/aqlli-realm.json"), "aqlli-web");
        assertTrue(localWeb.path("directAccessGrantsEnabled").asBoolean(false));
    }

    private static JsonNode realm(String path) throws IOException {
        return new ObjectMapper().readTree(REPO.resolve(path).toFile());
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
