package uz.aqlli.platform.events;

import java.time.OffsetDateTime;

/**
 * The CloudEvents 1.0 attributes every event carries, as they arrive at a consumer.
 *
 * <p>On Kafka the envelope travels in binary mode: the attributes are the {@code ce_*} record
 * headers and {@link #data()} is the JSON record value.
 *
 * @param id      unique per event; consumers use it to skip duplicates
 * @param type    the payload's record name, e.g. {@code OrganizationRegistered}
 * @param source  the producing service, e.g. {@code /aqlli/catalog}
 * @param time    when the change was committed
 * @param subject the aggregate id (same as the record key)
 * @param data    the payload as JSON
 */
public record EventEnvelope(String id, String type, String source, OffsetDateTime time, String subject, byte[] data) {
}
