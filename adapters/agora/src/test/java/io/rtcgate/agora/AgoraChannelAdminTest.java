package io.rtcgate.agora;

import static io.rtcgate.agora.EmulatedAgora.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.Participants;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.agora.AgoraCredentials;
import io.rtcgate.emulator.agora.ChannelProfile;
import io.rtcgate.emulator.agora.KickingRule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The channel admin against a real HTTP Agora emulator on loopback. */
class AgoraChannelAdminTest {

    private final EmulatedAgora agora = new EmulatedAgora();
    private final AgoraCredentials credentials = agora.emulator.credentials();

    @AfterEach
    void stop() {
        agora.close();
    }

    @Test
    void kickBansTheUsersUidFromTheChannel() {
        agora.join("room-1", "alice", true);
        agora.join("room-1", "bob", false);
        long alice = agora.uids.uidFor("alice");

        agora.admin.kick(channel("room-1"), "alice", Duration.ofMinutes(5));

        RecordedRequest request = single(agora.emulator.requests());
        assertEquals("POST", request.method());
        assertEquals("/dev/v1/kicking-rule", request.path());
        assertEquals(200, request.status());
        JSONObject body = new JSONObject(request.body());
        assertEquals(Set.of("appid", "cname", "uid", "time_in_seconds", "privileges"), body.keySet());
        assertEquals(credentials.appId(), body.getString("appid"));
        assertEquals("room-1", body.getString("cname"));
        assertEquals(alice, ((Number) body.get("uid")).longValue(), "uid is a JSON number");
        assertEquals(300, body.getInt("time_in_seconds"));
        assertEquals(List.of("join_channel"), body.getJSONArray("privileges").toList());

        KickingRule rule = single(agora.emulator.kickingRules());
        assertEquals(Optional.of("room-1"), rule.cname());
        assertEquals(Optional.of(alice), rule.uid());
        assertEquals(Duration.ofMinutes(5), Duration.between(rule.createdAt(), rule.expiresAt()));
        assertFalse(agora.isIn("room-1", "alice"), "kicked at once");
        assertTrue(agora.isIn("room-1", "bob"));
        assertFalse(agora.emulator.joinChannel("room-1", alice, true).joined(), "and kept out");
    }

    @Test
    void requestsCarryBasicAuthAndJsonHeaders() {
        agora.admin.kick(channel("room-1"), "alice", Duration.ofMinutes(1));
        agora.admin.participants(channel("room-1"));

        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (credentials.customerKey() + ":" + credentials.customerSecret()).getBytes(StandardCharsets.UTF_8));
        for (RecordedRequest request : agora.emulator.requests()) {
            assertEquals(expected, request.header("Authorization"));
            assertEquals("application/json", request.header("Content-Type"));
            assertEquals("application/json", request.header("Accept"));
        }
    }

    @Test
    void kickDurationIsClampedToAgorasRange() {
        agora.admin.kick(channel("room-1"), "alice", Duration.ofSeconds(1));
        agora.admin.kick(channel("room-1"), "bob", Duration.ofDays(3));

        List<Long> sent = agora.emulator.requests().stream()
                .map(request -> new JSONObject(request.body()).getLong("time_in_seconds"))
                .toList();
        assertEquals(List.of(10L, 86_430L), sent);
    }

    @Test
    void participantsOfALiveChannelAreItsHostsAndAudience() {
        agora.join("room-1", "alice", true);
        agora.join("room-1", "bob", false);
        agora.join("room-1", "carol", false);
        agora.emulator.joinChannel("room-1", 4_000_000_000L, true);

        Participants participants = agora.admin.participants(channel("room-1"));

        assertEquals(List.of("alice"), participants.hosts(), "the uid the gateway never handed out is left out");
        assertEquals(List.of("bob", "carol"), participants.audience());
        RecordedRequest request = single(agora.emulator.requests());
        assertEquals("GET", request.method());
        assertEquals("/dev/v1/channel/user/" + credentials.appId() + "/room-1", request.path());
    }

    @Test
    void everyoneInACommunicationChannelIsAHost() {
        agora.emulator.setChannelProfile("call", ChannelProfile.COMMUNICATION);
        agora.join("call", "alice", false);
        agora.join("call", "bob", false);

        assertEquals(new Participants(List.of("alice", "bob"), List.of()), agora.admin.participants(channel("call")));
    }

    @Test
    void aChannelNobodyIsInHasNoParticipants() {
        assertEquals(new Participants(List.of(), List.of()), agora.admin.participants(channel("empty")));
    }

    @Test
    void channelNamesAreEncodedInThePath() {
        agora.join("room 1+#x", "alice", true);

        assertEquals(List.of("alice"), agora.admin.participants(channel("room 1+#x")).hosts());
    }

    @Test
    void closeBansEveryoneFromTheChannelForAsLongAsAgoraAllows() {
        agora.join("room-1", "alice", true);
        agora.join("room-1", "bob", false);
        agora.join("room-2", "carol", true);

        agora.admin.close(channel("room-1"));

        JSONObject body = new JSONObject(single(agora.emulator.requests()).body());
        assertEquals(Set.of("appid", "cname", "time_in_seconds", "privileges"), body.keySet());
        assertEquals(86_430, body.getInt("time_in_seconds"));
        KickingRule rule = single(agora.emulator.kickingRules());
        assertEquals(Optional.of("room-1"), rule.cname());
        assertEquals(Optional.empty(), rule.uid());
        assertEquals(Duration.ofSeconds(86_430), Duration.between(rule.createdAt(), rule.expiresAt()));
        assertEquals(Optional.empty(), agora.emulator.channelMembers("room-1"));
        assertTrue(agora.isIn("room-2", "carol"));
        assertFalse(agora.emulator.joinChannel("room-1", agora.uids.uidFor("dave"), false).joined());
    }

    @Test
    void aWrongCustomerSecretIsRejected() {
        AgoraChannelAdmin wrongSecret = agora.adminWith("not-the-secret", credentials.appId());

        VendorException error = assertThrows(VendorException.class, () -> wrongSecret.kick(channel("room-1"), "alice", Duration.ofMinutes(1)));

        assertEquals(Vendor.AGORA, error.vendor());
        assertEquals("kick", error.operation());
        assertEquals(VendorException.Kind.REJECTED, error.kind());
        assertEquals("401", error.vendorCode());
        assertTrue(error.getMessage().contains("Invalid authentication credentials"), error.getMessage());
        assertFalse(error.kind().countsAgainstHealth());
        assertNoSecretIn(error.getMessage(), "not-the-secret");
    }

    @Test
    void anotherProjectsAppIdIsRejected() {
        AgoraChannelAdmin otherApp = agora.adminWith(credentials.customerSecret(), AgoraCredentials.random().appId());

        VendorException error = assertThrows(VendorException.class, () -> otherApp.participants(channel("room-1")));

        assertEquals(VendorException.Kind.REJECTED, error.kind());
        assertEquals("400", error.vendorCode());
        assertTrue(error.getMessage().contains("invalid appid"), error.getMessage());
    }

    @Test
    void declaresAgorasCapabilities() {
        assertEquals(Vendor.AGORA, agora.admin.vendor());
        assertEquals(Set.of(Capability.CHANNEL_ADMIN, Capability.PARTICIPANT_LIST), agora.admin.capabilities());
    }

    private void assertNoSecretIn(String message, String... more) {
        for (String secret : List.of(credentials.customerKey(), credentials.customerSecret(), credentials.appCertificate())) {
            assertFalse(message.contains(secret), message);
        }
        for (String secret : more) {
            assertFalse(message.contains(secret), message);
        }
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
