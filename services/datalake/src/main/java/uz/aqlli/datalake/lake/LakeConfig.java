package uz.aqlli.datalake.lake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

/** Where the lake's Parquet files live and how often they are sealed and compacted ({@code aqlli.datalake.*}). */
@ConfigMapping(prefix = "aqlli.datalake")
public interface LakeConfig {

    /**
     * The lake's root folder (Hive layout below it). The launcher passes {@code <AQLLI_HOME>/lake};
     * alone, the default is {@code .aqlli/lake} under the working folder.
     */
    @WithDefault(".aqlli/lake")
    Path lakePath();

    /** How often the hot rows are sealed into files ({@code off} to seal only on request). */
    @WithDefault("5s")
    String sealEvery();

    /** The most events one seal takes; a backlog is sealed in several ranges. */
    @WithDefault("200000")
    int sealMaxEvents();

    /** How often partitions with small files are compacted ({@code off}: only on request). */
    @WithDefault("1m")
    String compactEvery();

    /** A partition is compacted once it has this many files. */
    @WithDefault("8")
    int compactAtFiles();

    /**
     * How long a file that compaction replaced stays on disk: longer than any query over the lake
     * takes, so a reader holding the manifest from before the compaction still finds it.
     */
    @WithDefault("5m")
    Duration removedFilesKept();

    /**
     * The most memory the lake's in-process DuckDB takes, every query, seal and compaction together
     * (DuckDB's {@code memory_limit}; beyond it, it spills to disk or refuses the query).
     */
    @WithDefault("512MB")
    String duckdbMemoryLimit();

    /** The most events a rebuild from Kafka holds before writing them out (its memory is this batch and the ids read). */
    @WithDefault("50000")
    int rebuildBatchEvents();

    /** The threads DuckDB runs a query on (two cores are shared by the whole platform here). */
    @WithDefault("2")
    int duckdbThreads();
}
