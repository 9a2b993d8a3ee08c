package io.rtcgate.app.security;

/**
 * What a gateway JWT is for, in its {@code token_use} claim. Only session tokens (from login) call the
 * HTTP APIs; access tokens authorise a device's realtime connection and nothing else.
 */
public enum TokenUse {
    SESSION("session"),
    ACCESS("access");

    public static final String CLAIM = "token_use";

    private final String claimValue;

    TokenUse(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }
}
