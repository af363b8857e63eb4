package uz.aqlli.datalake.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uz.aqlli.datalake.messaging.PlatformEventConsumer;
import uz.aqlli.datalake.service.EventLake;
import uz.aqlli.platform.runtime.consumer.EventDelivery;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fresh lake from Kafka alone: every partition of every domain topic read from its first
 * retained record to the end it had when the rebuild started, through the live consumer's rule
 * ({@link EventDelivery#accepts}: what the live lake dead-letters is left out here too, an unknown
 * type is kept flagged), each CloudEvents id once (its first record), streamed into the lake's layout
 * a bounded batch at a time ({@code rebuild-batch-events}: one Parquet file per topic, month and batch),
 * as a job on a thread of its own (the HTTP request only starts it). The domain topics keep every record (retention -1), so
 * this is the whole history. lake_seq in the rebuilt files is the replay's order, not the live one.
 */
@ApplicationScoped
public class LakeRebuild {

    private static final Logger LOG = Logger.getLogger(LakeRebuild.class);

    private final EventDelivery delivery;
    private final PlatformEventConsumer consumer;
    private final ObjectMapper json;
    private final String bootstrapServers;
    private final Pattern domainTopics;
    private final LakeConfig config;
    private final LakeEngine engine;
    private final Map<String, Object> kafkaConfig;
    private final Config serviceConfig;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "datalake-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    LakeRebuild(EventDelivery delivery, PlatformEventConsumer consumer, ObjectMapper json, LakeConfig config, LakeEngine engine,
                @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Config serviceConfig,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                @ConfigProperty(name = "mp.messaging.incoming.platform-events.topic") String domainTopics) {
        this.kafkaConfig = kafkaConfig;
        this.serviceConfig = serviceConfig;
        this.delivery = delivery;
        this.consumer = consumer;
        this.json = json;
        this.config = config;
        this.engine = engine;
        this.bootstrapServers = bootstrapServers;
        this.domainTopics = Pattern.compile(domainTopics);
    }

    /** Where a rebuild started now writes: beside the lake, never inside it (the lake's sweep owns that folder). */
    public Path newFolder() {
        Path lake = config.lakePath().toAbsolutePath().normalize();
        return lake.resolveSibling(lake.getFileName() + "-rebuilt").resolve(
                OffsetDateTime.now(ZoneOffset.UTC).toString().replace(':', '-'));
    }

    /** Starts a rebuild into a new folder on the rebuild's own thread (one at a time, the rest wait); the job, to watch. */
    public Job start() {
        Job job = new Job(UUID.randomUUID().toString(), newFolder().toString());
        jobs.put(job.id, job);
        worker.execute(() -> {
            job.state = "RUNNING";
            try {
                job.outcome = rebuild(Path.of(job.folder), job);
                job.state = "DONE";
            } catch (RuntimeException e) {
                LOG.warnf(e, "Rebuilding the lake into %s failed", job.folder);
                job.failure = e.getMessage();
                job.state = "FAILED";
            } finally {
                job.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
            }
        });
        return job;
    }

    /** A rebuild started since this process started. */
    public Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    void stop(@Observes ShutdownEvent stopping) {
        worker.shutdownNow();
    }

    /** Rebuilds the lake into {@code folder} (made, must be empty); what it holds. */
    public Rebuilt rebuild(Path folder) {
        return rebuild(folder, new Job(UUID.randomUUID().toString(), folder.toString()));
    }

    private Rebuilt rebuild(Path folder, Job progress) {
        try {
            Files.createDirectories(folder);
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(folder + " is not empty");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Records are written a batch at a time; only the ids read so far stay in memory, to keep each event's first record.
        List<LakeEvent> batch = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long records = 0;
        long refused = 0;
        long unknown = 0;
        long files = 0;
        try (var kafka = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = kafka.listTopics(Duration.ofSeconds(30)).entrySet().stream()
                    .filter(topic -> domainTopics.matcher(topic.getKey()).matches())
                    .flatMap(topic -> topic.getValue().stream().map(info -> new TopicPartition(info.topic(), info.partition())))
                    .sorted(Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition))
                    .toList();
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, Duration.ofSeconds(30));
            Set<TopicPartition> reading = new HashSet<>();
            for (TopicPartition partition : partitions) {
                if (kafka.position(partition, Duration.ofSeconds(30)) < ends.get(partition)) {
                    reading.add(partition);
                }
            }
            while (!reading.isEmpty()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("the rebuild was stopped (the service is stopping)");
                }
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue; // came after the rebuild began: the live lake has it, this snapshot does not
                    }
                    records++;
                    LakeEvent event;
                    try {
                        event = read(record, seen.size() + 1L);
                    } catch (MalformedEventException e) {
                        refused++;
                        continue;
                    }
                    if (event != null && seen.add(event.eventId())) {
                        batch.add(event);
                        unknown += event.known() ? 0 : 1;
                    }
                    if (batch.size() >= config.rebuildBatchEvents()) {
                        files += flush(folder, batch);
                    }
                }
                reading.removeIf(partition -> kafka.position(partition) >= ends.get(partition));
                progress.records = records;
                progress.events = seen.size();
            }
        }
        files += flush(folder, batch);
        progress.records = records;
        progress.events = seen.size();
        LOG.infof("Lake rebuilt from Kafka into %s: %d records, %d events (%d of unknown types), %d refused, %d files",
                folder, records, seen.size(), unknown, refused, files);
        return new Rebuilt(folder.toString(), records, seen.size(), unknown, refused, files);
    }

    /** Writes a batch as one file per topic and month, named by its range of the replay's order; the files written. */
    private long flush(Path folder, List<LakeEvent> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        long written = ParquetFiles.write(engine, folder, batch, LakeFile::sealedName, batch.getFirst().seq(), batch.getLast().seq(),
                false).size();
        batch.clear();
        return written;
    }

    /**
     * The rebuild's consumer settings: the service's Kafka configuration ({@code kafka.*}, then the
     * SmallRye connector's and the live channel's), so that its security (SASL, TLS) and tuning apply
     * to the rebuild as to the live consumer; then what a replay needs (no group, nothing committed).
     */
    public Map<String, Object> consumerConfig() {
        Set<String> consumerSettings = ConsumerConfig.configNames();
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((name, value) -> {
            if (consumerSettings.contains(name)) {
                settings.put(name, value);
            }
        });
        for (String prefix : List.of("mp.messaging.connector.smallrye-kafka.", "mp.messaging.incoming.platform-events.")) {
            for (String name : serviceConfig.getPropertyNames()) {
                if (name.startsWith(prefix) && consumerSettings.contains(name.substring(prefix.length()))) {
                    serviceConfig.getOptionalValue(name, String.class).ifPresent(value -> settings.put(name.substring(prefix.length()), value));
                }
            }
        }
        settings.putIfAbsent(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "datalake-rebuild");
        settings.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        settings.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        return settings;
    }

    /** A rebuild's progress and, once over, its outcome ({@code QUEUED}, {@code RUNNING}, {@code DONE}, {@code FAILED}). */
    public static final class Job {
        public final String id;
        public final String folder;
        public final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        public volatile String state = "QUEUED";
        public volatile long records;
        public volatile long events;
        public volatile OffsetDateTime finishedAt;
        public volatile Rebuilt outcome;
        public volatile String failure;

        Job(String id, String folder) {
            this.id = id;
            this.folder = folder;
        }
    }

    /** The record as the live lake would store it; null when the live consumer passes it over. */
    private LakeEvent read(ConsumerRecord<String, byte[]> record, long seq) {
        EventDelivery.Accepted accepted = delivery.accepts(consumer.subscription(), record);
        if (accepted == null) {
            return null;
        }
        var envelope = accepted.envelope();
        return new LakeEvent(seq, envelope.id(), envelope.type(), envelope.source(), envelope.subject(), LakeEvent.kept(envelope.time()),
                record.topic(), record.partition(), record.offset(), EventLake.payload(json, envelope), accepted.known(),
                OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC));
    }

    /**
     * @param records every record read; {@code refused} of them are what the live lake dead-letters
     * @param unknownEvents events of a type or topic this build does not know, kept flagged
     */
    public record Rebuilt(String folder, long records, long events, long unknownEvents, long refused, long files) {
    }
}
