package uz.aqlli.platform.runtime.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import uz.aqlli.platform.runtime.problem.InvalidParameterException;

import java.util.List;
import java.util.Map;

/**
 * Holds every query and path parameter to the {@link Texts} rule before a resource reads it, so
 * that {@code ?q=%00} is a 400 naming {@code q} instead of a failed database query.
 */
@Provider
public class TextParameters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        check(request.getUriInfo().getQueryParameters());
        check(request.getUriInfo().getPathParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                String refusal = Texts.refusal(value);
                if (refusal != null) {
                    throw new InvalidParameterException(parameter.getKey(), refusal);
                }
            }
        }
    }
}
