package io.rtcgate.app;

import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.rtcgate.aliyun.AliyunStreamCallbacks;
import io.rtcgate.app.support.AuiClient;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A gateway without a callback key refuses every stream callback, even one "signed" with the empty key,
 * and says at start-up that callbacks are off.
 */
class CallbacksWithoutKeyTest {

    private static final String PUSH_DOMAIN = "push.example.com";

    @Test
    void withoutAKeyCallbacksAreRefusedAndStartUpWarns() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(AliyunStreamCallbacks.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                    Map.of("rtcgate.vendors.aliyun.callback-auth-key", "", "rtcgate.callbacks.worker.enabled", "false"), "test");
            try (ApplicationContext context = server.getApplicationContext()) {
                AuiClient aui = new AuiClient(new WireClient(server, context.getBean(JsonMapper.class)));
                User anchor = aui.newUser();
                String room = (String) aui.createRoom(anchor).get("id");
                long ts = Instant.now().getEpochSecond();
                String query = "action=publish&ip=192.0.2.1&id=" + room + "&app=" + PUSH_DOMAIN + "&appname=live&time=" + ts;

                for (String signature : List.of(md5(PUSH_DOMAIN + "|" + ts + "|"), md5(PUSH_DOMAIN + "|" + ts + "|test-callback-key"))) {
                    HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                    server.getURI().resolve(URI.create("/callbacks/aliyun/stream?" + query)))
                            .header("ALI-LIVE-TIMESTAMP", String.valueOf(ts)).header("ALI-LIVE-SIGNATURE", signature).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(401, reply.statusCode(), reply.body());
                }
                assertEquals(0L, number(aui.roomActionOk("get", anchor, room).get("status")));
            }
        } finally {
            logger.detachAppender(logged);
        }

        List<String> warnings = logged.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(warnings.stream().anyMatch(message -> message.contains("Aliyun stream callbacks are off")), warnings.toString());
        assertFalse(warnings.stream().anyMatch(message -> message.contains("test-")), "no key in the log: " + warnings);
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
