package io.rtcgate.app.config;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The embedded default: no database server and no vendor account needed. It is active while
 * {@code datasources.default.url} is left at {@value #EMBEDDED_URL}; pointing that at a real PostgreSQL
 * turns it off, and with it the generated secrets and the other demo-friendly defaults.
 */
@Singleton
public class EmbeddedMode {

    public static final String EMBEDDED_URL = "embedded";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean active;
    private final Path dataDir;

    public EmbeddedMode(@Value("${datasources.default.url}") String datasourceUrl,
                        @Value("${rtcgate.embedded.data-dir:./rtcgate-data}") String dataDir) {
        this.active = EMBEDDED_URL.equals(datasourceUrl);
        this.dataDir = Path.of(dataDir);
    }

    public boolean active() {
        return active;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The configured switch when set; otherwise on exactly in the embedded default. */
    public boolean defaultOn(@Nullable Boolean configured) {
        return configured != null ? configured : active;
    }

    /**
     * A secret kept in the data directory, generated on first use, so that tokens and signed URLs stay
     * valid across restarts of the embedded default. Empty when the embedded default is off.
     */
    public Optional<String> generatedSecret(String name) {
        if (!active) {
            return Optional.empty();
        }
        Path file = dataDir.resolve("secrets").resolve(name);
        try {
            if (Files.exists(file)) {
                return Optional.of(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[48];
            RANDOM.nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            // created owner-only, so the secret is never readable by others, not even for an instant
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret);
            return Optional.of(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the generated secret " + name + " in " + dataDir, e);
        }
    }
}
