package uz.aqlli.orders;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import uz.aqlli.platform.runtime.api.PageDepth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-only endpoint (orders has no routes of its own yet) that reads a body, query, path and
 * page parameters the way every service's resources do, so that the runtime's input rules are
 * exercised through the real REST layer.
 */
@Path("/input-probe")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class InputProbe {

    public record Note(@NotNull String title, Map<String, String> text, List<String> tags, Integer count) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Note echo(@Valid @NotNull Note note) {
        return note;
    }

    /** A body type Jackson cannot build (no creator): the server's fault, answered as a problem. */
    public interface Unbuildable {
        String title();
    }

    @POST
    @Path("/unbuildable")
    @Consumes(MediaType.APPLICATION_JSON)
    public String unbuildable(Unbuildable body) {
        return body.title();
    }

    @GET
    public Map<String, Object> read(@QueryParam("q") String q, @QueryParam("flag") Boolean flag) {
        Map<String, Object> read = new HashMap<>();
        read.put("q", q);
        read.put("flag", flag == null ? "absent" : flag);
        return read;
    }

    @GET
    @Path("/pages")
    @PageDepth
    public Map<String, Integer> page(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Map.of("page", page, "size", size);
    }

    @GET
    @Path("/names/{name}")
    public Map<String, String> named(@PathParam("name") String name) {
        return Map.of("name", name);
    }
}
