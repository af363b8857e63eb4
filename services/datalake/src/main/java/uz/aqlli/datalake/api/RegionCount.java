package uz.aqlli.datalake.api;

/** How many of something one region has. */
public record RegionCount(String regionCode, long count) {
}
