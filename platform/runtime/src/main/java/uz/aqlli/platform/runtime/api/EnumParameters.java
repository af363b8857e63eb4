package uz.aqlli.platform.runtime.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import uz.aqlli.platform.runtime.problem.InvalidParameterException;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads enum query and header parameters ({@code ?category=ERP}) so that an unknown value is a
 * 400 problem naming the parameter and its allowed values, not the bare 404 JAX-RS prescribes.
 */
@Provider
public class EnumParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        Class<? extends Enum> type = (Class<? extends Enum>) rawType;
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) Enum.valueOf(type, value.trim());
                } catch (IllegalArgumentException e) {
                    String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
                    throw new InvalidParameterException(name, "must be one of " + allowed);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : ((Enum<?>) value).name();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }
}
