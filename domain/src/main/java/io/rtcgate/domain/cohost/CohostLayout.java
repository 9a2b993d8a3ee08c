package io.rtcgate.domain.cohost;

import io.rtcgate.domain.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the mixed picture arranges a co-host session's members, on a canvas whose sides are 1.0 (vendors scale
 * it to their output size). The anchor is always the first member. The geometry, for 1 to 4 members:
 *
 * <ul>
 *   <li>{@code picture_in_picture}: the anchor fills the canvas; each other member is a 0.25 × 0.25 pane at
 *       x 0.72, stacked upwards from y 0.72 in steps of 0.27 (0.72, 0.45, 0.18), above the anchor.</li>
 *   <li>{@code side_by_side}: 1 member fills the canvas; 2 split it into left and right halves; 3 give the
 *       anchor the left half and stack the others in the right half's top and bottom; 4 are a 2 × 2 grid
 *       (anchor top left, then top right, bottom left, bottom right).</li>
 * </ul>
 */
public enum CohostLayout {
    PICTURE_IN_PICTURE,
    SIDE_BY_SIDE;

    /** The most members a mix arranges: the anchor and three co-hosts. */
    public static final int MAX_MEMBERS = 4;

    private static final double INSET_SIZE = 0.25;
    private static final double INSET_X = 0.72;
    private static final double INSET_FIRST_Y = 0.72;
    private static final double INSET_STEP = 0.27;

    /** {@code picture_in_picture}, {@code side_by_side}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CohostLayout parse(String value, String field) {
        return Validation.oneOf(CohostLayout.class, value, field);
    }

    /**
     * The panes of {@code userIds} (the anchor first), in the same order.
     *
     * @throws IllegalArgumentException for no member or more than {@link #MAX_MEMBERS}
     */
    public List<MixPane> arrange(List<String> userIds) {
        int count = userIds.size();
        if (count < 1 || count > MAX_MEMBERS) {
            throw new IllegalArgumentException("a mix arranges 1 to " + MAX_MEMBERS + " members, not " + count);
        }
        List<MixPane> panes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            panes.add(this == PICTURE_IN_PICTURE ? insetPane(userIds.get(i), i) : tiledPane(userIds.get(i), i, count));
        }
        return List.copyOf(panes);
    }

    private static MixPane insetPane(String userId, int index) {
        if (index == 0) {
            return new MixPane(userId, 0, 0, 1, 1, 0);
        }
        return new MixPane(userId, INSET_X, INSET_FIRST_Y - (index - 1) * INSET_STEP, INSET_SIZE, INSET_SIZE, 1);
    }

    private static MixPane tiledPane(String userId, int index, int count) {
        return switch (count) {
            case 1 -> new MixPane(userId, 0, 0, 1, 1, 0);
            case 2 -> new MixPane(userId, index * 0.5, 0, 0.5, 1, 0);
            case 3 -> index == 0
                    ? new MixPane(userId, 0, 0, 0.5, 1, 0)
                    : new MixPane(userId, 0.5, (index - 1) * 0.5, 0.5, 0.5, 0);
            default -> new MixPane(userId, (index % 2) * 0.5, (index / 2) * 0.5, 0.5, 0.5, 0);
        };
    }
}
