package uz.aqlli.console.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document an API answered with, reduced to what a page shows: its type (the
 * console has a label for the ones users meet) and the fields it names. The API's own English
 * {@code detail} and messages are kept for the log, never shown.
 */
public record ApiProblem(int status, String type, String detail, List<FieldError> errors) {

    /** A problem of the console's own: the gateway or a service could not be reached or failed. */
    public static final String UNAVAILABLE = "urn:aqlli:console:unavailable";

    public record FieldError(String field, String message) {
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, UNAVAILABLE, detail, List.of());
    }

    /** The short name after the last colon ({@code invalid-request}), the key of its label. */
    public String code() {
        if (type == null || type.isBlank()) {
            return "status-" + status;
        }
        int colon = type.lastIndexOf(':');
        return colon >= 0 ? type.substring(colon + 1) : type;
    }

    /** Each named field once, with the API's message (for the log and tests, not for the page). */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : errors) {
            if (error.field() != null) {
                fields.putIfAbsent(error.field(), error.message());
            }
        }
        return fields;
    }
}
