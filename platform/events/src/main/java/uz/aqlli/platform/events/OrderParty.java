package uz.aqlli.platform.events;

import java.util.UUID;

/**
 * One side of an order as the data lake counts it: the organization and where it sits (SOATO region
 * and district, and the special zone, technopark or cluster it belongs to, if any).
 *
 * @param zoneType a {@link ZoneType} name
 * @param zoneName the zone, technopark or cluster by name; {@code null} for {@code NONE}
 */
public record OrderParty(UUID organizationId, String regionCode, String districtCode, String zoneType, String zoneName) {
}
