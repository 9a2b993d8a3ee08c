package io.rtcgate.app;

import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.app.support.AuiClient;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * A gateway that stops between recording a callback and processing it (the row is written as a crash
 * leaves it) and starts again: the start-up pass finishes the delivery before the gateway serves anything,
 * with the scheduled worker too far off to be the one that did it.
 */
class CallbackRestartTest {

    private static final String PUSH_DOMAIN = "push.example.com";
    private static final String CALLBACK_KEY = "test-callback-key";

    @Test
    void aDeliveryACrashLeftUnprocessedIsFinishedAtStartUp() throws Exception {
        String[] room = new String[1];
        User[] anchor = new User[1];
        long[] row = new long[1];

        runGateway(Map.of("rtcgate.callbacks.worker.enabled", "false"), (context, aui) -> {
            anchor[0] = aui.newUser();
            room[0] = (String) aui.createRoom(anchor[0]).get("id");
            row[0] = insertUnprocessed(context, room[0]);
            assertNull(outcome(context, row[0]), "no worker runs on this node");
        });

        runGateway(Map.of("rtcgate.callbacks.worker.interval", "1h"), (context, aui) -> {
            assertEquals("applied", outcome(context, row[0]));
            Map<String, Object> info = aui.roomActionOk("get", anchor[0], room[0]);
            assertEquals(1L, number(info.get("status")), "the room went live: " + info);
        });
    }

    private static void runGateway(Map<String, Object> properties, BiConsumer<ApplicationContext, AuiClient> session) {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        try (ApplicationContext context = server.getApplicationContext()) {
            session.accept(context, new AuiClient(new WireClient(server, context.getBean(JsonMapper.class))));
        }
    }

    @SuppressWarnings("unchecked")
    private static TransactionOperations<Connection> transactions(ApplicationContext context) {
        return context.getBean(Argument.of(TransactionOperations.class, Connection.class));
    }

    private static long insertUnprocessed(ApplicationContext context, String stream) {
        long ts = Instant.now().minusSeconds(30).getEpochSecond();
        String query = "action=publish&ip=192.0.2.1&id=" + stream + "&app=" + PUSH_DOMAIN + "&appname=live&time=" + ts;
        String headers = "{\"ali-live-timestamp\":\"" + ts + "\",\"ali-live-signature\":\"" + md5(PUSH_DOMAIN + "|" + ts + "|" + CALLBACK_KEY) + "\"}";
        return transactions(context).executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    INSERT INTO vendor_callbacks (vendor, kind, dedupe_key, method, query, headers, body, received_at)
                    VALUES ('aliyun', 'stream', ?, 'GET', ?, CAST(? AS jsonb), '', ?) RETURNING id""")) {
                insert.setString(1, "restart-" + stream);
                insert.setString(2, query);
                insert.setString(3, headers);
                insert.setObject(4, OffsetDateTime.ofInstant(Instant.ofEpochSecond(ts), ZoneOffset.UTC));
                try (ResultSet id = insert.executeQuery()) {
                    id.next();
                    return id.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String outcome(ApplicationContext context, long id) {
        return transactions(context).executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("SELECT outcome FROM vendor_callbacks WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
