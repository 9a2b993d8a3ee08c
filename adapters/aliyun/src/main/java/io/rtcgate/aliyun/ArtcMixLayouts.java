package io.rtcgate.aliyun;

import com.aliyuncs.live.model.v20161101.StartRtcCloudRecordingRequest.MixLayoutParams.UserPanesItem;
import io.rtcgate.domain.recording.MixLayout;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The panes of a mixed ARTC recording. Aliyun mixes only users that have a pane (MixLayoutParams.UserPanes:
 * UserId, X, Y, Width and Height as fractions of the canvas from 0 to 1, ZOrder), so every subscribed user
 * gets one, in subscription order, laid out as the gateway's layouts mean (and as Agora draws them):
 * <ul>
 *   <li>{@code best_fit}: an equal grid, as square as the number of users allows;</li>
 *   <li>{@code float}: the first user fills the canvas, the others float above it in small tiles, from the
 *       bottom right, four to a row;</li>
 *   <li>{@code vertical}: the first user on the left four fifths, the others stacked in the right column.</li>
 * </ul>
 */
final class ArtcMixLayouts {

    private static final int SCALE = 4;
    private static final BigDecimal TILE = new BigDecimal("0.2");
    private static final BigDecimal TILE_STEP = new BigDecimal("0.22");
    private static final BigDecimal TILE_ORIGIN = new BigDecimal("0.78");
    private static final int TILES_PER_ROW = 4;
    private static final BigDecimal MAIN_WIDTH = new BigDecimal("0.8");

    private ArtcMixLayouts() {
    }

    static List<UserPanesItem> panes(MixLayout layout, List<String> users) {
        return switch (layout) {
            case BEST_FIT -> grid(users);
            case FLOAT -> floating(users);
            case VERTICAL -> column(users);
        };
    }

    private static List<UserPanesItem> grid(List<String> users) {
        int columns = (int) Math.ceil(Math.sqrt(users.size()));
        int rows = (users.size() + columns - 1) / columns;
        BigDecimal width = fraction(1, columns);
        BigDecimal height = fraction(1, rows);
        List<UserPanesItem> panes = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            panes.add(pane(users.get(i), width.multiply(BigDecimal.valueOf(i % columns)), height.multiply(BigDecimal.valueOf(i / columns)),
                    width, height, 0));
        }
        return panes;
    }

    private static List<UserPanesItem> floating(List<String> users) {
        List<UserPanesItem> panes = new ArrayList<>(List.of(pane(users.get(0), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE,
                BigDecimal.ONE, 0)));
        for (int i = 1; i < users.size(); i++) {
            int tile = i - 1;
            panes.add(pane(users.get(i), TILE_ORIGIN.subtract(TILE_STEP.multiply(BigDecimal.valueOf(tile % TILES_PER_ROW))),
                    TILE_ORIGIN.subtract(TILE_STEP.multiply(BigDecimal.valueOf(tile / TILES_PER_ROW))), TILE, TILE, 1));
        }
        return panes;
    }

    private static List<UserPanesItem> column(List<String> users) {
        if (users.size() == 1) {
            return List.of(pane(users.get(0), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE, 0));
        }
        List<UserPanesItem> panes = new ArrayList<>(List.of(pane(users.get(0), BigDecimal.ZERO, BigDecimal.ZERO, MAIN_WIDTH,
                BigDecimal.ONE, 0)));
        BigDecimal height = fraction(1, users.size() - 1);
        for (int i = 1; i < users.size(); i++) {
            panes.add(pane(users.get(i), MAIN_WIDTH, height.multiply(BigDecimal.valueOf(i - 1)), BigDecimal.ONE.subtract(MAIN_WIDTH),
                    height, 0));
        }
        return panes;
    }

    private static BigDecimal fraction(int numerator, int denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.DOWN);
    }

    private static UserPanesItem pane(String userId, BigDecimal x, BigDecimal y, BigDecimal width, BigDecimal height, int zOrder) {
        UserPanesItem pane = new UserPanesItem();
        pane.setUserId(userId);
        pane.setX(text(x));
        pane.setY(text(y));
        pane.setWidth(text(width));
        pane.setHeight(text(height));
        pane.setZOrder(zOrder);
        return pane;
    }

    /** Aliyun takes the fractions as strings: at most four decimals, no trailing zeros. */
    private static String text(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }
}
