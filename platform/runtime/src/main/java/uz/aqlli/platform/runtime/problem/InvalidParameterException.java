package uz.aqlli.platform.runtime.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A query or header parameter that cannot be read as its type. It is a
 * {@link BadRequestException} so that the REST layer passes it on as it is (a failed conversion
 * of any other kind becomes a bare 404), and {@link ProblemMappers} names the parameter.
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
