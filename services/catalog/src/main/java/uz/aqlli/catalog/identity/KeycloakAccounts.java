package uz.aqlli.catalog.identity;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uz.aqlli.catalog.OrganizationKind;
import uz.aqlli.catalog.Person;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Organizations and users in Keycloak, through its Admin REST API with the catalog's service
 * account ({@code aqlli-catalog}: manage-users and manage-organizations, not realm admin).
 *
 * <p>Every "ensure" is idempotent: a retry after a crash finds what the earlier attempt created
 * (by the catalog organization id stored on it) instead of creating a second one.
 */
@ApplicationScoped
public class KeycloakAccounts {

    /** The user attribute, and token claim, that names the organization a user acts for. */
    public static final String ORGANIZATION_ATTRIBUTE = "organization_id";

    private final KeycloakAdminApi api;

    KeycloakAccounts(OidcClient serviceAccount,
                     @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
                     @ConfigProperty(name = "aqlli.catalog.keycloak-admin-url") Optional<String> adminUrl) {
        // The admin API of a realm sits beside it: .../realms/aqlli -> .../admin/realms/aqlli
        URI base = URI.create(adminUrl.orElseGet(() -> realmUrl.replaceFirst("/realms/", "/admin/realms/")));
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(3, java.util.concurrent.TimeUnit.SECONDS)
                .readTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .register(new ServiceAccountToken(serviceAccount))
                .build(KeycloakAdminApi.class);
    }

    /** The Keycloak organization of catalog organization {@code organizationId}, created when missing. */
    public UUID ensureOrganization(UUID organizationId, String legalName, String stir) {
        // Keycloak wants unique names; legal names need not be, so the STIR makes them so.
        Map<String, Object> organization = Map.of(
                "name", legalName + " (STIR " + stir + ")",
                "alias", stir,
                "enabled", true,
                "attributes", Map.of("stir", List.of(stir), ORGANIZATION_ATTRIBUTE, List.of(organizationId.toString())));
        try (Response response = call(() -> api.createOrganization(organization))) {
            if (response.getStatus() == 201) {
                return idFromLocation(response);
            }
            if (response.getStatus() == 409) {
                return findOrganization(organizationId).orElseThrow(() -> new IdentityRejectedException("organization.stir",
                        "an organization with this STIR already exists in the identity provider", true));
            }
            throw unexpected("create organization", response);
        }
    }

    public Optional<UUID> findOrganization(UUID organizationId) {
        List<Map<String, Object>> found = call(() -> api.organizationsWithAttribute(ORGANIZATION_ATTRIBUTE + ":" + organizationId));
        return found.stream().findFirst().map(org -> UUID.fromString((String) org.get("id")));
    }

    /**
     * The user for {@code person} in the organization, created (with role, and password if the person
     * has one) when missing. Without a password nobody can sign in as the user until
     * {@link #setPassword} gives one, and a sign-in attempt is refused exactly as a wrong password is.
     */
    public UUID ensureUser(UUID organizationId, OrganizationKind kind, Person person) {
        Map<String, Object> user = new java.util.HashMap<>(Map.of(
                "username", person.email(),
                "email", person.email(),
                "firstName", person.firstName(),
                "lastName", person.lastName(),
                "enabled", true,
                // the realm role comes with the group: one request, no half-made user without a role
                "groups", List.of(kind == OrganizationKind.ENTERPRISE ? "/enterprises" : "/providers"),
                "attributes", Map.of(ORGANIZATION_ATTRIBUTE, List.of(organizationId.toString()))));
        if (person.password() != null) {
            user.put("credentials", List.of(passwordCredential(person.password())));
        }
        try (Response response = call(() -> api.createUser(user))) {
            if (response.getStatus() == 201) {
                return idFromLocation(response);
            }
            if (response.getStatus() == 409) {
                return findUser(person.email())
                        .filter(existing -> organizationId.toString().equals(organizationOf(existing)))
                        .map(existing -> UUID.fromString((String) existing.get("id")))
                        .orElseThrow(() -> new IdentityRejectedException("user.email", "is already used by another account", true));
            }
            if (response.getStatus() == 400) {
                throw rejected(response);
            }
            throw unexpected("create user", response);
        }
    }

