package uz.aqlli.platform.events;

import java.util.UUID;

/**
 * Every event of a red flag names the flag, its code and the buyer's region, so a consumer (the
 * notifications of the region's administration, the lake's counts) routes it without asking integrity.
 */
public interface RedFlagEvent extends IntegrationEvent {

    UUID flagId();

    /** The flag's code: an OCP catalogue code ({@code R018}) or one of the platform's own ({@code AQ-REPEAT-WINNER}). */
    String code();

    /** SOATO code of the buyer's region: whose administration reviews the flag. */
    String regionCode();

    @Override
    default String aggregateId() {
        return flagId().toString();
    }
}
