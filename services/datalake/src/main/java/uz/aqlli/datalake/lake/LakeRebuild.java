package uz.aqlli.datalake.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fresh lake from Kafka alone: every partition of every domain topic read from its first
 * retained record to the end it had when the rebuild started, through the live consumer's rule
 * ({@link EventDelivery#accepts}: what the live lake dead-letters is left out here too, an unknown
 * type is kept flagged), each CloudEvents id once (its first record), written as one Parquet file
 * per topic and day in the lake's layout. The domain topics keep every record (retention -1), so
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

    LakeRebuild(EventDelivery delivery, PlatformEventConsumer consumer, ObjectMapper json, LakeConfig config, LakeEngine engine,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                @ConfigProperty(name = "mp.messaging.incoming.platform-events.topic") String domainTopics) {
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

    /** Rebuilds the lake into {@code folder} (made, must be empty); what it holds. */
    public Rebuilt rebuild(Path folder) {
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
        List<LakeEvent> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long records = 0;
        long refused = 0;
        try (var kafka = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.CLIENT_ID_CONFIG, "datalake-rebuild"), new StringDeserializer(), new ByteArrayDeserializer())) {
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
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue; // came after the rebuild began: the live lake has it, this snapshot does not
                    }
                    records++;
                    LakeEvent event;
                    try {
                        event = read(record, events.size() + 1L);
                    } catch (MalformedEventException e) {
                        refused++;
                        continue;
                    }
                    if (event != null && seen.add(event.eventId())) {
                        events.add(event);
                    }
                }
                reading.removeIf(partition -> kafka.position(partition) >= ends.get(partition));
            }
        }
        List<LakeFile> files = events.isEmpty() ? List.of()
                : ParquetFiles.write(engine, folder, events, LakeFile::compactedName, 1, events.size(), true);
        long unknown = events.stream().filter(event -> !event.known()).count();
        LOG.infof("Lake rebuilt from Kafka into %s: %d records, %d events (%d of unknown types), %d refused, %d files",
                folder, records, events.size(), unknown, refused, files.size());
        return new Rebuilt(folder.toString(), records, events.size(), unknown, refused, files.size());
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
