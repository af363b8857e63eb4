package uz.aqlli.datalake.lake;

import java.time.LocalDate;

/**
 * One Parquet file of the lake, as the manifest ({@code lake_file}) records it.
 *
 * @param path     relative to the lake's root: {@code topic=<topic>/date=<yyyy-mm-dd>/<name>.parquet}
 * @param firstSeq the first lake_seq of the range the file was made from (its name says it too)
 */
public record LakeFile(String path, String topic, LocalDate eventDate, long firstSeq, long lastSeq, long events, long bytes,
                       boolean compacted) {

    /** The Hive-style folder of one topic's day. */
    public static String folder(String topic, LocalDate eventDate) {
        return "topic=" + topic + "/date=" + eventDate;
    }

    /**
     * A sealed range's file: its name comes from the range alone, so a seal redone after a crash
     * writes the same names again instead of leaving a second copy beside the first.
     */
    public static String sealedName(long firstSeq, long lastSeq) {
        return "sealed-%019d-%019d.parquet".formatted(firstSeq, lastSeq);
    }

    /** A compaction's file, named by the ranges it merged (disjoint from every other file's). */
    public static String compactedName(long firstSeq, long lastSeq) {
        return "compacted-%019d-%019d.parquet".formatted(firstSeq, lastSeq);
    }
}
