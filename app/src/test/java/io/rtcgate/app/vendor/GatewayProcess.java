package io.rtcgate.app.vendor;

import io.rtcgate.app.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway in a JVM of its own, as an operator runs it: {@link Application}'s main on this JVM's classpath, in the
 * "test" environment, with {@code properties} as system properties. Unlike a node in the test's JVM it can be killed
 * with SIGKILL: no shutdown hook, no {@code @PreDestroy}, no last write. Its output goes to {@code log}.
 */
final class GatewayProcess implements AutoCloseable {

    /** How long a JVM of its own takes to listen, on a busy machine. */
    private static final Duration START_UP = Duration.ofSeconds(90);

    private final Process process;
    private final URI uri;
    private final Path log;

    private GatewayProcess(Process process, URI uri, Path log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /** Starts it on a free loopback port and waits until its {@code /health} answers 200. */
    static GatewayProcess start(Map<String, Object> properties, Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // start-up speed over peak speed: the process lives for seconds
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xmx384m");
        command.add("-Dmicronaut.environments=test");
        command.add("-Dmicronaut.env.deduction=false");
        command.add("-Dmicronaut.server.host=127.0.0.1");
        command.add("-Dmicronaut.server.port=" + port);
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        // under surefire this may be its manifest-only booter jar, whose Class-Path names the test classpath: java
        // follows it either way
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Application.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // the database is the one in properties, never one this JVM found in its environment (as in CI)
        builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_"));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            GatewayProcess gateway = new GatewayProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
            gateway.awaitHealthy();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a gateway process", e);
        }
    }

    URI uri() {
        return uri;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL on Linux ({@link Process#destroyForcibly}); waits until it is gone and returns its exit status. */
    int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the gateway process " + process.pid() + " did not die of SIGKILL within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(uri.resolve("/health")).timeout(Duration.ofSeconds(2)).GET().build();
        Instant deadline = Instant.now().plus(START_UP);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway process exited with " + process.exitValue() + " before it listened:\n" + logTail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new AssertionError("the gateway process was not healthy within " + START_UP.toSeconds() + " s:\n" + logTail());
            }
            VendorApiTestBase.sleep(Duration.ofMillis(200));
        }
    }

    /** The last lines it wrote, for a failure message; the whole of it stays in {@link #log}. */
    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())) + "\n(all of it in " + log + ")";
        } catch (IOException e) {
            return "(its output could not be read from " + log + ": " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
