package io.rtcgate.emulator.agora;

import static io.rtcgate.emulator.agora.RestCalls.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agora.media.AccessToken2;
import io.rtcgate.emulator.agora.RestCalls.Reply;
import java.time.Clock;
import java.util.List;

/** Cloud recording calls to a started emulator, as a well-behaved client makes them, for one channel and recorder uid. */
final class CloudRecordingCalls {

    /** A started task, as its start answer names it. */
    record Started(String resourceId, String sid) {
    }

    private final AgoraEmulator emulator;
    private final Clock clock;
    private final RestCalls rest;
    private final String channel;
    private final long recorder;

    CloudRecordingCalls(AgoraEmulator emulator, Clock clock, String channel, long recorder) {
        this.emulator = emulator;
        this.clock = clock;
        this.rest = new RestCalls(emulator);
        this.channel = channel;
        this.recorder = recorder;
    }

    String prefix() {
        return "/v1/apps/" + emulator.credentials().appId() + "/cloud_recording";
    }

    /** Acquires and starts a task, which must start. */
    Started start(String mode, List<String> fileTypes, int maxIdle) {
        return start(mode, startBody(fileTypes, maxIdle));
    }

    /** Acquires and starts a task with {@code body}, which must start it. */
    Started start(String mode, String body) {
        String resourceId = acquire();
        Reply reply = rest.call("POST", startPath(resourceId, mode), body);
        assertEquals(200, reply.status(), reply.body().toString());
        assertEquals(resourceId, text(reply.body(), "resourceId"));
        assertEquals(String.valueOf(recorder), text(reply.body(), "uid"));
        return new Started(resourceId, text(reply.body(), "sid"));
    }

    String acquire() {
        Reply reply = rest.call("POST", prefix() + "/acquire",
                "{\"cname\":\"" + channel + "\",\"uid\":\"" + recorder + "\",\"clientRequest\":{\"scene\":0,\"resourceExpiredHour\":24}}");
        assertEquals(200, reply.status(), reply.body().toString());
        return text(reply.body(), "resourceId");
    }

    Reply query(Started task, String mode) {
        return rest.call("GET", taskPath(task, mode) + "/query", null);
    }

    Reply stop(Started task, String mode) {
        return rest.call("POST", taskPath(task, mode) + "/stop",
                "{\"cname\":\"" + channel + "\",\"uid\":\"" + recorder + "\",\"clientRequest\":{}}");
    }

    private String taskPath(Started task, String mode) {
        return prefix() + "/resourceid/" + task.resourceId() + "/sid/" + task.sid() + "/mode/" + mode;
    }

    String startPath(String resourceId, String mode) {
        return prefix() + "/resourceid/" + resourceId + "/mode/" + mode + "/start";
    }

    /** A start body for the recorder, with a token that admits it. */
    String startBody(List<String> fileTypes, int maxIdle) {
        return startBody(recorder, token(recorder), fileTypes, maxIdle);
    }

    /** A start body recording into the emulator's own storage, under {@code dir1/}. */
    String startBody(long uid, String token, List<String> fileTypes, int maxIdle) {
        EmulatedStorage storage = emulator.recordingStorage();
        String types = String.join(",", fileTypes.stream().map(type -> "\"" + type + "\"").toList());
        return "{\"cname\":\"" + channel + "\",\"uid\":\"" + uid + "\",\"clientRequest\":{"
                + "\"token\":\"" + token + "\","
                + "\"recordingConfig\":{\"channelType\":1,\"streamTypes\":2,\"maxIdleTime\":" + maxIdle + "},"
                + "\"recordingFileConfig\":{\"avFileType\":[" + types + "]},"
                + "\"storageConfig\":{\"vendor\":" + storage.vendor() + ",\"region\":" + storage.region() + ",\"bucket\":\""
                + storage.bucket() + "\",\"accessKey\":\"" + storage.accessKey() + "\",\"secretKey\":\"" + storage.secretKey()
                + "\",\"fileNamePrefix\":[\"dir1\"]}}}";
    }

    String token(long uid) {
        return tokenFor(channel, uid, 3600);
    }

    /** A join-only RTC token, issued now on the emulator's clock. */
    String tokenFor(String tokenChannel, long uid, int expireSeconds) {
        AgoraCredentials credentials = emulator.credentials();
        AccessToken2 token = new AccessToken2(credentials.appId(), credentials.appCertificate(), expireSeconds);
        token.issueTs = (int) clock.instant().getEpochSecond();
        AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc(tokenChannel, AccessToken2.getUidStr((int) uid));
        rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, expireSeconds);
        token.addService(rtc);
        try {
            return token.build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
