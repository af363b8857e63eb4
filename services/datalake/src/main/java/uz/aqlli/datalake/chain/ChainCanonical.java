package uz.aqlli.datalake.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical bytes of an event, the same however its JSON was spelled or stored (jsonb reorders
 * keys and drops whitespace): RFC 8785 (JCS) — members sorted by their UTF-16 code units, no
 * whitespace, strings with JCS's minimal escapes, numbers as ECMAScript prints a double — but for
 * numbers a double does not hold exactly. JCS would print those rounded to a double, so a tampered
 * last digit of a large so'm amount (jsonb keeps every digit) would not change the bytes: they are
 * written exactly instead, integers as integers and other decimals in plain notation with no
 * trailing zeros ({@link #number}). Every number's text is thus exactly its value, and one value
 * has one text: by value, not by spelling (jsonb keeps {@code 1E30} as
 * {@code 1000000000000000000000000000000}, and both give the same bytes).
 * No kept JCS library resolves from this build's registry.
 */
public final class ChainCanonical {

    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private ChainCanonical() {
    }

    /**
     * The entry's bytes: one JSON object of the envelope as the lake keeps it (id, type, source,
     * subject, time to the microsecond in UTC, topic) and the payload as {@code data}.
     */
    public static byte[] event(String eventId, String eventType, String source, String subject, OffsetDateTime time,
                               String topic, String payload) {
        StringBuilder out = new StringBuilder();
        // Keys already in JCS order: data, id, source, subject, time, topic, type.
        out.append("{\"data\":").append(json(payload));
        out.append(",\"id\":");
        string(eventId, out);
        out.append(",\"source\":");
        string(source, out);
        out.append(",\"subject\":");
        nullable(subject, out);
        out.append(",\"time\":");
        nullable(time == null ? null : TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC)), out);
        out.append(",\"topic\":");
        string(topic, out);
        out.append(",\"type\":");
        string(eventType, out);
        out.append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON text in canonical form. */
    public static String json(String text) {
        try {
            StringBuilder out = new StringBuilder();
            write(READER.readTree(text), out);
            return out.toString();
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static void nullable(String value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else {
            string(value, out);
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
                node.fields().forEachRemaining(members::add);
                members.sort(Map.Entry.comparingByKey()); // String.compareTo: UTF-16 code units, as JCS sorts
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(members.get(i).getKey(), out);
                    out.append(':');
                    write(members.get(i).getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                Iterator<JsonNode> items = node.elements();
                for (int i = 0; items.hasNext(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(items.next(), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(number(node.decimalValue()));
            case BOOLEAN -> out.append(node.booleanValue());
            default -> out.append("null");
        }
    }

    /**
     * A number whose value a double holds exactly (the shortest digits of the nearest double are the
     * number itself), as ECMAScript's Number.prototype.toString prints it (RFC 8785 3.2.2.3); any
     * other exactly: an integral value as an integer, else plain decimal notation without trailing
     * zeros ({@code 12345678901234567.89}, never the double's {@code 12345678901234568}).
     */
    static String number(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 16383 || stripped.precision() - stripped.scale() > 131072) {
            // Beyond PostgreSQL's numeric, so no jsonb holds it; and written out, 1e-999999999 alone would be a gigabyte.
            throw new IllegalArgumentException("a number beyond what the lake stores: " + value.round(java.math.MathContext.DECIMAL64));
        }
        if (stripped.scale() <= 0) {
            return stripped.toBigIntegerExact().toString();
        }
        double d = value.doubleValue();
        if (Double.isInfinite(d) || d == 0 || new BigDecimal(Double.toString(d)).compareTo(value) != 0) {
            return stripped.toPlainString();
        }
        // Java's Double.toString gives the shortest digits that round-trip (JDK 19+), as ECMAScript does;
        // only the layout differs.
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // the decimal point's position: value = 0.digits × 10^n
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int e = n - 1;
            out.append('e').append(e < 0 ? "-" : "+").append(Math.abs(e));
        }
        return out.toString();
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
