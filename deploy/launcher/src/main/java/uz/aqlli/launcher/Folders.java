package uz.aqlli.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Data folders of a platform that is started fresh: the launcher's callers (tests, benchmark) empty them first. */
public final class Folders {

    private Folders() {
    }

    /** Deletes the folder and everything in it; a folder that is not there is already deleted. */
    public static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            // Deepest first, so that every folder is empty when its turn comes.
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException e) {
            // nothing to delete
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
