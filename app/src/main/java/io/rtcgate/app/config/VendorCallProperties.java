package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import java.time.Duration;

/**
 * {@code rtcgate.tokens.ttl-seconds}: how long join credentials stay valid (at most 24 h, the vendors'
 * limit); {@code rtcgate.vendor-call-timeout}: how long any vendor call may take.
 */
@ConfigurationProperties("rtcgate")
public class VendorCallProperties {

    static final long MAX_TOKEN_TTL_SECONDS = 24 * 3600;

    private Tokens tokens = new Tokens();
    private Duration vendorCallTimeout = Duration.ofSeconds(5);

    public Tokens getTokens() { return tokens; }
    public void setTokens(Tokens tokens) { this.tokens = tokens; }
    public Duration getVendorCallTimeout() { return vendorCallTimeout; }
    public void setVendorCallTimeout(Duration vendorCallTimeout) { this.vendorCallTimeout = vendorCallTimeout; }

    public Duration tokenTtl() {
        long seconds = tokens.getTtlSeconds();
        if (seconds < 60 || seconds > MAX_TOKEN_TTL_SECONDS) {
            throw new ConfigurationException("rtcgate.tokens.ttl-seconds must be between 60 and " + MAX_TOKEN_TTL_SECONDS
                    + "; it is " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    @ConfigurationProperties("tokens")
    public static class Tokens {
        private long ttlSeconds = 3600;

        public long getTtlSeconds() { return ttlSeconds; }
        public void setTtlSeconds(long ttlSeconds) { this.ttlSeconds = ttlSeconds; }
    }
}
