package uz.aqlli.catalog.identity;

/** Keycloak did not answer, or answered in a way onboarding cannot act on; nothing may be assumed done. */
public class IdentityProviderException extends RuntimeException {

    public IdentityProviderException(String message, Throwable cause) {
        super(message, cause);
    }

    public IdentityProviderException(String message) {
        super(message);
    }
}
