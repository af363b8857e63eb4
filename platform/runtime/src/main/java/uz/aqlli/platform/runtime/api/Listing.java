package uz.aqlli.platform.runtime.api;

import java.util.List;

/** One page of results and how many there are in all. */
public record Listing<T>(List<T> items, long total) {
}
