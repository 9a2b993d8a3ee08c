package io.rtcgate.domain.messaging;

import java.util.Objects;

/**
 * What a client needs to log in to a vendor's messaging service: the messaging app, its public
 * signature, and the token that proves the gateway authorised {@code userId} with {@code nonce} until
 * {@code expiresAt} (Unix seconds) in {@code role}.
 */
public record MessagingToken(String appId, String appSign, String appToken, String userId, String nonce, long expiresAt,
                             String role) {

    public MessagingToken {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appSign, "appSign");
        Objects.requireNonNull(appToken, "appToken");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String toString() {
        // The token lets anyone log in as the user; keep it out of logs.
        return "MessagingToken[" + appId + ", " + userId + ", expires " + expiresAt + "]";
    }
}
