package uz.aqlli.catalog.identity;

/**
 * Keycloak refused what the client asked for (a password its policy rejects, an e-mail already
 * in use): a client error, named by the request field it concerns.
 */
public class IdentityRejectedException extends RuntimeException {

    private final String field;
    private final boolean conflict;

    public IdentityRejectedException(String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    public String field() {
        return field;
    }

    /** Whether it collides with something that exists (409) rather than being invalid (400). */
    public boolean conflict() {
        return conflict;
    }
}
