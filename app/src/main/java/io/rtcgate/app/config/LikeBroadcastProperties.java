package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * The likes part of {@code rtcgate.events.*}: each room gets at most {@code like-broadcasts-per-second}
 * {@code like.added} events per second across all nodes; every node looks for likes to announce every
 * {@code like-flush-interval}.
 */
@ConfigurationProperties("rtcgate.events")
public class LikeBroadcastProperties {

    private int likeBroadcastsPerSecond = 5;
    private Duration likeFlushInterval = Duration.ofMillis(100);

    public int getLikeBroadcastsPerSecond() { return likeBroadcastsPerSecond; }
    public void setLikeBroadcastsPerSecond(int likeBroadcastsPerSecond) { this.likeBroadcastsPerSecond = likeBroadcastsPerSecond; }
    public Duration getLikeFlushInterval() { return likeFlushInterval; }
    public void setLikeFlushInterval(Duration likeFlushInterval) { this.likeFlushInterval = likeFlushInterval; }
}
