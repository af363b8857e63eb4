package uz.aqlli.opendata.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import uz.aqlli.opendata.OpenDataConfig;
import uz.aqlli.opendata.repository.ProcessRepository;
import uz.aqlli.platform.runtime.problem.InvalidParameterException;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The platform's open data, for everyone: no route here asks for a token, and none writes. Every
 * answer is an OCDS 1.1 release or record package.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class OpenDataResource {

    static final int MAX_PAGE = 1000;
    static final int MAX_RECORD_PAGE = 100;
    private static final int BULK_FETCH = 200;

    private final ProcessRepository processes;
    private final Packages packages;
    private final ObjectMapper json;
    private final AgroalDataSource dataSource;
    private final OpenDataConfig config;

    OpenDataResource(ProcessRepository processes, Packages packages, ObjectMapper json, AgroalDataSource dataSource,
                     OpenDataConfig config) {
        this.processes = processes;
        this.packages = packages;
        this.json = json;
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The record package of one contracting process: every release and the compiled release. */
    @GET
    @Path("records/{ocid}")
    public ObjectNode record(@PathParam("ocid") String ocid, @Context UriInfo uri) {
        var published = processes.published(ocid).orElseThrow(() -> unknown(ocid));
        ObjectNode recordPackage = packages.metadata(uri, last(published.releases()));
        ObjectNode record = recordPackage.putArray("records").addObject();
        record.put("ocid", ocid);
        ArrayNode releases = record.putArray("releases");
        published.releases().forEach(entry -> releases.add(tree(entry.body())));
        record.set("compiledRelease", published.compiled());
        return recordPackage;
    }

    /**
     * Every record, a page at a time, in the order of each record's newest release ({@code since}: whose
     * newest release was published then or later; {@code cursor} from the previous page's
     * {@code links.next}; {@code limit} up to 100, as each record carries all its releases). No content
     * when no record matches: an OCDS record package holds at least one record, and links.next never
     * leads to an empty page.
     */
    @GET
    @Path("records")
    public Response records(@QueryParam("since") String since, @QueryParam("cursor") String cursor,
                            @QueryParam("limit") String limit, @Context UriInfo uri) {
        Instant from = since == null ? null : instant(since);
        long after = cursor == null ? 0 : position(cursor);
        int size = limit == null ? Math.min(config.pageSize(), MAX_RECORD_PAGE) : size(limit, MAX_RECORD_PAGE);
        List<ProcessRepository.RecordEntry> page = processes.recordPage(from, after, size + 1);
        boolean more = page.size() > size;
        List<ProcessRepository.RecordEntry> shown = more ? page.subList(0, size) : page;
        if (shown.isEmpty()) {
            return Response.noContent().build();
        }
        ObjectNode recordPackage = packages.metadata(uri, shown.get(shown.size() - 1).publishedAt());
        ArrayNode records = recordPackage.putArray("records");
        for (ProcessRepository.RecordEntry entry : shown) {
            ObjectNode record = records.addObject();
            record.put("ocid", entry.ocid());
            ArrayNode releases = record.putArray("releases");
            entry.releases().forEach(body -> releases.add(tree(body)));
            record.set("compiledRelease", tree(entry.compiled()));
        }
        if (more) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", shown.get(shown.size() - 1).sequence())
                    .build().toString();
            recordPackage.putObject("links").put("next", next);
        }
        return Response.ok(recordPackage, MediaType.APPLICATION_JSON).build();
    }

    /**
     * With {@code ocid}: the release package of that process's releases. Without: every release in
     * publication order, a page at a time ({@code since} an ISO-8601 date or date-time, {@code cursor}
     * from the previous page's {@code links.next}, {@code limit} up to 1000); no content when no release
     * matches, as an OCDS release package holds one release at least.
     */
    @GET
    @Path("releases")
    public Response releases(@QueryParam("ocid") String ocid, @QueryParam("since") String since,
                               @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        if (ocid != null) {
            if (since != null || cursor != null || limit != null) {
                String extra = since != null ? "since" : cursor != null ? "cursor" : "limit";
                throw new InvalidParameterException(extra, "is not taken with ocid: a process's releases come in one package");
            }
            var published = processes.published(ocid).orElseThrow(() -> unknown(ocid));
            ObjectNode releasePackage = packages.metadata(uri, last(published.releases()));
            ArrayNode releases = releasePackage.putArray("releases");
            published.releases().forEach(entry -> releases.add(tree(entry.body())));
            return Response.ok(releasePackage, MediaType.APPLICATION_JSON).build();
        }
        Instant from = since == null ? null : instant(since);
        long after = cursor == null ? 0 : position(cursor);
        int size = limit == null ? config.pageSize() : size(limit, MAX_PAGE);
        List<ProcessRepository.PageEntry> page = processes.page(from, after, size + 1);
        boolean more = page.size() > size;
        List<ProcessRepository.PageEntry> shown = more ? page.subList(0, size) : page;
        if (shown.isEmpty()) {
            return Response.noContent().build();
        }
        ObjectNode releasePackage = packages.metadata(uri, last(shown));
        ArrayNode releases = releasePackage.putArray("releases");
        shown.forEach(entry -> releases.add(tree(entry.body())));
        if (more) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", shown.get(shown.size() - 1).sequence())
                    .build().toString();
            releasePackage.putObject("links").put("next", next);
        }
        return Response.ok(releasePackage, MediaType.APPLICATION_JSON).build();
    }

    /** Every release of the platform as one release package, streamed from the database as it is read; no content before the first. */
    @GET
    @Path("bulk/releases.json")
    public Response bulkPackage(@Context UriInfo uri) {
        Instant lastPublished = processes.lastPublished();
        if (lastPublished == null) {
            return Response.noContent().build();
        }
        ObjectNode metadata = packages.metadata(uri, lastPublished);
        StreamingOutput body = output -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(output)) {
                generator.writeStartObject();
                packages.writeFields(generator, metadata);
                generator.writeFieldName("releases");
                generator.writeStartArray();
                eachRelease(text -> {
                    try {
                        generator.writeRawValue(text);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                generator.writeEndArray();
                generator.writeEndObject();
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    /** Every release of the platform, one JSON release a line (JSON Lines), streamed. */
    @GET
    @Path("bulk/releases.jsonl")
    @Produces("application/jsonl")
    public Response bulkLines() {
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            eachRelease(text -> {
                try {
                    writer.write(text);
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return Response.ok(body, "application/jsonl").build();
    }

    /** Every record of the platform as one record package, streamed from the database as it is read; no content before the first. */
    @GET
    @Path("bulk/records.json")
    public Response bulkRecordPackage(@Context UriInfo uri) {
        if (!processes.anyRecord()) {
            return Response.noContent().build();
        }
        ObjectNode metadata = packages.metadata(uri, processes.lastPublished());
        StreamingOutput body = output -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(output)) {
                generator.writeStartObject();
                packages.writeFields(generator, metadata);
                generator.writeFieldName("records");
                generator.writeStartArray();
                eachRecord(generator, () -> {
                });
                generator.writeEndArray();
                generator.writeEndObject();
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    /** Every record of the platform, one JSON record a line (JSON Lines), streamed. */
    @GET
    @Path("bulk/records.jsonl")
    @Produces("application/jsonl")
    public Response bulkRecordLines() {
        StreamingOutput body = output -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(output)) {
                // One record a line: the generator's root separator would be a space.
                generator.setRootValueSeparator(null);
                eachRecord(generator, () -> {
                    try {
                        generator.writeRaw('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
        return Response.ok(body, "application/jsonl").build();
    }

    /** The publication policy the packages point to: docs/open-data.md as the build took it. */
    @GET
    @Path("publication-policy")
    @Produces("text/markdown; charset=utf-8")
    public Response publicationPolicy() {
        InputStream policy = Thread.currentThread().getContextClassLoader().getResourceAsStream("publication-policy/open-data.md");
        if (policy == null) {
            throw ProblemException.notFound("publication policy");
        }
        StreamingOutput body = output -> {
            try (policy) {
                policy.transferTo(output);
            }
        };
        return Response.ok(body, "text/markdown; charset=utf-8").build();
    }

    /**
     * Reads the releases in publication order through a server-side cursor (a fetch size inside a
     * transaction), so the bulk file never sits in memory whole, however many releases there are.
     */
    private void eachRelease(java.util.function.Consumer<String> sink) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(
                    "select cast(body as text) from ocds_release order by sequence_no")) {
                statement.setFetchSize(BULK_FETCH);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(rows.getString(1));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("bulk releases could not be read", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Writes every record (ocid, releases, compiled release) in the order of its newest release, from one
     * query in one snapshot through a server-side cursor: each process's releases come in publication
     * order, and its last row (its newest release) carries the compiled release that closes the record.
     */
    private void eachRecord(JsonGenerator generator, Runnable afterRecord) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement("""
                    select p.ocid, cast(r.body as text),
                           case when r.sequence_no = p.last_release_seq then cast(p.compiled_release as text) end
                    from contracting_process p
                    join ocds_release r on r.ocid = p.ocid and r.sequence_no <= p.last_release_seq
                    where p.compiled_release is not null
                    order by p.last_release_seq, r.sequence_no""")) {
                statement.setFetchSize(BULK_FETCH);
                try (ResultSet rows = statement.executeQuery()) {
                    String open = null;
                    while (rows.next()) {
                        String ocid = rows.getString(1);
                        if (!ocid.equals(open)) {
                            generator.writeStartObject();
                            generator.writeStringField("ocid", ocid);
                            generator.writeFieldName("releases");
                            generator.writeStartArray();
                            open = ocid;
                        }
                        generator.writeRawValue(rows.getString(2));
                        String compiled = rows.getString(3);
                        if (compiled != null) {
                            generator.writeEndArray();
                            generator.writeFieldName("compiledRelease");
                            generator.writeRawValue(compiled);
                            generator.writeEndObject();
                            afterRecord.run();
                            open = null;
                        }
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("bulk records could not be read", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Instant last(List<ProcessRepository.PageEntry> entries) {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).publishedAt();
    }

    private ObjectNode tree(String body) {
        try {
            return (ObjectNode) json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException unknown(String ocid) {
        return ProblemException.notFound("contracting process " + ocid);
    }

    private static Instant instant(String since) {
        try {
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new InvalidParameterException("since", "must be an ISO-8601 date (2026-12-01) or date-time with offset (2026-12-01T09:00:00Z)");
            }
        }
    }

    private static long position(String cursor) {
        try {
            long position = Long.parseLong(cursor);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // the same answer as a negative one
        }
        throw new InvalidParameterException("cursor", "must be the cursor of a previous page's links.next");
    }

    private static int size(String limit, int max) {
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= max) {
                return size;
            }
        } catch (NumberFormatException e) {
            // the same answer as one out of range
        }
        throw new InvalidParameterException("limit", "must be a whole number from 1 to " + max);
    }
}
