package uz.aqlli.platform.runtime.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uz.aqlli.platform.runtime.api.RefusedTextException;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 problem detail, so that a
 * client sees one error shape from every service, and never a stack trace.
 *
 * <p>Priorities are below the default so these win over the mappers Quarkus registers itself.
 */
public class ProblemMappers {

    static final String VALIDATION_TYPE = "urn:aqlli:problem:invalid-request";
    private static final int PRIORITY = 100;
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper(priority = PRIORITY)
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.errors(), requestId(headers)));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(VALIDATION_TYPE, "Invalid request", 400, detail, path(uri), errors, requestId(headers)));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unreadable(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String duplicated = duplicatedKey(e);
        String field = duplicated != null ? duplicated : e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String message = duplicated != null ? "is given twice"
                : e instanceof RefusedTextException refused ? refused.reason()
                : e instanceof JsonMappingException ? "has a value of the wrong type or format" : "is not valid JSON";
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        String detail = field.isEmpty() ? "The request body " + message : field + " " + message;
        return respond(new Problem(VALIDATION_TYPE, "Invalid request", 400, detail, path(uri), errors, requestId(headers)));
    }

    /** Jackson's most specific failures have mappers of Quarkus's own; these take precedence over them. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response unreadable(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadable((JsonProcessingException) e, uri, headers);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unreadable(InvalidFormatException e, UriInfo uri, HttpHeaders headers) {
        return unreadable((JsonProcessingException) e, uri, headers);
    }

    /**
     * A body type Jackson cannot build is our fault, not the client's, but it is still answered as
     * a problem: Quarkus's own mapper for it (more specific than ours for JsonProcessingException)
     * answers a 500 with no body at all.
     */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response unbuildable(InvalidDefinitionException e, UriInfo uri, HttpHeaders headers) {
        return unexpected(e, uri, headers);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response invalidParameter(InvalidParameterException e, UriInfo uri, HttpHeaders headers) {
        return problem(ProblemException.invalidField(e.parameter(), e.getMessage()), uri, headers);
    }

    /** Two changes raced on one row and this one lost: the same answer as a stale If-Match. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response lostRace(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        return problem(ProblemException.staleVersion(), uri, headers);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized(uri, headers);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized(uri, headers);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(new Problem("urn:aqlli:problem:forbidden", "Forbidden", 403,
                "Your role does not allow this operation", path(uri), List.of(), requestId(headers)));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response http(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            // The body reader wraps Jackson's parse errors (a key given twice among them) in a bare 400.
            return unreadable(unreadableBody, uri, headers);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType != null ? statusType.getReasonPhrase() : "HTTP " + status;
        String detail = status >= 500 ? null : e.getMessage();
        return respond(new Problem("about:blank", title, status, detail, path(uri), List.of(), requestId(headers)));
    }

    @ServerExceptionMapper(priority = PRIORITY + 1)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        LOG.error("Unexpected failure", e);
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "The request could not be completed; it has been logged", path(uri), List.of(), requestId(headers)));
    }

    private Response unauthorized(UriInfo uri, HttpHeaders headers) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("urn:aqlli:problem:unauthenticated", "Unauthorized", 401,
                        "A valid bearer token is required", path(uri), List.of(), requestId(headers)))
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The field a violation is about, as the client names it: the JSON property path inside a body
     * ({@code contact.email}, {@code sectors[1]}), or the query or path parameter's name.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = "";
        StringBuilder property = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (kind == ElementKind.PROPERTY || kind == ElementKind.CONTAINER_ELEMENT || kind == ElementKind.BEAN) {
                if (node.isInIterable()) {
                    property.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                }
                if (node.getName() != null) {
                    property.append(property.isEmpty() ? "" : ".").append(node.getName());
                }
            }
        }
        return property.isEmpty() ? parameter : property.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /**
     * The JSON path of a key given twice, or {@code null} when {@code e} is another failure. Jackson
     * reports it as a plain parse error (wrapped in a mapping error with a shorter path when it is
     * inside a map), recognised by its message; its parser still knows the whole path.
     */
    private static String duplicatedKey(Throwable e) {
        while (e != null && !(e instanceof StreamReadException read && read.getProcessor() instanceof JsonParser
                && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate field"))) {
            e = e.getCause() == e ? null : e.getCause();
        }
        if (e == null) {
            return null;
        }
        JsonParser parser = (JsonParser) ((StreamReadException) e).getProcessor();
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                parts.push("[" + context.getCurrentIndex() + "]");
            } else if (context.getCurrentName() != null) {
                parts.push("." + context.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getPath();
    }

    private static String requestId(HttpHeaders headers) {
        return headers == null ? null : headers.getHeaderString("X-Request-Id");
    }
}
