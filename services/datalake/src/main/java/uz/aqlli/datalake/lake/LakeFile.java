package uz.aqlli.datalake.lake;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One Parquet file of the lake, as the manifest ({@code lake_file}) records it.
 *
 * @param path     relative to the lake's root: {@code topic=<topic>/month=<yyyy-mm>/<name>.parquet}
 * @param month    the partition's month (Asia/Tashkent); each row's own day is the file's column {@code date}
 * @param firstSeq the first lake_seq of the range the file was made from (its name says it too)
 */
public record LakeFile(String path, String topic, YearMonth month, long firstSeq, long lastSeq, long events, long bytes,
                       boolean compacted) {

    /**
     * The Hive-style folder of one topic's month. A month, not a day: a figure reads a topic's whole
     * history (the stock figures) or a year of it, and a folder per day made that thousands of files
     * to open; compaction leaves one file per topic and closed month.
     */
    public static String folder(String topic, YearMonth month) {
        return "topic=" + topic + "/month=" + month;
    }

    /** The folder of the month that holds {@code day}. */
    public static String folder(String topic, LocalDate day) {
        return folder(topic, YearMonth.from(day));
    }

    /** Whether the file lies in this layout's folders (not the day folders of a lake written before it). */
    public boolean inMonthLayout() {
        return path.startsWith(folder(topic, month) + "/");
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
