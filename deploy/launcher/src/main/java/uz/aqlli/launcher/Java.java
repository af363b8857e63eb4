package uz.aqlli.launcher;

import java.nio.file.Path;

/** The JVM the launcher runs on is the one every child JVM runs on: it is known to be 21+. */
final class Java {

    private Java() {
    }

    static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String home() {
        return System.getProperty("java.home");
    }
}
