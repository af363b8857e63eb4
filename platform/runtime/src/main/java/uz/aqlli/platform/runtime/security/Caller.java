package uz.aqlli.platform.runtime.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, as the verified access token says: the user, the one organization they act
 * for, and for administration users the region they are scoped to.
 *
 * <p>Object- and region-level checks start here, never from anything in the request body: a
 * client cannot name the organization it acts for.
 */
@RequestScoped
public class Caller {

    /** The {@code region} claim of a republic-level administration user: sees every region. */
    public static final String REPUBLIC = "17";

    public static final String ENTERPRISE = "enterprise";
    public static final String PROVIDER = "provider";
    public static final String ADMIN = "admin";

    @Inject
    SecurityIdentity identity;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String userId() {
        return token().map(JsonWebToken::getSubject).orElseThrow(() -> ProblemException.unauthorized());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The organization the user acts for; empty for administration users and anonymous callers. */
    public Optional<UUID> organizationId() {
        return claim("organization_id").flatMap(Caller::uuid);
    }

    /** The organization the user acts for, or a 403 problem when the token names none. */
    public UUID requireOrganization() {
        return organizationId().orElseThrow(() -> ProblemException.forbidden("no-organization",
                "Your account does not act for an organization"));
    }

    public boolean memberOf(UUID organizationId) {
        return organizationId().map(organizationId::equals).orElse(false);
    }

    /** The administration region ({@link #REPUBLIC} for the whole country); empty for non-administration users. */
    public Optional<String> administrationRegion() {
        if (!hasRole(ADMIN)) {
            return Optional.empty();
        }
        return claim("region");
    }

    /** Whether this caller is an administration user whose scope covers {@code regionCode}. */
    public boolean administers(String regionCode) {
        return administrationRegion()
                .map(region -> region.equals(REPUBLIC) || region.equals(regionCode))
                .orElse(false);
    }

    /**
     * The one region an administration user's figures or lists are limited to: {@code requested}
     * if their scope covers it (403 {@code outside-your-region} if not), else their own region;
     * empty when a republic-level user asked for none, meaning every region. Refuses (403) a
     * caller who is not an administration user or whose token names no region.
     */
    public Optional<String> regionScope(String requested) {
        return regionScope(requested, null);
    }

    /** The same, the refusal of another region naming {@code parameter}, the request's field that asked for it. */
    public Optional<String> regionScope(String requested, String parameter) {
        String scope = administrationRegion().orElseThrow(() -> ProblemException.forbidden("administration-only",
                "Only the regional administration sees figures by region"));
        if (scope.equals(REPUBLIC)) {
            return Optional.ofNullable(requested);
        }
        if (requested != null && !requested.equals(scope)) {
            String detail = "Your administration covers region " + scope + " only";
            throw parameter == null ? ProblemException.forbidden("outside-your-region", detail)
                    : ProblemException.forbidden("outside-your-region", parameter, detail);
        }
        return Optional.of(scope);
    }

    private Optional<JsonWebToken> token() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        return Optional.of(jwt);
    }

    private Optional<String> claim(String name) {
        return token().map(jwt -> jwt.<Object>getClaim(name)).map(Object::toString).filter(value -> !value.isBlank());
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
