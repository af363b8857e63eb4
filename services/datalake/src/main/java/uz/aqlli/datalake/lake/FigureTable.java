package uz.aqlli.datalake.lake;

import java.util.List;
import java.util.Map;

/**
 * A figure's table: its rows (the key columns, then the measures, in {@code columns}' order) and the
 * measures over the whole period and place asked for ({@code totals}; for a figure of stock, as of
 * the period's end).
 */
public record FigureTable(String figure, String from, String to, String groupBy, String region, String district,
                          List<String> columns, List<Map<String, Object>> rows, Map<String, Object> totals) {
}
