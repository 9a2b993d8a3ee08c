package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code rtcgate.events.*}: how room events reach this node's WebSocket clients and how their audience is counted.
 * <ul>
 *   <li>{@code bus}: {@code postgres} (LISTEN/NOTIFY on the gateway's database, the default) or {@code nats}
 *       ({@code nats.url}, {@code nats.reconnect-wait});</li>
 *   <li>{@code catch-up-interval}: every open connection's room is re-read this often, so a lost wake-up is late,
 *       never missing;</li>
 *   <li>{@code ws.queue-size}: frames one connection may have waiting to be written; when the queue stays full
 *       for {@code ws.send-timeout} the connection is closed with 4008;</li>
 *   <li>{@code audience.*}: this node's {@code node-id} (generated at start when unset), how often it vouches for
 *       its connections ({@code heartbeat-interval}), when a connection whose node stopped vouching no longer counts
 *       ({@code stale-after}) and how often any node removes those ({@code sweep-interval}).</li>
 * </ul>
 * {@code scheduled: false} turns the periodic catch-up, heartbeat and sweep off (tests run their passes themselves).
 */
@ConfigurationProperties("rtcgate.events")
public class EventProperties {

    /** The bus adapters. */
    public enum Bus { POSTGRES, NATS }

    private Bus bus = Bus.POSTGRES;
    private Duration catchUpInterval = Duration.ofSeconds(5);
    private boolean scheduled = true;
    private Nats nats = new Nats();
    private Ws ws = new Ws();
    private Audience audience = new Audience();

    public Bus getBus() { return bus; }
    public void setBus(Bus bus) { this.bus = bus; }
    public Duration getCatchUpInterval() { return catchUpInterval; }
    public void setCatchUpInterval(Duration catchUpInterval) { this.catchUpInterval = catchUpInterval; }
    public boolean isScheduled() { return scheduled; }
    public void setScheduled(boolean scheduled) { this.scheduled = scheduled; }
    public Nats getNats() { return nats; }
    public void setNats(Nats nats) { this.nats = nats; }
    public Ws getWs() { return ws; }
    public void setWs(Ws ws) { this.ws = ws; }
    public Audience getAudience() { return audience; }
    public void setAudience(Audience audience) { this.audience = audience; }

    @ConfigurationProperties("nats")
    public static class Nats {
        private String url = "nats://127.0.0.1:4222";
        private Duration reconnectWait = Duration.ofSeconds(2);

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public Duration getReconnectWait() { return reconnectWait; }
        public void setReconnectWait(Duration reconnectWait) { this.reconnectWait = reconnectWait; }
    }

    @ConfigurationProperties("ws")
    public static class Ws {
        private int queueSize = 256;
        private Duration sendTimeout = Duration.ofSeconds(5);

        public int getQueueSize() { return queueSize; }
        public void setQueueSize(int queueSize) { this.queueSize = queueSize; }
        public Duration getSendTimeout() { return sendTimeout; }
        public void setSendTimeout(Duration sendTimeout) { this.sendTimeout = sendTimeout; }
    }

    @ConfigurationProperties("audience")
    public static class Audience {
        private String nodeId;
        private Duration heartbeatInterval = Duration.ofSeconds(15);
        private Duration staleAfter = Duration.ofSeconds(60);
        private Duration sweepInterval = Duration.ofSeconds(15);

        public String getNodeId() { return nodeId; }
        public void setNodeId(String nodeId) { this.nodeId = nodeId; }
        public Duration getHeartbeatInterval() { return heartbeatInterval; }
        public void setHeartbeatInterval(Duration heartbeatInterval) { this.heartbeatInterval = heartbeatInterval; }
        public Duration getStaleAfter() { return staleAfter; }
        public void setStaleAfter(Duration staleAfter) { this.staleAfter = staleAfter; }
        public Duration getSweepInterval() { return sweepInterval; }
        public void setSweepInterval(Duration sweepInterval) { this.sweepInterval = sweepInterval; }
    }
}
