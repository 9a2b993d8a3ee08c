package io.rtcgate.domain.session;

/** An access token with the refresh token that replaces it once. */
public record DeviceTokens(String accessToken, String refreshToken) {
}
