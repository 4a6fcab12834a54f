package io.omnisync.adapters.kafka.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link StreamsProcess} started in a child JVM on this test's class path, and killed as a crash kills it:
 * SIGKILL, no shutdown hook, no commit, its transaction left open on the broker.
 */
final class ChildStreams implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildStreams(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildStreams start(Deployment deployment, Path stateDirectory, Duration commitInterval) {
        try {
            Path marker = Files.createTempFile(stateDirectory.getParent(), "running-", ".marker");
            Files.delete(marker);
            Path log = Files.createTempFile(stateDirectory.getParent(), "streams-", ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(List.of(
                            java,
                            "-Xmx256m",
                            // a short-lived instance: start fast rather than run fast
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-cp",
                            System.getProperty("java.class.path"),
                            StreamsProcess.class.getName(),
                            deployment.kafka().bootstrapServers(),
                            deployment.topics().events().replace(".events", ""),
                            deployment.applicationId(),
                            stateDirectory.toString(),
                            marker.toString(),
                            String.valueOf(commitInterval.toMillis())))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ChildStreams child = new ChildStreams(process, log);
            try {
                await("the child Streams instance running")
                        .atMost(Deployment.TIMEOUT)
                        .until(() -> Files.exists(marker) || !process.isAlive());
                if (!process.isAlive()) {
                    throw new AssertionError("the child Streams instance died: " + child.output());
                }
            } catch (RuntimeException | AssertionError e) {
                child.close();
                throw e;
            }
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: the instance stops wherever it is, in the middle of a transaction or not. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the child Streams instance did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
