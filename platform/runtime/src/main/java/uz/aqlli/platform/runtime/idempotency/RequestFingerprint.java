package uz.aqlli.platform.runtime.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * What makes two requests under one key the same request: the operation and the body as the
 * service read it, in one canonical JSON form (properties and map keys sorted, no whitespace,
 * numbers without trailing zeros), hashed with SHA-256.
 *
 * <p>The parsed body, not the bytes on the wire: a client that sends the same order with its keys
 * in another order, another indentation or {@code 5.0} for {@code 5} asks for the same thing, and a
 * property the service does not read changes nothing it would do.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    /** The fingerprint (64 hex digits) of {@code request} (may be null) sent to {@code operation}. */
    public static String of(ObjectMapper mapper, String operation, Object request) {
        JsonNode body = request == null ? JsonNodeFactory.instance.nullNode() : mapper.valueToTree(request);
        JsonNode both = JsonNodeFactory.instance.arrayNode().add(operation).add(body);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(both).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@code node} as canonical JSON: object properties sorted by name, no whitespace, plain numbers. */
    public static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(JsonNodeFactory.instance.textNode(names.get(i)));
                out.append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal number = node.decimalValue();
            out.append(number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
        } else {
            // Strings come out quoted and escaped; true, false and null as they are.
            out.append(node);
        }
    }
}
