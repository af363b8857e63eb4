package uz.aqlli.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A child process the launcher started, with its output in a log file, stopped with all its descendants. */
final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
                                Path workDir, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workDir);
            var builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new LaunchException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command to completion (a preparation step), failing with the end of its log. */
    static void runToCompletion(String name, List<String> command, Map<String, String> environment,
                                Path workDir, Path logFile, Duration timeout) {
        ManagedProcess step = start(name, command, environment, workDir, logFile);
        try {
            if (!step.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                step.close();
                throw new LaunchException(name + " did not finish within " + timeout.toSeconds() + " s; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            step.close();
            throw new LaunchException(name + " was interrupted");
        }
        if (step.process.exitValue() != 0) {
            throw new LaunchException(name + " failed (exit " + step.process.exitValue() + "): " + step.lastLine() + "; see " + logFile);
        }
    }

    /** Waits until {@code ready} holds, failing early if the process dies. */
    void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LaunchException(name + " stopped during start-up (exit " + process.exitValue() + "): "
                        + lastLine() + "; see " + logFile);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new LaunchException(name + " was not ready within " + timeout.toSeconds() + " s; see " + logFile);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    /** The last non-blank line of the log: usually the error that ended the process. */
    String lastLine() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    String line = lines.get(i).strip();
                    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the log is only a hint; the caller still reports the failure
        }
        return "(no output)";
    }

    /** Asks the process to stop (SIGTERM), then forces it and anything it started. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        // A wrapper script (kc.sh) may exit before the JVM it started; nothing may outlive the launcher.
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroy();
                child.onExit().orTimeout(15, TimeUnit.SECONDS).exceptionally(t -> {
                    child.destroyForcibly();
                    return child;
                }).join();
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
    }
}
