package uz.aqlli.datalake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.datalake.lake.Figure;
import uz.aqlli.datalake.lake.FigureQuery;
import uz.aqlli.datalake.lake.FigureTable;
import uz.aqlli.datalake.lake.LakeFigures;
import uz.aqlli.platform.events.Regions;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The administration's figures over the lake (docs/metrics.md): one table per figure, in JSON, CSV or
 * Parquet. Every table is limited to the caller's region ({@link Caller#regionScope}): a regional
 * administration sees its own, the republic's every region and may filter.
 */
@Path("/figures")
@Tag(name = "Figures", description = "The administration's figures, from the event lake (its Parquet files and the rows not sealed yet)")
public class FigureResource {

    public static final String PARQUET = "application/vnd.apache.parquet";
    public static final String CSV = "text/csv";

    /** The longest period one table covers. */
    static final int MOST_MONTHS = 120;

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DISTRICT = Pattern.compile("\\d{7}");

    private final LakeFigures figures;
    private final Caller caller;

    FigureResource(LakeFigures figures, Caller caller) {
        this.figures = figures;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Caller.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "figures", summary = "The figures and the measures of each")
    public List<Map<String, Object>> list() {
        return Arrays.stream(Figure.values())
                .map(figure -> Map.<String, Object>of("figure", figure.apiName(), "measures", List.copyOf(figure.measures().keySet())))
                .toList();
    }

    @GET
    @Path("/{figure}")
    @RolesAllowed(Caller.ADMIN)
    @Produces({MediaType.APPLICATION_JSON, CSV, PARQUET})
    @Operation(operationId = "figure", summary = "One figure's table: rows by month, region, district, zone, sector or "
            + "category, and totals; JSON, CSV or Parquet by Accept or ?format=")
    public Response figure(@PathParam("figure") String name, @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("region") String region, @QueryParam("district") String district,
                           @QueryParam("groupBy") String groupBy, @QueryParam("format") String format,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Figure figure = Figure.named(name).orElseThrow(() -> ProblemException.invalidField("figure",
                "is none of " + Arrays.stream(Figure.values()).map(Figure::apiName).toList()));
        String type = format(format, accept);
        YearMonth last = to == null ? YearMonth.now(ZoneId.of("Asia/Tashkent")) : month("to", to);
        YearMonth first = from == null ? last.minusMonths(11) : month("from", from);
        if (first.isAfter(last)) {
            throw ProblemException.invalidField("from", "is after to (" + last + ")");
        }
        if (first.plusMonths(MOST_MONTHS).isBefore(last.plusMonths(1))) {
            throw ProblemException.invalidField("to", "the period is longer than " + MOST_MONTHS / 12 + " years");
        }
        if (region != null && !Regions.isRegion(region)) {
            throw ProblemException.invalidField("region", "is not the SOATO code of one of the 14 regions");
        }
        if (district != null && (!DISTRICT.matcher(district).matches() || !Regions.isRegion(district.substring(0, 4)))) {
            throw ProblemException.invalidField("district", "is not the 7-digit SOATO code of a district of one of the 14 regions");
        }
        if (district != null && region != null && !district.startsWith(region)) {
            throw ProblemException.invalidField("district", "does not lie in region " + region);
        }
        FigureQuery.GroupBy grouping = groupBy == null ? FigureQuery.GroupBy.MONTH : FigureQuery.GroupBy.named(groupBy)
                .orElseThrow(() -> ProblemException.invalidField("groupBy", "is none of "
                        + Arrays.stream(FigureQuery.GroupBy.values()).map(FigureQuery.GroupBy::apiName).toList()));
        Optional<String> scope = caller.regionScope(region, "region");
        if (district != null && scope.isPresent() && !district.startsWith(scope.get())) {
            caller.regionScope(district.substring(0, 4), "district");
        }
        FigureQuery query = new FigureQuery(figure, first, last, scope, Optional.ofNullable(district), grouping);
        String file = figure.apiName() + "-" + first + "-" + last + "-by-" + grouping.apiName();
        return switch (type) {
            case CSV -> Response.ok(csv(figures.table(query)), CSV + "; charset=utf-8; header=present")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"").build();
            case PARQUET -> {
                java.nio.file.Path parquet = figures.parquet(query);
                StreamingOutput body = output -> {
                    try {
                        Files.copy(parquet, output);
                    } finally {
                        Files.deleteIfExists(parquet);
                    }
                };
                yield Response.ok(body, PARQUET).header("Content-Disposition", "attachment; filename=\"" + file + ".parquet\"").build();
            }
            default -> Response.ok(figures.table(query), MediaType.APPLICATION_JSON).build();
        };
    }

    /** {@code ?format=} when given, else the first of JSON, CSV, Parquet the Accept header names; JSON by default. */
    private static String format(String format, String accept) {
        if (format != null) {
            return switch (format) {
                case "json" -> MediaType.APPLICATION_JSON;
                case "csv" -> CSV;
                case "parquet" -> PARQUET;
                default -> throw ProblemException.invalidField("format", "is none of json, csv, parquet");
            };
        }
        if (accept != null) {
            for (String wanted : accept.split(",")) {
                String type = wanted.split(";")[0].trim();
                if (type.equals(CSV) || type.equals(PARQUET) || type.equals(MediaType.APPLICATION_JSON)) {
                    return type;
                }
            }
        }
        return MediaType.APPLICATION_JSON;
    }

    private static YearMonth month(String parameter, String value) {
        if (!MONTH.matcher(value).matches()) {
            throw ProblemException.invalidField(parameter, "is not a month as YYYY-MM");
        }
        try {
            YearMonth month = YearMonth.parse(value);
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                throw ProblemException.invalidField(parameter, "is not a month between 2000-01 and 2100-12");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(parameter, "month out of range (01 to 12)");
        }
    }

    /** The table's rows as RFC 4180 CSV: a header row of the columns, CRLF line ends, fields quoted when they must be. */
    static String csv(FigureTable table) {
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", table.columns().stream().map(FigureResource::field).toList())).append("\r\n");
        for (Map<String, Object> row : table.rows()) {
            csv.append(String.join(",", table.columns().stream().map(column -> field(row.get(column))).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
