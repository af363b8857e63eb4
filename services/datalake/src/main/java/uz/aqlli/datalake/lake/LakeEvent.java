package uz.aqlli.datalake.lake;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * One event as the lake files hold it: the CloudEvents envelope, where it was on Kafka, and the
 * payload as its producer wrote it.
 *
 * @param seq   the lake's order of arrival (raw_event.lake_seq); in a lake rebuilt from Kafka, the
 *              order of the replay
 * @param known false for a type or topic this build has no record for
 */
public record LakeEvent(long seq, String eventId, String eventType, String source, String subject, OffsetDateTime time,
                        String topic, int partition, long offset, String payload, boolean known, OffsetDateTime receivedAt) {

    /**
     * Months (the partitions) and days (each row's date) are Tashkent's, the market's own (UTC+5, no
     * summer time): a month's figures then read whole months' folders, never a neighbour's first five hours.
     */
    public static final ZoneId EVENT_DAY_ZONE = ZoneId.of("Asia/Tashkent");

    /**
     * A time as the lake keeps it: to the microsecond, the precision of PostgreSQL and of Parquet's
     * timestamps, cut the same way on every path (PostgreSQL would round, DuckDB cut).
     */
    public static OffsetDateTime kept(OffsetDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    /** The event's day: of its CloudEvents time, or of its arrival when the producer sent none. */
    public LocalDate eventDate() {
        return (time != null ? time : receivedAt).atZoneSameInstant(EVENT_DAY_ZONE).toLocalDate();
    }
}