    /** Gives the user this password; a password the realm's policy refuses is an {@link IdentityRejectedException} on {@code field}. */
    public void setPassword(UUID userId, String password, String field) {
        try (Response response = call(() -> api.resetPassword(userId.toString(), passwordCredential(password)))) {
            if (response.getStatus() == 400) {
                IdentityRejectedException refused = rejected(response);
                throw new IdentityRejectedException(field, refused.getMessage(), false);
            }
            if (response.getStatus() / 100 != 2) {
                throw unexpected("set password", response);
            }
        }
    }

    private static Map<String, Object> passwordCredential(String password) {
        return Map.of("type", "password", "value", password, "temporary", false);
    }

    /** Makes the user a member of the Keycloak organization (already being one is fine). */
    public void addMember(UUID keycloakOrganizationId, UUID userId) {
        try (Response response = call(() -> api.addMember(keycloakOrganizationId.toString(), "\"" + userId + "\""))) {
            if (response.getStatus() / 100 != 2 && response.getStatus() != 409) {
                throw unexpected("add member", response);
            }
        }
    }

    public void deleteUser(UUID userId) {
        try (Response response = call(() -> api.deleteUser(userId.toString()))) {
            if (response.getStatus() / 100 != 2 && response.getStatus() != 404) {
                throw unexpected("delete user", response);
            }
        }
    }

    public void deleteOrganization(UUID keycloakOrganizationId) {
        try (Response response = call(() -> api.deleteOrganization(keycloakOrganizationId.toString()))) {
            if (response.getStatus() / 100 != 2 && response.getStatus() != 404) {
                throw unexpected("delete organization", response);
            }
        }
    }

    /**
     * Records that the user's address is proven (the mailed code came back): Keycloak then treats it as
     * verified, e.g. for its own password reset by mail.
     */
    public void markEmailVerified(String username) {
        Map<String, Object> user = new java.util.HashMap<>(findUser(username)
                .orElseThrow(() -> new IdentityRejectedException("code", "belongs to an account that no longer exists", false)));
        if (Boolean.TRUE.equals(user.get("emailVerified"))) {
            return;
        }
        user.put("emailVerified", true);
        try (Response response = call(() -> api.updateUser((String) user.get("id"), user))) {
            if (response.getStatus() / 100 != 2) {
                throw unexpected("mark e-mail verified", response);
            }
        }
    }

    /** The user with this login name (e-mail), with attributes. */
    public Optional<Map<String, Object>> findUser(String username) {
        return call(() -> api.usersByUsername(username.toLowerCase(Locale.ROOT), true, false)).stream().findFirst();
    }

    /** The catalog organization a Keycloak user acts for (its {@code organization_id} attribute), or null. */
    @SuppressWarnings("unchecked")
    public static String organizationOf(Map<String, Object> user) {
        Object attributes = user.get("attributes");
        if (!(attributes instanceof Map<?, ?> map) || !(map.get(ORGANIZATION_ATTRIBUTE) instanceof List<?> values) || values.isEmpty()) {
            return null;
        }
        return String.valueOf(((List<Object>) values).getFirst());
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ProcessingException | OidcClientException e) {
            throw new IdentityProviderException("Keycloak did not answer: " + e.getMessage(), e);
        }
    }

    private static UUID idFromLocation(Response response) {
        String path = response.getLocation().getPath();
        return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }

    /** Keycloak's 400 names a message key (e.g. {@code invalidPasswordMinLengthMessage}); say which field it is about. */
    private static IdentityRejectedException rejected(Response response) {
        Map<?, ?> body = readBody(response);
        Object named = body.get("errorMessage") != null ? body.get("errorMessage") : body.get("error");
        String message = named == null ? "was refused" : named.toString();
        Object params = body.get("params");
        String field = message.toLowerCase(Locale.ROOT).contains("password") ? "user.password"
                : message.toLowerCase(Locale.ROOT).contains("email") ? "user.email"
                : message.toLowerCase(Locale.ROOT).contains("name") ? "user.firstName" : "user";
        return new IdentityRejectedException(field, "refused by the password and account rules: " + message
                + (params instanceof List<?> list && !list.isEmpty() ? " " + list : ""), false);
    }

    private static Map<?, ?> readBody(Response response) {
        try {
            return response.readEntity(Map.class);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static IdentityProviderException unexpected(String what, Response response) {
        return new IdentityProviderException("Keycloak answered " + response.getStatus() + " to " + what + ": " + readBody(response));
    }
}
