package io.rtcgate.agora;

import static io.rtcgate.agora.EmulatedAgora.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.domain.vendor.VendorPort;
import io.rtcgate.domain.vendor.Participant;
import io.rtcgate.domain.vendor.Participants;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.agora.AgoraCredentials;
import io.rtcgate.emulator.agora.ChannelProfile;
import io.rtcgate.emulator.agora.KickingRule;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
        JsonNode body = json(request.body());
        assertEquals(Set.of("appid", "cname", "uid", "time_in_seconds", "privileges"), fieldNames(body));
        assertEquals(credentials.appId(), body.get("appid").textValue());
        assertEquals("room-1", body.get("cname").textValue());
        assertTrue(body.get("uid").isIntegralNumber(), "uid is a JSON number");
        assertEquals(alice, body.get("uid").longValue());
        assertEquals(300, body.get("time_in_seconds").intValue());
        assertEquals("[\"join_channel\"]", body.get("privileges").toString());

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
        agora.lister.participants(channel("room-1"));

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
                .map(request -> json(request.body()).get("time_in_seconds").longValue())
                .toList();
        assertEquals(List.of(10L, 86_430L), sent);
    }

    @Test
    void participantsOfALiveChannelAreItsHostsAndAudience() {
        agora.join("room-1", "alice", true);
        agora.join("room-1", "bob", false);
        agora.join("room-1", "carol", false);
        agora.emulator.joinChannel("room-1", 4_000_000_000L, true);

        Participants participants = agora.lister.participants(channel("room-1"));

        assertEquals(List.of(user("alice"), Participant.unknownUid(4_000_000_000L)), participants.hosts(),
                "the uid the gateway never handed out is listed without a user id");
        assertEquals(List.of(user("bob"), user("carol")), participants.audience());
        RecordedRequest request = single(agora.emulator.requests());
        assertEquals("GET", request.method());
        assertEquals("/dev/v1/channel/user/" + credentials.appId() + "/room-1", request.path());
    }

    @Test
    void everyoneInACommunicationChannelIsAHost() {
        agora.emulator.setChannelProfile("call", ChannelProfile.COMMUNICATION);
        agora.join("call", "alice", false);
        agora.join("call", "bob", false);

        assertEquals(new Participants(List.of(user("alice"), user("bob")), List.of()), agora.lister.participants(channel("call")));
    }

    @Test
    void aChannelNobodyIsInHasNoParticipants() {
        assertEquals(Participants.NONE, agora.lister.participants(channel("empty")));
    }

    @Test
    void channelNamesAreEncodedInThePath() {
        agora.join("room 1+#x", "alice", true);

        assertEquals(List.of(user("alice")), agora.lister.participants(channel("room 1+#x")).hosts());
    }

    @Test
    void closeBansEveryoneFromTheChannelForAsLongAsAgoraAllows() {
        agora.join("room-1", "alice", true);
        agora.join("room-1", "bob", false);
        agora.join("room-2", "carol", true);

        agora.admin.close(channel("room-1"));

        JsonNode body = json(single(agora.emulator.requests()).body());
        assertEquals(Set.of("appid", "cname", "time_in_seconds", "privileges"), fieldNames(body));
        assertEquals(86_430, body.get("time_in_seconds").intValue());
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
        AgoraParticipantLister otherApp = agora.listerWith(credentials.customerSecret(), AgoraCredentials.random().appId());

        VendorException error = assertThrows(VendorException.class, () -> otherApp.participants(channel("room-1")));

        assertEquals(VendorException.Kind.REJECTED, error.kind());
        assertEquals("400", error.vendorCode());
        assertTrue(error.getMessage().contains("invalid appid"), error.getMessage());
    }

    @Test
    void agorasFactoryOffersJoinTokensChannelAdminParticipantListsAndNotifications() {
        List<VendorPort> ports = AgoraPorts.create(new AgoraSettings(credentials.appId(), credentials.appCertificate(),
                credentials.customerKey(), credentials.customerSecret(), URI.create(agora.emulator.baseUrl()), EmulatedAgora.TIMEOUT),
                agora.uids, Clock.systemUTC());

        assertEquals(List.of(AgoraTokenIssuer.class, AgoraChannelAdmin.class, AgoraParticipantLister.class,
                        AgoraStreamIngester.class, AgoraStreamMixer.class, AgoraRecordingCallbacks.class),
                ports.stream().map(Object::getClass).toList());
        assertTrue(ports.stream().allMatch(port -> port.vendor() == Vendor.AGORA));
    }

    /** The gateway user as the user list reports them: with the uid the gateway gave them. */
    private Participant user(String userId) {
        return Participant.user(userId, agora.uids.uidFor(userId));
    }

    private static JsonNode json(String body) {
        try {
            return AgoraJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new java.util.HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
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
