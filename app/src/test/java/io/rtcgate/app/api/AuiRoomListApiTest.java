package io.rtcgate.app.api;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.ApiAssertions.instant;
import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.ids;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AUI {@code /list}. The database may hold rooms of other tests and earlier runs, so each test checks the
 * rooms it created (the newest ones) and the order and paging of whatever else is there.
 */
@MicronautTest
class AuiRoomListApiTest extends AuiApiTestBase {

    @Test
    void pageNumAndPageSizeAreRequired() {
        User user = aui.newUser();

        assertError(aui.call("list", user, fields("user_id", user.id(), "page_size", 10)), 400, "page_num");
        assertError(aui.call("list", user, fields("user_id", user.id(), "page_num", 1)), 400, "page_size");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void pagesCountFromOne(int pageNum) {
        assertError(aui.list(aui.newUser(), pageNum, 10, null), 400, "page_num");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void pageSizeIsBetweenOneAndAHundred(int pageSize) {
        assertError(aui.list(aui.newUser(), 1, pageSize, null), 400, "page_size");
    }

    @Test
    void pageSizeLimitsThePage() {
        User user = aui.newUser();
        aui.createRoom(user);
        aui.createRoom(user);

        assertEquals(1, aui.list(user, 1, 1, null).list().size());
        assertEquals(2, aui.list(user, 1, 2, null).list().size());
        assertTrue(aui.list(user, 1, 100, null).list().size() <= 100);
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 4, -2})
    void unknownStatusesAreRejected(int status) {
        assertError(aui.list(aui.newUser(), 1, 10, status), 400, "status");
    }

    @Test
    void statusMinusOneListsEveryStatus() {
        User user = aui.newUser();
        String prepared = (String) aui.createRoom(user).get("id");
        String live = (String) aui.createRoom(user).get("id");
        aui.roomActionOk("start", user, live);

        List<String> all = ids(aui.list(user, 1, 100, -1));

        assertEquals(List.of(live, prepared), all.stream().filter(List.of(live, prepared)::contains).toList());
    }

    @Test
    void listNeedsTheCallersOwnUserId() {
        User user = aui.newUser();

        assertError(aui.call("list", user, fields("page_num", 1, "page_size", 10)), 400, "user_id");
        assertError(aui.list(new User(aui.newUser().id(), user.token()), 1, 10, null), 403, null);
    }

    @Test
    void roomsAreListedNewestFirst() {
        User user = aui.newUser();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add((String) aui.createRoom(user).get("id"));
        }

        Reply page = aui.list(user, 1, 100, null);

        List<String> mine = ids(page).stream().filter(created::contains).toList();
        assertEquals(List.of(created.get(2), created.get(1), created.get(0)), mine);
        assertNewestFirst(page.list());
    }

    /** The AUI wire reports a paused room as 0, so the filter 0 lists prepared and paused rooms; 3 only paused ones. */
    @Test
    void statusFilterListsOnlyRoomsInThatStatus() {
        User user = aui.newUser();
        String prepared = (String) aui.createRoom(user).get("id");
        String live = (String) aui.createRoom(user).get("id");
        aui.roomActionOk("start", user, live);
        String paused = (String) aui.createRoom(user).get("id");
        aui.roomActionOk("start", user, paused);
        aui.roomActionOk("pause", user, paused);
        String ended = (String) aui.createRoom(user).get("id");
        aui.roomActionOk("start", user, ended);
        aui.roomActionOk("stop", user, ended);
        Map<Integer, List<String>> roomsByFilter = Map.of(0, List.of(prepared, paused), 1, List.of(live), 2, List.of(ended),
                3, List.of(paused));
        List<String> mine = List.of(prepared, live, paused, ended);

        for (var entry : roomsByFilter.entrySet()) {
            Reply page = aui.list(user, 1, 100, entry.getKey());
            List<String> listed = ids(page);
            for (String room : mine) {
                assertEquals(entry.getValue().contains(room), listed.contains(room), "status " + entry.getKey() + ", room " + room);
            }
            long wireStatus = entry.getKey() == 3 ? 0 : entry.getKey();
            for (Map<String, Object> room : page.list()) {
                assertEquals(wireStatus, number(room.get("status")), "status " + entry.getKey());
            }
            assertNewestFirst(page.list());
        }
    }

    @Test
    void consecutivePagesDoNotOverlapAndConcatenateInOrder() {
        User user = aui.newUser();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add((String) aui.createRoom(user).get("id"));
        }
        List<String> onePage = ids(aui.list(user, 1, 100, null));
        int pageSize = 2;
        int pages = onePage.indexOf(created.get(0)) / pageSize + 2; // through the oldest room made here, and one more

        List<String> paged = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int pageNum = 1; pageNum <= pages; pageNum++) {
            for (String id : ids(aui.list(user, pageNum, pageSize, null))) {
                assertTrue(seen.add(id), "room " + id + " is on two pages");
                paged.add(id);
            }
        }

        assertEquals(onePage.subList(0, Math.min(onePage.size(), pages * pageSize)), paged);
        assertEquals(List.of(created.get(4), created.get(3), created.get(2), created.get(1), created.get(0)),
                paged.stream().filter(created::contains).toList());
    }

    @Test
    void aPageBeyondTheLastIsEmpty() {
        Reply reply = aui.list(aui.newUser(), 1_000_000_000, 100, null);

        assertEquals(200, reply.status(), reply.body());
        assertEquals(List.of(), reply.list());
    }

    @Test
    void listedRoomsCarryPushUrlsOnlyForTheirAnchor() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String id = (String) aui.createRoom(anchor).get("id");

        Map<String, Object> seenByAnchor = find(aui.list(anchor, 1, 100, null), id);
        Map<String, Object> seenByViewer = find(aui.list(viewer, 1, 100, null), id);

        assertNotNull(seenByAnchor.get("push_url_info"));
        assertTrue(seenByViewer.containsKey("push_url_info"));
        assertNull(seenByViewer.get("push_url_info"));
        assertNotNull(seenByViewer.get("pull_url_info"));
    }

    private static Map<String, Object> find(Reply listReply, String id) {
        return listReply.list().stream().filter(room -> id.equals(room.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("room " + id + " is not listed: " + listReply.body()));
    }

    /** created_at never increases down the page; equal ones are ordered by descending id. */
    private static void assertNewestFirst(List<Map<String, Object>> rooms) {
        for (int i = 1; i < rooms.size(); i++) {
            Map<String, Object> newer = rooms.get(i - 1);
            Map<String, Object> older = rooms.get(i);
            int byTime = instant(newer, "created_at").compareTo(instant(older, "created_at"));
            assertFalse(byTime < 0, "room " + older.get("id") + " is newer than the one before it");
            if (byTime == 0) {
                assertTrue(((String) newer.get("id")).compareTo((String) older.get("id")) > 0, "tie not broken by id");
            }
        }
    }
}
