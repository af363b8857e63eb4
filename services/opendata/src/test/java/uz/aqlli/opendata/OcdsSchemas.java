package uz.aqlli.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The official OCDS 1.1.5 schemas (draft-04) from src/test/resources/ocds, with the bids extension's official patch
 * applied, every {@code $ref} resolved to those copies: a reference the copies do not hold fails
 * instead of going to the network.
 */
public final class OcdsSchemas {

    private static final String BASE = "https://standard.open-contracting.org/schema/1__1__5/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema RELEASE;
    private static final JsonSchema RELEASE_PACKAGE;
    private static final JsonSchema RECORD_PACKAGE;

    static {
        ObjectNode release = (ObjectNode) read("release-schema.json");
        mergePatch(release, (ObjectNode) read("ocds_bid_extension-release-schema.json"));
        Map<String, String> schemas = Map.of(
                BASE + "release-schema.json", release.toString(),
                BASE + "release-package-schema.json", read("release-package-schema.json").toString(),
                BASE + "record-package-schema.json", read("record-package-schema.json").toString(),
                // The platform publishes no versioned releases: a record that had one fails.
                BASE + "versioned-release-validation-schema.json", "{\"not\": {}}");
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(schemas)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        RELEASE = factory.getSchema(SchemaLocation.of(BASE + "release-schema.json"), config);
        RELEASE_PACKAGE = factory.getSchema(SchemaLocation.of(BASE + "release-package-schema.json"), config);
        RECORD_PACKAGE = factory.getSchema(SchemaLocation.of(BASE + "record-package-schema.json"), config);
    }

    private OcdsSchemas() {
    }

    public static void release(JsonNode release) {
        check("release " + release.path("id").asText(), RELEASE, release);
    }

    /** The package, and each of its releases on its own. */
    public static void releasePackage(JsonNode releasePackage) {
        check("release package " + releasePackage.path("uri").asText(), RELEASE_PACKAGE, releasePackage);
        releasePackage.path("releases").forEach(OcdsSchemas::release);
    }

    /** The package, and each record's releases and compiled release on their own. */
    public static void recordPackage(JsonNode recordPackage) {
        check("record package " + recordPackage.path("uri").asText(), RECORD_PACKAGE, recordPackage);
        for (JsonNode record : recordPackage.path("records")) {
            record.path("releases").forEach(OcdsSchemas::release);
            release(record.path("compiledRelease"));
        }
    }

    public static Set<String> errors(JsonNode release) {
        return RELEASE.validate(release).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    private static void check(String what, JsonSchema schema, JsonNode document) {
        Set<ValidationMessage> errors = schema.validate(document);
        if (!errors.isEmpty()) {
            fail(what + " does not validate against OCDS 1.1.5 (" + errors.size() + " errors): "
                    + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")) + "\n" + document);
        }
    }

    /** RFC 7386: how an OCDS extension's schema patch is applied to the release schema. */
    static void mergePatch(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (field.getValue().isNull()) {
                target.remove(field.getKey());
            } else if (field.getValue().isObject() && existing != null && existing.isObject()) {
                mergePatch((ObjectNode) existing, (ObjectNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private static JsonNode read(String name) {
        try (InputStream in = OcdsSchemas.class.getResourceAsStream("/ocds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + name + " in src/test/resources/ocds");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
