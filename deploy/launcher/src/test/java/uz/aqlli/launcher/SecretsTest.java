package uz.aqlli.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {

    @Test
    void aSecretIsMadeOnceOwnerOnlyAndKept() throws Exception {
        Path folder = Path.of("target", "secrets-test", "secrets");
        Folders.delete(folder.getParent());
        Secrets secrets = Secrets.in(folder);
        String first = secrets.get(Secrets.CATALOG_CLIENT);

        assertTrue(first.length() >= 40, first);
        assertNotEquals(first, secrets.get(Secrets.KEYCLOAK_ADMIN));
        assertEquals(first, Secrets.in(folder).get(Secrets.CATALOG_CLIENT), "a second start reuses the secret");
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(folder));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secrets.file(Secrets.CATALOG_CLIENT)));
    }

    @Test
    void everyoneAskingAtOnceGetsTheSameSecret() {
        Path folder = Path.of("target", "secrets-race", "secrets");
        Folders.delete(folder.getParent());
        List<CompletableFuture<String>> askers = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> Secrets.in(folder).get(Secrets.POSTGRES_SUPERUSER)))
                .toList();
        Set<String> seen = askers.stream().map(CompletableFuture::join).collect(Collectors.toSet());
        assertEquals(1, seen.size(), seen.toString());
    }
}
