package uz.aqlli.launcher;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The local platform's passwords and client secrets, made on first start and kept, one file each,
 * in a folder only its owner can read. Nothing secret lives in the repository: whoever clones it
 * gets secrets of their own.
 *
 * <p>Several copies of this class may ask for the same secret at once (the test infrastructure is
 * loaded by one class loader per Quarkus test profile), so a secret is written to a private file
 * first and then linked to its name: a link never replaces an existing file, and whoever loses the
 * race reads the winner's.
 */
public final class Secrets {

    /** The Keycloak bootstrap administrator's password (user {@link #KEYCLOAK_ADMIN_USER}). */
    public static final String KEYCLOAK_ADMIN = "keycloak-admin";
    public static final String KEYCLOAK_ADMIN_USER = "admin";
    /** The {@code aqlli-catalog} service account's client secret (onboarding's user management). */
    public static final String CATALOG_CLIENT = "catalog-client";
    /** The key the console encrypts its session cookie (the user's tokens) with. */
    public static final String CONSOLE_SESSION = "console-session";
    /** What the lake's Ed25519 checkpoint-signing key is made from (docs/transparency.md). */
    public static final String LAKE_SIGNING = "lake-signing";
    /** PostgreSQL's superuser {@code postgres}. */
    public static final String POSTGRES_SUPERUSER = "postgres";

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;

    private Secrets(Path folder) {
        this.folder = folder;
    }

    /** The secrets in {@code folder}, created owner-only if it is not there yet. */
    public static Secrets in(Path folder) {
        try {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            } catch (FileAlreadyExistsException e) {
                // made by an earlier start; the permissions are set again below
            }
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
            return new Secrets(folder.toAbsolutePath());
        } catch (IOException e) {
            throw new LaunchException("cannot create the secrets folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A database role's password: one per service and one for Keycloak. */
    public static String databaseRole(String role) {
        return "database-" + role;
    }

    /** The secret of that name: the one kept, or a new random one (32 bytes) kept from now on. */
    public String get(String name) {
        Path file = file(name);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new LaunchException("cannot read or create the secret " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file that holds the secret (created on first use), for programs that read a password from a file. */
    public Path file(String name) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("not a secret name: " + name);
        }
        return folder.resolve(name);
    }

    public Path folder() {
        return folder;
    }

    private void create(Path file) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        // URL-safe letters only: the value goes into JSON, URLs, SQL literals and shell variables unquoted.
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path draft = Files.createTempFile(folder, "." + file.getFileName(), ".new", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try {
            Files.writeString(draft, secret + "\n");
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException e) {
            // another copy made it first: theirs is the secret
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
