package io.rtcgate.domain.cohost;

import java.util.Objects;

/**
 * Where one member's video sits in the mixed picture: a rectangle on a canvas whose sides are 1.0, and its
 * stacking order ({@code zOrder} 0 at the bottom).
 */
public record MixPane(String userId, double x, double y, double width, double height, int zOrder) {

    public MixPane {
        Objects.requireNonNull(userId, "userId");
        if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > 1.0 + 1e-9 || y + height > 1.0 + 1e-9) {
            throw new IllegalArgumentException("a pane lies inside the unit canvas: " + x + "," + y + " " + width + "x" + height);
        }
        if (zOrder < 0) {
            throw new IllegalArgumentException("zOrder must not be negative");
        }
    }
}
