package io.rtcgate.app.api;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.ApiAssertions.assertSameMicrosecond;
import static io.rtcgate.app.support.ApiAssertions.instant;
import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AUI {@code /start}, {@code /pause} and {@code /stop}: the room lifecycle {@code 0 prepared → 1 live ⇄
 * 3 paused → 2 ended}, and who may drive it.
 */
@MicronautTest
class AuiRoomLifecycleApiTest extends AuiApiTestBase {

    private static final int PREPARED = 0;
    private static final int LIVE = 1;
    private static final int ENDED = 2;

    @Test
    void startPauseResumeAndStopWalkTheLifecycle() {
        User anchor = aui.newUser();
        String id = (String) aui.createRoom(anchor).get("id");

        Instant beforeStart = Instant.now();
        Map<String, Object> started = aui.roomActionOk("start", anchor, id);
        assertEquals(LIVE, number(started.get("status")));
        Instant startedAt = instant(started, "started_at");
        assertFalse(startedAt.isBefore(beforeStart.minusSeconds(1)) || startedAt.isAfter(Instant.now().plusSeconds(1)),
                "started_at " + startedAt + " is not now");
        assertEquals(started.get("started_at"), started.get("updated_at"));
        assertNull(started.get("stopped_at"));

        Map<String, Object> paused = aui.roomActionOk("pause", anchor, id);
        assertEquals(PREPARED, number(paused.get("status")), "the AUI clients know no paused status: not live is 0");
        assertSameMicrosecond(started, paused, "started_at");
        assertNull(paused.get("stopped_at"));

        Map<String, Object> resumed = aui.roomActionOk("start", anchor, id);
        assertEquals(LIVE, number(resumed.get("status")));
        assertEquals(paused.get("started_at"), resumed.get("started_at"), "a resume keeps the first start time");

        Map<String, Object> stopped = aui.roomActionOk("stop", anchor, id);
        assertEquals(ENDED, number(stopped.get("status")));
        assertEquals(paused.get("started_at"), stopped.get("started_at"));
        assertEquals(stopped.get("stopped_at"), stopped.get("updated_at"));
        assertFalse(instant(stopped, "stopped_at").isBefore(instant(resumed, "updated_at")));

        Map<String, Object> fetched = aui.roomActionOk("get", anchor, id);
        assertEquals(ENDED, number(fetched.get("status")));
        assertEquals(4L, number(fetched.get("version")), "one version per transition");
    }

    @Test
    void aPausedRoomCanBeStoppedDirectly() {
        User anchor = aui.newUser();
        String id = (String) aui.createRoom(anchor).get("id");
        aui.roomActionOk("start", anchor, id);
        aui.roomActionOk("pause", anchor, id);

        Map<String, Object> stopped = aui.roomActionOk("stop", anchor, id);

        assertEquals(ENDED, number(stopped.get("status")));
    }

    /** Each row: the transitions that succeed first, then the one that must be refused with 409. */
    @ParameterizedTest(name = "after [{0}] {1} is a conflict")
    @CsvSource({
            "'', pause",
            "'', stop",
            "start, start",
            "start pause, pause",
            "start stop, start",
            "start stop, pause",
            "start stop, stop",
            "start pause stop, start",
    })
    void illegalTransitionsAreConflictsAndChangeNothing(String legalSteps, String illegalStep) {
        User anchor = aui.newUser();
        String id = (String) aui.createRoom(anchor).get("id");
        for (String step : legalSteps.isBlank() ? List.<String>of() : List.of(legalSteps.split(" "))) {
            aui.roomActionOk(step, anchor, id);
        }
        Map<String, Object> before = aui.roomActionOk("get", anchor, id);

        assertError(aui.roomAction(illegalStep, anchor, id), 409, null);

        Map<String, Object> after = aui.roomActionOk("get", anchor, id);
        assertEquals(before.get("status"), after.get("status"));
        assertEquals(before.get("version"), after.get("version"));
        assertEquals(before.get("updated_at"), after.get("updated_at"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "pause", "stop"})
    void anotherUserCannotDriveTheLifecycle(String action) {
        User anchor = aui.newUser();
        User other = aui.newUser();
        String id = (String) aui.createRoom(anchor).get("id");
        aui.roomActionOk("start", anchor, id); // so that pause and stop would be legal for the anchor

        assertError(aui.roomAction(action, other, id), 403, null);

        Map<String, Object> room = aui.roomActionOk("get", anchor, id);
        assertEquals(LIVE, number(room.get("status")));
        assertEquals(1L, number(room.get("version")));
    }

    @Test
    void onlyTheAnchorDrivesTheLifecycleNotEvenAnAdmin() {
        User anchor = aui.newUser();
        String id = (String) aui.createRoom(anchor).get("id");

        assertError(aui.roomAction("start", aui.admin(), id), 403, null);
        assertEquals(PREPARED, number(aui.roomActionOk("get", anchor, id).get("status")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "pause", "stop"})
    void transitionsOfAnUnknownRoomAreNotFound(String action) {
        assertError(aui.roomAction(action, aui.newUser(), UUID.randomUUID().toString()), 404, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "start", "pause", "stop", "delete"})
    void roomActionsRefuseAUserIdThatIsNotTheCaller(String action) {
        User anchor = aui.newUser();
        User other = aui.newUser();
        String id = (String) aui.createRoom(anchor).get("id");

        // the anchor's token but someone else's user_id, and the reverse
        assertError(aui.call(action, anchor, fields("id", id, "user_id", other.id())), 403, null);
        assertError(aui.call(action, other, fields("id", id, "user_id", anchor.id())), 403, null);
        assertEquals(PREPARED, number(aui.roomActionOk("get", anchor, id).get("status")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "start", "pause", "stop", "delete"})
    void roomActionsNeedTheRoomId(String action) {
        User user = aui.newUser();

        assertError(aui.call(action, user, fields("user_id", user.id())), 400, "id");
        assertError(aui.call(action, user, fields("id", "", "user_id", user.id())), 400, "id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "start", "pause", "stop", "delete"})
    void roomActionsNeedTheUserId(String action) {
        User anchor = aui.newUser();
        String id = (String) aui.createRoom(anchor).get("id");

        Reply reply = aui.call(action, anchor, fields("id", id));

        assertError(reply, 400, "user_id");
    }
}
