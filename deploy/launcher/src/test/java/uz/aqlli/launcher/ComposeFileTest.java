package uz.aqlli.launcher;

import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Topic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml creates its topics from a list written by hand (the launcher creates them from
 * {@link Topic}); a topic added to the platform and not to that list would not exist under compose,
 * where brokers never create topics on first use.
 */
class ComposeFileTest {

    private static final Path REPO = Path.of(System.getProperty("aqlli.repo", "../.."));
    private static final Pattern TOPIC_WITH_PARTITIONS = Pattern.compile("(aqlli\\.[a-z-]+\\.[a-z-]+):(\\d+)");

    @Test
    void composeCreatesEveryTopicOfThePlatformWithItsPartitions() throws IOException {
        String compose = Files.readString(REPO.resolve("docker-compose.yml"));
        Matcher listed = TOPIC_WITH_PARTITIONS.matcher(compose);
        List<String> inCompose = listed.results().map(m -> m.group(1) + ":" + m.group(2)).sorted().toList();
        List<String> platform = Arrays.stream(Topic.values()).map(t -> t.topicName() + ":" + t.partitions()).sorted().toList();
        assertEquals(platform, inCompose);
    }

    @Test
    void composeRunsEveryApplicationOfThePlatformWithItsDatabaseAndTheGatewayKnowsEach() throws IOException {
        String compose = Files.readString(REPO.resolve("docker-compose.yml"));
        String databases = Files.readString(REPO.resolve("deploy/docker/postgres-init.sh"));
        for (PlatformApp app : PlatformApp.values()) {
            assertTrue(compose.contains("\n  " + app.appName() + ":\n"), app.appName() + " is not a service of docker-compose.yml");
            assertTrue(compose.contains("./" + app.moduleDir() + "/target/quarkus-app:/app:ro"), app.appName() + "'s build is not mounted");
            if (app.ownsDatabase()) {
                assertTrue(compose.contains("jdbc:postgresql://postgres:5432/" + app.appName() + "\n"), app.appName() + " has no database");
                assertTrue(databases.matches("(?s).*for role in [a-z ]*\\b" + app.appName() + "\\b.*"),
                        "postgres-init.sh makes no role for " + app.appName());
                assertTrue(compose.contains("AQLLI_GATEWAY_UPSTREAMS_" + app.name() + ": http://" + app.appName() + ":" + app.defaultPort()),
                        "the gateway under compose does not know " + app.appName());
            }
        }
    }

    @Test
    void composeGivesTheLakeItsSigningSecretWhichItCannotStartWithout() throws IOException {
        String compose = Files.readString(REPO.resolve("docker-compose.yml"));
        String lake = compose.substring(compose.indexOf("\n  datalake:\n"));
        lake = lake.substring(0, lake.indexOf("\n\n"));
        assertTrue(lake.matches("(?s).*\n      AQLLI_DATALAKE_TRANSPARENCY_SIGNING_SECRET: \\$\\{(AQLLI_[A-Z_]+):\\?set \\1}\n.*"),
                "the datalake under compose gets no signing secret, or one compose does not require:\n" + lake);
    }

    @Test
    void theCommandThatMakesTheSecretsMakesEveryOneComposeRequires() throws IOException {
        String compose = Files.readString(REPO.resolve("docker-compose.yml"));
        List<String> required = Pattern.compile("\\$\\{(AQLLI_[A-Z_]+):\\?").matcher(compose).results().map(m -> m.group(1))
                .distinct().sorted().toList();
        String command = compose.substring(compose.indexOf("#   for v in "), compose.indexOf("; do\n"));
        List<String> made = Pattern.compile("AQLLI_[A-Z_]+").matcher(command).results().map(m -> m.group()).distinct().sorted().toList();
        assertEquals(required, made, "the header's command does not make every secret compose refuses to start without");
    }
}
