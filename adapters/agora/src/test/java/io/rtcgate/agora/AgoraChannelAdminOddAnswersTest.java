package io.rtcgate.agora;

import static io.rtcgate.agora.EmulatedAgora.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.rtcgate.domain.vendor.VendorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers no well-behaved Agora gives, which the emulator therefore cannot: served by a loopback server
 * that replies with one canned status and body.
 */
class AgoraChannelAdminOddAnswersTest {

    private final HttpServer server = startServer();
    private volatile int status;
    private volatile String body;
    private final AgoraSettings settings = new AgoraSettings("970CA35de60c44645bbae8a215061b33",
            "5CFd2fd1755d40ecb72977518be15d3b", "key", "secret",
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(2));
    private final InMemoryNumericUidRegistry uids = new InMemoryNumericUidRegistry(1);
    private final AgoraChannelAdmin admin = new AgoraChannelAdmin(settings, uids, new AgoraRestClient(settings));
    private final AgoraParticipantLister lister = new AgoraParticipantLister(settings, uids, new AgoraRestClient(settings));

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anUnreadableUserListIsAServerError() {
        for (String answer : new String[] {
                "not json",
                "[]",
                "{\"success\":true}",
                "{\"success\":true,\"data\":{\"channel_exist\":true,\"mode\":3}}",
                "{\"success\":true,\"data\":{\"channel_exist\":true,\"mode\":2,\"broadcasters\":[\"42\"]}}",
                "{\"success\":true,\"data\":{\"channel_exist\":true,\"mode\":1,\"users\":{}}}"}) {
            answer(200, answer);

            VendorException error = assertThrows(VendorException.class, () -> lister.participants(channel("room")), answer);

            assertEquals(VendorException.Kind.SERVER_ERROR, error.kind(), answer);
            assertTrue(error.getMessage().contains("unreadable answer"), error.getMessage());
        }
    }

    @Test
    void aUserListWithoutSuccessIsRejected() {
        answer(200, "{\"success\":false}");

        assertEquals(VendorException.Kind.REJECTED, assertThrows(VendorException.class, () -> lister.participants(channel("room"))).kind());
    }

    @Test
    void aLiveUserListWithHostsOnlyHasNoAudience() {
        answer(200, "{\"success\":true,\"data\":{\"channel_exist\":true,\"mode\":2,\"broadcasters\":[]}}");

        assertTrue(lister.participants(channel("room")).audience().isEmpty());
    }

    @Test
    void statusDecidesTheKindWhateverTheBody() {
        assertStatus(503, "<html>busy</html>", VendorException.Kind.SERVER_ERROR, "agora kick failed: HTTP 503");
        assertStatus(418, "{\"message\":\"short and stout\"}", VendorException.Kind.REJECTED, "agora kick failed: HTTP 418: short and stout");
        assertStatus(302, "", VendorException.Kind.REJECTED, "agora kick failed: HTTP 302");
        assertStatus(429, "{\"message\":42}", VendorException.Kind.THROTTLED, "agora kick failed: HTTP 429");
    }

    @Test
    void anyTwoHundredAnswerCreatesTheRule() {
        answer(201, "");

        admin.kick(channel("room"), "alice", Duration.ofMinutes(1));
        admin.close(channel("room"));
    }

    private void assertStatus(int answerStatus, String answerBody, VendorException.Kind kind, String message) {
        answer(answerStatus, answerBody);

        VendorException error = assertThrows(VendorException.class, () -> admin.kick(channel("room"), "alice", Duration.ofMinutes(1)));

        assertEquals(kind, error.kind());
        assertEquals(Integer.toString(answerStatus), error.vendorCode());
        assertEquals(message, error.getMessage());
    }

    private void answer(int newStatus, String newBody) {
        status = newStatus;
        body = newBody;
    }

    private HttpServer startServer() {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            started.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
            });
            started.start();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
