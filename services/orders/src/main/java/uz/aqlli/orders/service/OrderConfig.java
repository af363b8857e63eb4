package uz.aqlli.orders.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;

/** The server's order rules; a client cannot loosen them. */
@ConfigMapping(prefix = "aqlli.orders")
public interface OrderConfig {

    /** How long the buyer has to accept or dispute a delivery before it counts as accepted. */
    @WithDefault("P14D")
    Duration acceptanceWindow();

    /** How long the other party has to answer a dispute before it goes to the administration by itself. */
    @WithDefault("P5D")
    Duration disputeResponseWindow();

    /** How often deliveries past their acceptance window are looked for (read by {@code AcceptanceSweep}'s schedule). */
    @WithDefault("1s")
    String sweepEvery();

    /** How long after a deal's end its parties may rate each other; the ratings are published when it closes. */
    @WithDefault("P14D")
    Duration ratingWindow();

    /** The VAT rate a VAT-registered seller's e-invoice shows, in percent (Uzbekistan's standard rate). */
    @WithDefault("12")
    BigDecimal vatRatePercent();
}
