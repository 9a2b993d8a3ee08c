package io.rtcgate.domain.room;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A live room: the aggregate that guards its own lifecycle and who may change it. Immutable: every
 * command returns a {@link RoomChange}, the new room (with the same {@link #version()}, which the store
 * compares and bumps) and the events it caused. Rooms come into being through {@link #create} and back
 * from storage through {@link #restore}; nothing else sets a room's status or vendor binding.
 */
public final class Room {

    static final int MAX_TEXT = 256;
    static final int MAX_URL = 2048;

    private final String id;
    private final String title;
    private final String notice;
    private final String coverUrl;
    private final String anchorId;
    private final String anchorNick;
    private final String extendsJson;
    private final RoomMode mode;
    private final RoomStatus status;
    private final String chatId;
    private final String meetingId;
    private final String vodId;
    private final List<MeetingMember> meetingMembers;
    private final RoomMetrics metrics;
    private final VendorBinding binding;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant startedAt;
    private final Instant stoppedAt;
    private final long version;
    private final RoomRoute route;
    private final boolean failover;
    private final FailoverHold failoverHold;

    private Room(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.title = Objects.requireNonNull(b.title, "title");
        this.notice = b.notice;
        this.coverUrl = b.coverUrl;
        this.anchorId = Objects.requireNonNull(b.anchorId, "anchorId");
        this.anchorNick = b.anchorNick;
        this.extendsJson = b.extendsJson;
        this.mode = Objects.requireNonNull(b.mode, "mode");
        this.status = Objects.requireNonNull(b.status, "status");
        this.chatId = b.chatId;
        this.meetingId = b.meetingId;
        this.vodId = b.vodId;
        this.meetingMembers = List.copyOf(b.meetingMembers);
        this.metrics = Objects.requireNonNull(b.metrics, "metrics");
        this.binding = b.binding;
        this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(b.updatedAt, "updatedAt");
        this.startedAt = b.startedAt;
        this.stoppedAt = b.stoppedAt;
        this.version = b.version;
        this.route = Objects.requireNonNull(b.route, "route");
        this.failover = b.failover;
        this.failoverHold = b.failoverHold;
    }

    /**
     * A new room in PREPARED state, bound to a vendor channel. Co-host and PK rooms get a meeting id for
     * their co-host session.
     */
    public static RoomChange create(Caller caller, String id, NewRoom request, String meetingId, VendorBinding binding,
                                    Instant now) {
        return create(caller, id, request, meetingId, binding, id, now);
    }

    /**
     * A new room as {@link #create(Caller, String, NewRoom, String, VendorBinding, Instant)} makes it, whose
     * clients chat in the messaging group {@code chatId}; a chat id other than the room id is a group
     * created for the room, which goes when the room goes.
     */
    public static RoomChange create(Caller caller, String id, NewRoom request, String meetingId, VendorBinding binding,
                                    String chatId, Instant now) {
        return create(caller, id, request, meetingId, binding, chatId, RoomRoute.RTC, true, now);
    }

    /**
     * A new room as {@link #create(Caller, String, NewRoom, String, VendorBinding, String, Instant)} makes it, created
     * through {@code route}'s API; with {@code failover} off it stays on its vendor whatever happens to it.
     */
    public static RoomChange create(Caller caller, String id, NewRoom request, String meetingId, VendorBinding binding,
                                    String chatId, RoomRoute route, boolean failover, Instant now) {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(chatId, "chatId");
        Room room = builder()
                .id(id)
                .title(request.title())
                .notice(request.notice())
                .coverUrl(request.coverUrl())
                .anchorId(request.anchorId())
                .anchorNick(request.anchorNick())
                .extendsJson(request.extendsJson())
                .mode(request.mode())
                .status(RoomStatus.PREPARED)
                .chatId(chatId)
                .meetingId(request.mode() == RoomMode.NORMAL ? null : meetingId)
                .metrics(RoomMetrics.ZERO)
                .binding(binding)
                .createdAt(now)
                .updatedAt(now)
                .version(0)
                .route(route)
                .failover(failover)
                .build();
        return room.changed(caller, RoomEventType.ROOM_CREATED, now, Map.of(
                "title", room.title, "anchor_id", room.anchorId, "mode", (long) room.mode.code(),
                "vendor", binding.vendor().wireName(), "channel", binding.channel(), "epoch", binding.epoch()));
    }

    /** A room as a store kept it. Only stores call this. */
    public static Room restore(RoomRecord stored) {
        return builder()
                .id(stored.id()).title(stored.title()).notice(stored.notice()).coverUrl(stored.coverUrl())
                .anchorId(stored.anchorId()).anchorNick(stored.anchorNick()).extendsJson(stored.extendsJson())
                .mode(stored.mode()).status(stored.status()).chatId(stored.chatId()).meetingId(stored.meetingId())
                .vodId(stored.vodId()).meetingMembers(stored.meetingMembers()).metrics(stored.metrics())
                .binding(stored.binding()).createdAt(stored.createdAt()).updatedAt(stored.updatedAt())
                .startedAt(stored.startedAt()).stoppedAt(stored.stoppedAt()).version(stored.version())
                .route(stored.route()).failover(stored.failover()).failoverHold(stored.failoverHold())
                .build();
    }

    /** What a store keeps of this room. */
    public RoomRecord toRecord() {
        return new RoomRecord(id, title, notice, coverUrl, anchorId, anchorNick, extendsJson, mode, status, chatId,
                meetingId, vodId, meetingMembers, metrics, binding, createdAt, updatedAt, startedAt, stoppedAt, version, route,
                failover, failoverHold);
    }

    /** This room as the store saved it: same state, the store's next version. Only stores call this. */
    public Room savedAs(long newVersion) {
        return toBuilder().version(newVersion).build();
    }

    public boolean isAnchor(Caller caller) {
        return anchorId.equals(caller.userId());
    }

    public boolean isMeetingMember(String userId) {
        return meetingMembers.stream().anyMatch(member -> member.userId().equals(userId));
    }

    /** Only the anchor changes a room. */
    public void requireAnchor(Caller caller) {
        if (!isAnchor(caller)) {
            throw new ForbiddenException("only the room's anchor may do this");
        }
    }

    /** Goes live, or resumes a paused room; a resume keeps the time the live first started. */
    public RoomChange start(Caller caller, Instant now) {
        requireAnchor(caller);
        RoomEventType type = status == RoomStatus.PAUSED ? RoomEventType.ROOM_RESUMED : RoomEventType.ROOM_STARTED;
        Room live = moveTo(RoomStatus.LIVE, now);
        Room started = startedAt == null ? live.toBuilder().startedAt(now).build() : live;
        return started.changed(caller, type, now, Map.of());
    }

    public RoomChange pause(Caller caller, Instant now) {
        requireAnchor(caller);
        return moveTo(RoomStatus.PAUSED, now).changed(caller, RoomEventType.ROOM_PAUSED, now, Map.of());
    }

    public RoomChange stop(Caller caller, Instant now) {
        requireAnchor(caller);
        return moveTo(RoomStatus.ENDED, now).toBuilder().stoppedAt(now).build()
                .changed(caller, RoomEventType.ROOM_STOPPED, now, Map.of());
    }

    /** The anchor deletes the room; the change carries the room as it was, which the store removes. */
    public RoomChange delete(Caller caller, Instant now) {
        requireAnchor(caller);
        return changed(caller, RoomEventType.ROOM_DELETED, now, Map.of());
    }

    /** Changes the descriptive fields; the event names the fields that were given. */
    public RoomChange update(Caller caller, RoomChanges changes, Instant now) {
        requireAnchor(caller);
        Map<String, Object> changed = new LinkedHashMap<>();
        putIfGiven(changed, "title", changes.title());
        putIfGiven(changed, "notice", changes.notice());
        putIfGiven(changed, "cover_url", changes.coverUrl());
        putIfGiven(changed, "extends", changes.extendsJson());
        return toBuilder()
                .title(changes.title() != null ? changes.title() : title)
                .notice(changes.notice() != null ? changes.notice() : notice)
                .coverUrl(changes.coverUrl() != null ? changes.coverUrl() : coverUrl)
                .extendsJson(changes.extendsJson() != null ? changes.extendsJson() : extendsJson)
                .updatedAt(now)
                .build()
                .changed(caller, RoomEventType.ROOM_UPDATED, now, changed);
    }

    /**
     * The vendor reports one of the room's streams up: the anchor's CDN stream ({@code relayedUser} empty)
     * or the relay of a user's media from the room's RTC channel. It takes a prepared room live and resumes
     * a paused one. System-caused, so no caller: the events' actor is the reporting vendor. Empty for an
     * ended room, which no stream changes.
     */
    public Optional<RoomChange> streamPublished(String source, String stream, Optional<String> relayedUser, Instant now) {
        if (status == RoomStatus.ENDED) {
            return Optional.empty();
        }
        String actor = RoomEvent.systemActor(source);
        RoomEvent published = new RoomEvent(id, RoomEventType.STREAM_PUBLISHED, actor, now, streamData(source, stream, relayedUser));
        if (status == RoomStatus.LIVE) {
            return Optional.of(new RoomChange(this, List.of(published)));
        }
        RoomEventType moved = status == RoomStatus.PAUSED ? RoomEventType.ROOM_RESUMED : RoomEventType.ROOM_STARTED;
        Room live = moveTo(RoomStatus.LIVE, now);
        Room started = startedAt == null ? live.toBuilder().startedAt(now).build() : live;
        return Optional.of(new RoomChange(started, List.of(published,
                new RoomEvent(id, moved, actor, now, Map.of("cause", RoomEventType.STREAM_PUBLISHED.wireName())))));
    }

    /**
     * The vendor reports one of the room's streams down. When it is the anchor's (the CDN stream, or the
     * anchor's relay) a live room pauses; a co-host's stream going down changes no status. Empty for an
     * ended room.
     */
    public Optional<RoomChange> streamInterrupted(String source, String stream, Optional<String> relayedUser, Instant now) {
        if (status == RoomStatus.ENDED) {
            return Optional.empty();
        }
        String actor = RoomEvent.systemActor(source);
        RoomEvent interrupted = new RoomEvent(id, RoomEventType.STREAM_INTERRUPTED, actor, now,
                streamData(source, stream, relayedUser));
        boolean anchors = relayedUser.map(anchorId::equals).orElse(true);
        if (!anchors || status != RoomStatus.LIVE) {
            return Optional.of(new RoomChange(this, List.of(interrupted)));
        }
        return Optional.of(new RoomChange(moveTo(RoomStatus.PAUSED, now), List.of(interrupted,
                new RoomEvent(id, RoomEventType.ROOM_PAUSED, actor, now,
                        Map.of("cause", RoomEventType.STREAM_INTERRUPTED.wireName())))));
    }

    private static Map<String, Object> streamData(String source, String stream, Optional<String> relayedUser) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("vendor", source);
        data.put("stream", stream);
        relayedUser.ifPresent(user -> data.put("user_id", user));
        return data;
    }

    /**
     * Moves a live or paused room to a new channel on {@code vendor} (another vendor, or its own for a fresh
     * channel): the next epoch, and a {@code vendor.switched} event that tells clients to ask for a join
     * credential again. Whatever held a failover back is gone with the move.
     *
     * @param actor who moved it: an admin, or the system actor of the failover
     * @param reason why, for the event
     */
    public RoomChange rebind(Vendor vendor, String reason, String actor, Instant now) {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(reason, "reason");
        if (status != RoomStatus.LIVE && status != RoomStatus.PAUSED) {
            throw new ConflictException("room " + id + " is " + status.wireName() + ": only a live or paused room moves to"
                    + " another channel");
        }
        if (binding == null) {
            throw new ConflictException("room " + id + " has no vendor channel to move from");
        }
        VendorBinding next = binding.next(id, vendor);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", binding.vendor().wireName());
        data.put("to", vendor.wireName());
        data.put("epoch", next.epoch());
        data.put("channel", next.channel());
        data.put("reason", reason);
        Room moved = toBuilder().binding(next).failoverHold(null).updatedAt(now).build();
        return new RoomChange(moved, List.of(new RoomEvent(id, RoomEventType.VENDOR_SWITCHED, actor, now, data)));
    }

    /**
     * Failover could not move the room off its vendor, for {@code reason}: the room keeps the reason and tells
     * it once, in a {@code vendor.switch_blocked} event. Empty when it holds for that reason already.
     */
    public Optional<RoomChange> failoverBlocked(String reason, String actor, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if (failoverHold != null && failoverHold.reason().equals(reason)) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        binding().ifPresent(current -> {
            data.put("vendor", current.vendor().wireName());
            data.put("epoch", current.epoch());
        });
        data.put("reason", reason);
        Room held = toBuilder().failoverHold(new FailoverHold(reason, now)).build();
        return Optional.of(new RoomChange(held, List.of(new RoomEvent(id, RoomEventType.VENDOR_SWITCH_BLOCKED, actor, now, data))));
    }

    /** An ended room takes no more members or participants. */
    public void requireNotEnded() {
        if (status == RoomStatus.ENDED) {
            throw new ConflictException("the room has ended");
        }
    }

    /** Co-host members exist only in co-host rooms, as in the AUI AppServer. */
    public void requireCoHostSession() {
        if (mode != RoomMode.COHOST) {
            throw new ConflictException("the room is not in co-host mode (mode 1)");
        }
    }

    public String streamName() {
        return id;
    }

    private RoomChange changed(Caller caller, RoomEventType type, Instant now, Map<String, Object> data) {
        return new RoomChange(this, List.of(new RoomEvent(id, type, caller.userId(), now, data)));
    }

    private static void putIfGiven(Map<String, Object> changed, String field, String value) {
        if (value != null) {
            changed.put(field, value);
        }
    }

    private Room moveTo(RoomStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new ConflictException("cannot move a room from " + status + " to " + next);
        }
        return toBuilder().status(next).updatedAt(now).build();
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String notice() {
        return notice;
    }

    public String coverUrl() {
        return coverUrl;
    }

    public String anchorId() {
        return anchorId;
    }

    public String anchorNick() {
        return anchorNick;
    }

    public String extendsJson() {
        return extendsJson;
    }

    public RoomMode mode() {
        return mode;
    }

    public RoomStatus status() {
        return status;
    }

    public String chatId() {
        return chatId;
    }

    /** The messaging group created for this room, if any: its chat id when that is not the room id. */
    public Optional<String> messageGroup() {
        return chatId == null || chatId.equals(id) ? Optional.empty() : Optional.of(chatId);
    }

    public Optional<String> meetingId() {
        return Optional.ofNullable(meetingId);
    }

    public Optional<String> vodId() {
        return Optional.ofNullable(vodId);
    }

    public List<MeetingMember> meetingMembers() {
        return meetingMembers;
    }

    public RoomMetrics metrics() {
        return metrics;
    }

    /** The vendor channel; absent only for rooms imported from an AUI AppServer database. */
    public Optional<VendorBinding> binding() {
        return Optional.ofNullable(binding);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> stoppedAt() {
        return Optional.ofNullable(stoppedAt);
    }

    public long version() {
        return version;
    }

    /** The API the room was created through, whose routing list it stays within. */
    public RoomRoute route() {
        return route;
    }

    /** Whether failover may move the room off a failed vendor; off, it stays where it is. */
    public boolean failsOver() {
        return failover;
    }

    /** Why failover could not move the room, while that holds. */
    public Optional<FailoverHold> failoverHold() {
        return Optional.ofNullable(failoverHold);
    }

    private Builder toBuilder() {
        return builder()
                .id(id).title(title).notice(notice).coverUrl(coverUrl)
                .anchorId(anchorId).anchorNick(anchorNick).extendsJson(extendsJson)
                .mode(mode).status(status).chatId(chatId).meetingId(meetingId).vodId(vodId)
                .meetingMembers(meetingMembers).metrics(metrics).binding(binding)
                .createdAt(createdAt).updatedAt(updatedAt).startedAt(startedAt).stoppedAt(stoppedAt)
                .version(version).route(route).failover(failover).failoverHold(failoverHold);
    }

    private static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "Room[" + id + ", " + status + ", v" + version + "]";
    }

    /** How the room builds its changed copies. */
    private static final class Builder {
        private String id;
        private String title;
        private String notice;
        private String coverUrl;
        private String anchorId;
        private String anchorNick;
        private String extendsJson;
        private RoomMode mode = RoomMode.NORMAL;
        private RoomStatus status = RoomStatus.PREPARED;
        private String chatId;
        private String meetingId;
        private String vodId;
        private List<MeetingMember> meetingMembers = List.of();
        private RoomMetrics metrics = RoomMetrics.ZERO;
        private VendorBinding binding;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant startedAt;
        private Instant stoppedAt;
        private long version;
        private RoomRoute route = RoomRoute.RTC;
        private boolean failover = true;
        private FailoverHold failoverHold;

        private Builder() {
        }

        Builder id(String v) { this.id = v; return this; }
        Builder title(String v) { this.title = v; return this; }
        Builder notice(String v) { this.notice = v; return this; }
        Builder coverUrl(String v) { this.coverUrl = v; return this; }
        Builder anchorId(String v) { this.anchorId = v; return this; }
        Builder anchorNick(String v) { this.anchorNick = v; return this; }
        Builder extendsJson(String v) { this.extendsJson = v; return this; }
        Builder mode(RoomMode v) { this.mode = v; return this; }
        Builder status(RoomStatus v) { this.status = v; return this; }
        Builder chatId(String v) { this.chatId = v; return this; }
        Builder meetingId(String v) { this.meetingId = v; return this; }
        Builder vodId(String v) { this.vodId = v; return this; }
        Builder meetingMembers(List<MeetingMember> v) { this.meetingMembers = v; return this; }
        Builder metrics(RoomMetrics v) { this.metrics = v; return this; }
        Builder binding(VendorBinding v) { this.binding = v; return this; }
        Builder createdAt(Instant v) { this.createdAt = v; return this; }
        Builder updatedAt(Instant v) { this.updatedAt = v; return this; }
        Builder startedAt(Instant v) { this.startedAt = v; return this; }
        Builder stoppedAt(Instant v) { this.stoppedAt = v; return this; }
        Builder version(long v) { this.version = v; return this; }
        Builder route(RoomRoute v) { this.route = v; return this; }
        Builder failover(boolean v) { this.failover = v; return this; }
        Builder failoverHold(FailoverHold v) { this.failoverHold = v; return this; }

        Room build() {
            return new Room(this);
        }
    }
}
