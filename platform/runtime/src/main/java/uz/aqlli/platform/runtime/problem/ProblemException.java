package uz.aqlli.platform.runtime.problem;

import java.util.List;

/**
 * A failure the client can act on, carried up to the REST layer as a problem detail.
 *
 * <p>Domain code throws it with a status and a stable type slug; the message is the
 * {@code detail} shown to the client, so it must never contain another organization's data.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "urn:aqlli:problem:not-found", "Not found", what + " was not found", List.of());
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, "urn:aqlli:problem:" + slug, "Conflict", detail, List.of());
    }

    /** A conflict with what one field names (an order line's product that was withdrawn, say). */
    public static ProblemException conflict(String slug, String field, String detail) {
        return new ProblemException(409, "urn:aqlli:problem:" + slug, "Conflict", detail, List.of(new Problem.FieldError(field, detail)));
    }

    public static ProblemException forbidden(String slug, String detail) {
        return new ProblemException(403, "urn:aqlli:problem:" + slug, "Forbidden", detail, List.of());
    }

    /** A refusal of who the caller is towards what one field names (a deal the caller is no party of, say). */
    public static ProblemException forbidden(String slug, String field, String detail) {
        return new ProblemException(403, "urn:aqlli:problem:" + slug, "Forbidden", detail, List.of(new Problem.FieldError(field, detail)));
    }

    /** A change came without {@code If-Match}: the client must say which version it changes. */
    public static ProblemException versionRequired() {
        return new ProblemException(428, "urn:aqlli:problem:version-required", "Precondition required",
                "Send If-Match with the ETag of the version you are changing", List.of());
    }

    /** A change was based on a version that is no longer the current one. */
    public static ProblemException staleVersion() {
        return new ProblemException(412, "urn:aqlli:problem:stale-version", "Precondition failed",
                "It was changed since you read it: read it again and re-apply your change", List.of());
    }

    public static ProblemException unauthorized() {
        return new ProblemException(401, "urn:aqlli:problem:unauthorized", "Unauthorized",
                "Sign in: this needs a valid access token", List.of());
    }

    /** A dependency the platform needs (Keycloak, for example) did not answer; nothing was changed. */
    public static ProblemException unavailable(String slug, String detail) {
        return new ProblemException(503, "urn:aqlli:problem:" + slug, "Service unavailable", detail, List.of());
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, ProblemMappers.VALIDATION_TYPE, "Invalid request",
                field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
