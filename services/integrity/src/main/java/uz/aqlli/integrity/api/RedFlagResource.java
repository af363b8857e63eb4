package uz.aqlli.integrity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.integrity.FlagCode;
import uz.aqlli.integrity.RedFlag;
import uz.aqlli.integrity.RedFlagStatus;
import uz.aqlli.integrity.repository.FlagRepository;
import uz.aqlli.integrity.service.FlagDefinitions;
import uz.aqlli.integrity.service.Reviews;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.api.PageDepth;
import uz.aqlli.platform.runtime.api.PageView;
import uz.aqlli.platform.runtime.problem.InvalidParameterException;
import uz.aqlli.platform.runtime.security.Caller;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The administration's red flags: listed and counted within the caller's region (a republic-level
 * user sees every region), read with their evidence, reviewed and decided. Administration only;
 * a flag of another region is 404.
 */
@Path("/red-flags")
@Tag(name = "Red flags", description = "Integrity red flags raised live from the event stream, and their review")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class RedFlagResource {

    private static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");

    private final FlagRepository flags;
    private final Reviews reviews;
    private final FlagDefinitions definitions;
    private final Caller caller;

    RedFlagResource(FlagRepository flags, Reviews reviews, FlagDefinitions definitions, Caller caller) {
        this.flags = flags;
        this.reviews = reviews;
        this.definitions = definitions;
        this.caller = caller;
    }

    @GET
    @PageDepth
    @Operation(operationId = "listRedFlags", summary = "Flags of the caller's region, newest first, filtered by region, code,"
            + " status, organization, request, contract and the period they were raised in (Tashkent days, to inclusive)")
    public PageView<RedFlagView> list(@QueryParam("regionCode") @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code") String regionCode,
                                      @QueryParam("code") String code,
                                      @QueryParam("status") RedFlagStatus status,
                                      @QueryParam("organizationId") String organizationId,
                                      @QueryParam("requestId") String requestId,
                                      @QueryParam("contractId") String contractId,
                                      @QueryParam("from") String from,
                                      @QueryParam("to") String to,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw new InvalidParameterException("to", "must not be before from");
        }
        var filter = new FlagRepository.Filter(caller.regionScope(regionCode).orElse(null), code(code), status,
                uuid("organizationId", organizationId), fromDay == null ? null : start(fromDay),
                toDay == null ? null : start(toDay.plusDays(1)), uuid("requestId", requestId), uuid("contractId", contractId));
        var listing = flags.list(filter, page, size);
        return new PageView<>(listing.items().stream().map(RedFlagView::of).toList(), page, size, listing.total());
    }

    @GET
    @Path("/counts")
    @Operation(operationId = "countRedFlags", summary = "Flags per code, region and month raised (Tashkent), by where they stand")
    public Counts counts(@QueryParam("regionCode") @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code") String regionCode,
                         @QueryParam("code") String code,
                         @QueryParam("month") String month) {
        YearMonth inMonth = month(month);
        var filter = new FlagRepository.Filter(caller.regionScope(regionCode).orElse(null), code(code), null, null,
                inMonth == null ? null : start(inMonth.atDay(1)), inMonth == null ? null : start(inMonth.plusMonths(1).atDay(1)),
                null, null);
        return new Counts(flags.counts(filter));
    }

    /** @param items one per code, region and month that has a flag */
    public record Counts(List<FlagRepository.Count> items) {
    }

    @GET
    @Path("/definitions")
    @Operation(operationId = "redFlagDefinitions", summary = "Every flag: code, name, definition, whether the code is the OCP"
            + " catalogue's, when its inputs are public, and the thresholds in force")
    public List<FlagDefinitions.Definition> definitions() {
        return definitions.all();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRedFlag", summary = "One flag with its evidence and review; 404 outside the caller's region")
    public Response get(@PathParam("id") UUID id) {
        return tagged(reviews.visible(id));
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reviewRedFlag", summary = "Takes a RAISED flag under review (UNDER_REVIEW), with a note; If-Match")
    public Response review(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ReviewForms.Review form) {
        return tagged(reviews.review(id, ifMatch, form.note().strip()));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideRedFlag", summary = "Decides a flag UNDER_REVIEW: CONFIRMED or DISMISSED, with a note; If-Match")
    public Response decide(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ReviewForms.Decision form) {
        return tagged(reviews.decide(id, ifMatch, form.status(), form.note().strip()));
    }

    private static Response tagged(RedFlag flag) {
        return Response.ok(RedFlagView.of(flag)).header(HttpHeaders.ETAG, EntityTags.of(flag.version())).build();
    }

    private static FlagCode code(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return FlagCode.of(code.strip()).orElseThrow(() -> new InvalidParameterException("code", "must be one of "
                + java.util.Arrays.stream(FlagCode.values()).map(FlagCode::code).toList()));
    }

    private static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, "must be a UUID");
        }
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be a date, yyyy-MM-dd");
        }
    }

    private static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("month", "must be a month, yyyy-MM");
        }
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(TASHKENT).toInstant();
    }
}
