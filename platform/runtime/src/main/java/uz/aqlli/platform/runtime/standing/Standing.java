package uz.aqlli.platform.runtime.standing;

import java.util.UUID;

/**
 * An organization as the directory's events describe it.
 *
 * @param kind       {@code ENTERPRISE} or {@code PROVIDER}
 * @param regionCode SOATO code of its region, for region-scoped administration
 * @param status     {@code PENDING}, {@code VERIFIED}, {@code REJECTED} or {@code SUSPENDED}
 */
public record Standing(UUID organizationId, String kind, String regionCode, String status) {
}
