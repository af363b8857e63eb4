package uz.aqlli.opendata;

import java.util.UUID;

/** A directory organization as a party of a contracting process names it; the name and STIR are null until the directory told them. */
public record Organization(UUID id, String legalName, String stir, String regionCode, String address) {
}
