package io.rtcgate.emulator.agora;

import com.fasterxml.jackson.databind.JsonNode;
import io.agora.media.AccessToken2;
import io.rtcgate.emulator.EmulatorJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;

/** Media Pull calls as a client makes them, over real HTTP, with whatever status and body come back. */
final class MediaPullCalls {

    record Reply(int status, String body, HttpResponse<String> response) {

        JsonNode json() {
            return EmulatorJson.readTree(body);
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        String message() {
            return json().path("message").asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AgoraEmulator emulator;
    private final Clock clock;

    MediaPullCalls(AgoraEmulator emulator, Clock clock) {
        this.emulator = emulator;
        this.clock = clock;
    }

    String players(String region) {
        return "/" + region + "/v1/projects/" + emulator.credentials().appId() + "/cloud-player/players";
    }

    String list(String query) {
        return "/v1/projects/" + emulator.credentials().appId() + "/cloud-player/players" + query;
    }

    /** A create body for a robot of {@code uid} in {@code channel}, signed to publish there, plus {@code extra} fields. */
    String createBody(String channel, long uid, String streamUrl, String extra) {
        return "{\"player\":{\"streamUrl\":\"" + streamUrl + "\",\"channelName\":\"" + channel + "\",\"uid\":" + uid
                + ",\"token\":\"" + token(channel, uid, true) + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}}";
    }

    Reply create(String channel, long uid, String streamUrl, String extra) {
        return call("POST", players("na"), createBody(channel, uid, streamUrl, extra));
    }

    /** Creates a player and returns its id. */
    String created(String channel, long uid, String streamUrl, String extra) {
        Reply reply = create(channel, uid, streamUrl, extra);
        if (reply.status() != 200) {
            throw new AssertionError("not created: " + reply.status() + " " + reply.body());
        }
        return reply.json().path("player").path("id").asText();
    }

    Reply call(String method, String path, String body) {
        AgoraCredentials credentials = emulator.credentials();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("Authorization", RestCalls.basicAuth(credentials.customerKey(), credentials.customerSecret()))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An RTC token for {@code uid} in {@code channel}, issued now, with or without the publishing privileges. */
    String token(String channel, long uid, boolean publish) {
        AgoraCredentials credentials = emulator.credentials();
        AccessToken2 token = new AccessToken2(credentials.appId(), credentials.appCertificate(), 3600);
        token.issueTs = (int) clock.instant().getEpochSecond();
        AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc(channel, AccessToken2.getUidStr((int) uid));
        rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 3600);
        if (publish) {
            rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_PUBLISH_AUDIO_STREAM, 3600);
            rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_PUBLISH_VIDEO_STREAM, 3600);
        }
        token.addService(rtc);
        try {
            return token.build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
