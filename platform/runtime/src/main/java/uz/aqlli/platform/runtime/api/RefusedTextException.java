package uz.aqlli.platform.runtime.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A string in a JSON body that {@link Texts} refuses. A Jackson mapping failure, so that Jackson
 * adds the JSON path on its way out and the problem mappers name the field.
 */
public class RefusedTextException extends MismatchedInputException {

    private final String reason;

    RefusedTextException(JsonParser parser, String reason) {
        super(parser, reason, String.class);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
