package uz.aqlli.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The OCDS merge rules that turn a process's releases, in date order, into its compiled release: an
 * object is merged field by field, a later value replaces an earlier one and {@code null} removes it;
 * an array of objects that all have an {@code id} is merged item by item by that id (a new id is
 * appended); any other array (tags, roles) is replaced whole. Releases are folded one at a time, so
 * the compiled release is kept up to date with each new release instead of rebuilt from all of them.
 */
public final class OcdsMerge {

    private OcdsMerge() {
    }

    /** {@code compiled} (null before the first release) with {@code release} merged in, as a new compiled release. */
    public static ObjectNode fold(ObjectNode compiled, ObjectNode release) {
        ObjectNode result = compiled == null ? JsonNodeFactory.instance.objectNode() : compiled.deepCopy();
        mergeObject(result, release);
        String ocid = release.path("ocid").asText();
        String date = release.path("date").asText();
        result.put("id", ocid + "-" + date);
        result.put("date", date);
        result.set("tag", JsonNodeFactory.instance.arrayNode().add("compiled"));
        return result;
    }

    private static void mergeObject(ObjectNode target, ObjectNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject()) {
                JsonNode existing = target.get(name);
                ObjectNode into = existing != null && existing.isObject() ? (ObjectNode) existing : target.putObject(name);
                mergeObject(into, (ObjectNode) value);
            } else if (value.isArray() && identified((ArrayNode) value)) {
                JsonNode existing = target.get(name);
                ArrayNode into = existing != null && existing.isArray() && identified((ArrayNode) existing)
                        ? (ArrayNode) existing : target.putArray(name);
                mergeById(into, (ArrayNode) value);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeById(ArrayNode target, ArrayNode source) {
        for (JsonNode item : source) {
            String id = item.get("id").asText();
            ObjectNode match = null;
            for (JsonNode candidate : target) {
                if (candidate.get("id").asText().equals(id)) {
                    match = (ObjectNode) candidate;
                    break;
                }
            }
            if (match == null) {
                match = target.addObject();
            }
            mergeObject(match, (ObjectNode) item);
        }
    }

    /** Whether every item is an object with an id (an empty array is replaced, as it identifies nothing). */
    private static boolean identified(ArrayNode array) {
        if (array.isEmpty()) {
            return false;
        }
        for (JsonNode item : array) {
            if (!item.isObject() || !item.hasNonNull("id")) {
                return false;
            }
        }
        return true;
    }
}
