package uz.aqlli.offers.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The server's tender rules; a buyer's request cannot loosen them. */
@ConfigMapping(prefix = "aqlli.offers.tender")
public interface TenderConfig {

    /** The shortest time between publishing a request and its deadline, so every provider has time to bid. */
    @WithDefault("P5D")
    Duration minimumPeriod();

    /** The longest tender period accepted. */
    @WithDefault("P180D")
    Duration maximumPeriod();

    /** How often open requests past their deadline are looked for (read by {@code Tendering.closeDue}'s schedule). */
    @WithDefault("1s")
    String sweepEvery();
}
