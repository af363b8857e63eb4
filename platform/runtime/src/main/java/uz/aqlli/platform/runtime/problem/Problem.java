package uz.aqlli.platform.runtime.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail: the one error shape of every service and of the gateway.
 *
 * @param type      a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param errors    for validation problems, one entry per rejected field
 * @param requestId the gateway's request id, to find the request in the logs
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field: its JSON path in the request (e.g. {@code stir}) and why. */
    public record FieldError(String field, String message) {
    }
}
