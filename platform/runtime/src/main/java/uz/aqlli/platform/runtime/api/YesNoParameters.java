package uz.aqlli.platform.runtime.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import uz.aqlli.platform.runtime.problem.InvalidParameterException;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds yes/no query and header parameters ({@code ?exportReady=true}) to {@code true} or
 * {@code false}: the REST layer reads them with {@link Boolean#valueOf(String)}, which takes
 * {@code maybe} for {@code false} and answers a filter the client did not ask for. Anything else
 * is a 400 naming the parameter, like an unknown value of an enum ({@link EnumParameters}).
 *
 * <p>A filter rather than a {@code ParamConverterProvider}: the REST layer converts
 * {@code Boolean} itself and never asks the providers.
 */
public class YesNoParameters {

    private record YesNo(String name, boolean header) {
    }

    private final Map<Method, List<YesNo>> byMethod = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (YesNo parameter : byMethod.computeIfAbsent(method, YesNoParameters::yesNoParameters)) {
            List<String> values = parameter.header()
                    ? request.getHeaders().get(parameter.name())
                    : request.getUriInfo().getQueryParameters().get(parameter.name());
            for (String value : values == null ? List.<String>of() : values) {
                // A query value is read as it stands (" true" would reach the method as false); a header is trimmed by HTTP.
                String word = (parameter.header() ? value.trim() : value).toLowerCase(Locale.ROOT);
                if (!word.equals("true") && !word.equals("false")) {
                    throw new InvalidParameterException(parameter.name(), "must be true or false");
                }
            }
        }
    }

    private static List<YesNo> yesNoParameters(Method method) {
        List<YesNo> found = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getType() != Boolean.class && parameter.getType() != boolean.class) {
                continue;
            }
            for (Annotation annotation : parameter.getAnnotations()) {
                if (annotation instanceof QueryParam query) {
                    found.add(new YesNo(query.value(), false));
                } else if (annotation instanceof HeaderParam header) {
                    found.add(new YesNo(header.value(), true));
                }
            }
        }
        return List.copyOf(found);
    }
}
