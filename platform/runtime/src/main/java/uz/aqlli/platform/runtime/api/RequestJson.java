package uz.aqlli.platform.runtime.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;

/**
 * The JSON mapper of the REST layer: the service's own {@link ObjectMapper} with two rules a
 * request body must keep. A key given twice is a parse error (Jackson would otherwise keep the
 * last one, and a client and a proxy could read the same body differently), and every string
 * keeps the {@link Texts} rule, with the JSON path of the refused one.
 *
 * <p>Only the REST layer (server side) reads with it, not events or stored JSON, so that a row
 * written before the rule can still be read.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class RequestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    RequestJson(ObjectMapper shared) {
        this.mapper = shared.copy()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
                .registerModule(new SimpleModule("aqlli-request-text").addDeserializer(String.class, new CheckedText()));
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    static final class CheckedText extends StdScalarDeserializer<String> {

        CheckedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String refusal = Texts.refusal(text);
            if (refusal != null) {
                throw new RefusedTextException(parser, refusal);
            }
            return text;
        }
    }
}
