package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code rtcgate.comments.*}: each user posts at most {@code per-second} comments per room in any second, on all nodes together. */
@ConfigurationProperties("rtcgate.comments")
public class InteractionProperties {

    private int perSecond = 5;

    public int getPerSecond() { return perSecond; }
    public void setPerSecond(int perSecond) { this.perSecond = perSecond; }
}
