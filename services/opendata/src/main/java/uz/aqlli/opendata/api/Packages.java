package uz.aqlli.opendata.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import uz.aqlli.opendata.ContractingProcess;
import uz.aqlli.opendata.OpenDataConfig;

import java.io.IOException;
import java.time.Instant;

/** What every release and record package says before its releases or records: uri, publisher, license, policy, version. */
@ApplicationScoped
public class Packages {

    private final OpenDataConfig config;
    private final ObjectMapper json;

    Packages(OpenDataConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /**
     * The package's metadata; {@code publishedDate} is when its newest content was published (OCDS: a
     * package made on demand is dated by its contents, not by the request).
     */
    public ObjectNode metadata(UriInfo uri, Instant publishedDate) {
        ObjectNode metadata = json.createObjectNode();
        metadata.put("uri", uri.getRequestUri().toString());
        metadata.put("version", "1.1");
        metadata.putArray("extensions").add(ContractingProcess.BIDS_EXTENSION);
        metadata.put("publishedDate", (publishedDate == null ? Instant.EPOCH : publishedDate).toString());
        ObjectNode publisher = metadata.putObject("publisher");
        publisher.put("name", config.publisher().name());
        config.publisher().uid().ifPresent(uid -> {
            publisher.put("scheme", config.identifierScheme());
            publisher.put("uid", uid);
        });
        config.publisher().uri().ifPresent(address -> publisher.put("uri", address));
        metadata.put("license", config.license());
        metadata.put("publicationPolicy", config.publicationPolicy()
                .orElseGet(() -> uri.getBaseUriBuilder().path("publication-policy").build().toString()));
        return metadata;
    }

    /** Writes the metadata's fields into an object {@code generator} has opened. */
    public void writeFields(JsonGenerator generator, ObjectNode metadata) throws IOException {
        var fields = metadata.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            generator.writeFieldName(field.getKey());
            json.writeTree(generator, field.getValue());
        }
    }
}
