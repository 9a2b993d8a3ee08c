package io.rtcgate.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aliyuncs.live.model.v20161101.StartRtcCloudRecordingRequest.MixLayoutParams.UserPanesItem;
import io.rtcgate.domain.recording.MixLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The panes of a mixed recording: every user gets one, inside the canvas, as each layout means. */
class ArtcMixLayoutsTest {

    @Test
    void bestFitIsAnEqualGridAsSquareAsTheUsersAllow() {
        assertEquals(List.of("a 0 0 1 1 0"), panes(MixLayout.BEST_FIT, "a"));
        assertEquals(List.of("a 0 0 0.5 1 0", "b 0.5 0 0.5 1 0"), panes(MixLayout.BEST_FIT, "a", "b"));
        assertEquals(List.of("a 0 0 0.5 0.5 0", "b 0.5 0 0.5 0.5 0", "c 0 0.5 0.5 0.5 0"), panes(MixLayout.BEST_FIT, "a", "b", "c"));
        assertEquals(List.of("a 0 0 0.3333 0.5 0", "b 0.3333 0 0.3333 0.5 0", "c 0.6666 0 0.3333 0.5 0", "d 0 0.5 0.3333 0.5 0",
                "e 0.3333 0.5 0.3333 0.5 0"), panes(MixLayout.BEST_FIT, "a", "b", "c", "d", "e"));
    }

    @Test
    void floatPutsTheFirstUserOnTheWholeCanvasAndTheOthersInTilesAboveIt() {
        assertEquals(List.of("a 0 0 1 1 0", "b 0.78 0.78 0.2 0.2 1", "c 0.56 0.78 0.2 0.2 1"), panes(MixLayout.FLOAT, "a", "b", "c"));
        assertEquals("f 0.78 0.56 0.2 0.2 1", panes(MixLayout.FLOAT, "a", "b", "c", "d", "e", "f").get(5), "the fifth tile starts a row");
    }

    @Test
    void verticalPutsTheFirstUserLeftAndStacksTheOthersOnTheRight() {
        assertEquals(List.of("a 0 0 1 1 0"), panes(MixLayout.VERTICAL, "a"));
        assertEquals(List.of("a 0 0 0.8 1 0", "b 0.8 0 0.2 0.5 0", "c 0.8 0.5 0.2 0.5 0"), panes(MixLayout.VERTICAL, "a", "b", "c"));
    }

    @Test
    void seventeenUsersStayInsideTheCanvasInEveryLayout() {
        List<String> users = java.util.stream.IntStream.rangeClosed(1, 17).mapToObj(i -> "u" + i).toList();
        for (MixLayout layout : MixLayout.values()) {
            for (UserPanesItem pane : ArtcMixLayouts.panes(layout, users)) {
                double x = Double.parseDouble(pane.getX());
                double y = Double.parseDouble(pane.getY());
                double right = x + Double.parseDouble(pane.getWidth());
                double bottom = y + Double.parseDouble(pane.getHeight());
                assertEquals(true, x >= 0 && y >= 0 && right <= 1 && bottom <= 1, layout + " " + describe(pane));
            }
            assertEquals(users, ArtcMixLayouts.panes(layout, users).stream().map(UserPanesItem::getUserId).toList());
        }
    }

    private static List<String> panes(MixLayout layout, String... users) {
        return ArtcMixLayouts.panes(layout, List.of(users)).stream().map(ArtcMixLayoutsTest::describe).toList();
    }

    private static String describe(UserPanesItem pane) {
        return pane.getUserId() + " " + pane.getX() + " " + pane.getY() + " " + pane.getWidth() + " " + pane.getHeight() + " " + pane.getZOrder();
    }
}
