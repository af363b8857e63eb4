package uz.aqlli.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import uz.aqlli.platform.events.Topic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Apache Kafka broker in KRaft mode (one node that is broker and controller), in its own JVM.
 *
 * <p>Its log directory is formatted once and reused, so topics and committed offsets survive a restart.
 */
public final class KafkaBroker implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private KafkaBroker(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A handle on a broker that someone else started and stops: closing it leaves the broker running. */
    public static KafkaBroker attach(int port) {
        return new KafkaBroker(null, port);
    }

    /**
     * @param libDir  the broker's jars (deploy/kafka-broker/target/lib)
     * @param dataDir holds server.properties and the log directory
     */
    public static KafkaBroker start(Path libDir, Path dataDir, int port, int controllerPort, Path logFile) {
        if (!Files.isDirectory(libDir)) {
            throw new LaunchException("the Kafka broker is not built (" + libDir + " is missing); run ./mvnw package -DskipTests");
        }
        Path logDirs = dataDir.resolve("logs");
        Path config = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(logDirs);
            Files.writeString(config, """
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                    listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                    advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                    controller.listener.names=CONTROLLER
                    inter.broker.listener.name=PLAINTEXT
                    listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                    log.dirs=%3$s
                    # topics are created by the launcher, with the partitions the services need (Topic)
                    auto.create.topics.enable=false
                    num.partitions=1
                    offsets.topic.replication.factor=1
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    share.coordinator.state.topic.replication.factor=1
                    share.coordinator.state.topic.min.isr=1
                    group.initial.rebalance.delay.ms=0
                    """.formatted(port, controllerPort, logDirs.toAbsolutePath()));
        } catch (IOException e) {
            throw new LaunchException("cannot write the Kafka configuration in " + dataDir + ": " + e.getMessage(), e);
        }
        String classpath = libDir.toAbsolutePath() + "/*";
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            ManagedProcess.runToCompletion("Kafka storage format", List.of(Java.executable(), "-cp", classpath,
                            "kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(),
                            "-c", config.toAbsolutePath().toString()),
                    Map.of(), dataDir, logFile, Duration.ofMinutes(2));
        }
        ManagedProcess broker = ManagedProcess.start("Kafka", List.of(Java.executable(),
                        "-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-Dorg.slf4j.simpleLogger.showDateTime=true",
                        "-cp", classpath, "kafka.Kafka", config.toAbsolutePath().toString()),
                Map.of(), dataDir, logFile);
        KafkaBroker kafka = new KafkaBroker(broker, port);
        try {
            broker.awaitReady(kafka::answers, Duration.ofMinutes(2));
        } catch (LaunchException e) {
            broker.close();
            throw e;
        }
        return kafka;
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<Topic> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.topicName()))
                    .map(topic -> new NewTopic(topic.topicName(), topic.partitions(), (short) 1).configs(retention(topic)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            // A topic made by an earlier run, before it kept its records, keeps them from now on.
            Map<ConfigResource, Collection<AlterConfigOp>> kept = topics.stream()
                    .filter(topic -> existing.contains(topic.topicName()) && !topic.eventTypes().isEmpty())
                    .collect(Collectors.toMap(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()),
                            topic -> retention(topic).entrySet().stream()
                                    .map(entry -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()), AlterConfigOp.OpType.SET))
                                    .toList()));
            if (!kept.isEmpty()) {
                admin.incrementalAlterConfigs(kept).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new LaunchException("cannot create Kafka topics: " + e.getMessage(), e);
        }
    }

    /**
     * A domain topic keeps every record forever (no time or size limit), so the data lake can be
     * rebuilt from Kafka alone (issue 14); a dead-letter topic keeps the broker's default.
     */
    static Map<String, String> retention(Topic topic) {
        return topic.eventTypes().isEmpty() ? Map.of() : Map.of("retention.ms", "-1", "retention.bytes", "-1");
    }

    private boolean answers() {
        // Asking an admin client before the port is open makes it log a warning per retry.
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
        } catch (java.io.IOException e) {
            return false;
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
