package io.rtcgate.domain.ingest;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ingest: a file or a live stream pulled into a room's channel by a vendor, published there by a robot
 * user. Immutable: every command returns the new ingest and refuses an illegal transition with a
 * {@link ConflictException}. A file ingest keeps a {@link PlaybackClock}: its position is where it started
 * plus the time it has played, pauses excluded; a live one has no position.
 */
public final class Ingest {

    /** Who the room events of an ingest's changes name: the gateway's ingests, whoever asked for the change. */
    public static final String ACTOR = RoomEvent.systemActor("ingests");
    /** The tempo ingests play at: the API does not offer another one. */
    public static final double TEMPO = 1.0;

    private final String id;
    private final String roomId;
    private final Vendor vendor;
    private final String channel;
    private final String sourceUrl;
    private final IngestMode mode;
    private final String robotUserId;
    private final int repeat;
    private final int volume;
    private final Duration startPosition;
    private final IngestState state;
    private final String taskId;
    private final PlaybackClock clock;
    private final boolean finished;
    private final JobFailure failure;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant startedAt;
    private final Instant stoppedAt;
    private final long version;
    /** The room events of the changes since the ingest was last saved; the store writes them with it. */
    private final List<RoomEvent> raised;

    private Ingest(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.roomId = Objects.requireNonNull(b.roomId, "roomId");
        this.vendor = Objects.requireNonNull(b.vendor, "vendor");
        this.channel = Objects.requireNonNull(b.channel, "channel");
        this.sourceUrl = Objects.requireNonNull(b.sourceUrl, "sourceUrl");
        this.mode = Objects.requireNonNull(b.mode, "mode");
        this.robotUserId = Objects.requireNonNull(b.robotUserId, "robotUserId");
        this.repeat = b.repeat;
        this.volume = b.volume;
        this.startPosition = Objects.requireNonNull(b.startPosition, "startPosition");
        this.state = Objects.requireNonNull(b.state, "state");
        this.taskId = b.taskId;
        this.clock = b.clock;
        this.finished = b.finished;
        this.failure = b.failure;
        if ((state == IngestState.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("an ingest has a failure exactly when it failed");
        }
        this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(b.updatedAt, "updatedAt");
        this.startedAt = b.startedAt;
        this.stoppedAt = b.stoppedAt;
        this.version = b.version;
        List<RoomEvent> events = new ArrayList<>(b.raised);
        if (b.entered != null) {
            events.add(entered(b.entered));
        }
        this.raised = List.copyOf(events);
        // what the vendor is asked to start must be valid before anything is written
        startRequest();
    }

    /** A new ingest of {@code sourceUrl} into the room's channel, STARTING, from {@code startPosition} for a file. */
    public static Ingest request(String id, String roomId, Vendor vendor, String channel, String sourceUrl, IngestMode mode,
                                 String robotUserId, int repeat, int volume, Duration startPosition, Instant now) {
        Builder b = new Builder();
        b.id = id;
        b.roomId = roomId;
        b.vendor = vendor;
        b.channel = channel;
        b.sourceUrl = sourceUrl;
        b.mode = mode;
        b.robotUserId = robotUserId;
        b.repeat = repeat;
        b.volume = volume;
        b.startPosition = startPosition;
        b.state = IngestState.STARTING;
        b.createdAt = now;
        b.updatedAt = now;
        return new Ingest(b);
    }

    /** An ingest as a store kept it. Only stores call this. */
    public static Ingest restore(IngestRecord stored) {
        return new Ingest(builderOf(stored));
    }

    /** What a store keeps of this ingest. */
    public IngestRecord toRecord() {
        return new IngestRecord(id, roomId, vendor, channel, sourceUrl, mode, robotUserId, repeat, volume, startPosition, state,
                Optional.ofNullable(taskId), Optional.ofNullable(clock), finished, Optional.ofNullable(failure), createdAt,
                updatedAt, Optional.ofNullable(startedAt), Optional.ofNullable(stoppedAt), version);
    }

    /** This ingest as the store saved it: same state, the store's next version. Only stores call this. */
    public Ingest savedAs(long newVersion) {
        Builder b = copy(updatedAt);
        b.version = newVersion;
        b.raised = List.of();
        return new Ingest(b);
    }

    /** The room events of the changes since the ingest was last saved, oldest first. Only stores call this. */
    public List<RoomEvent> raisedEvents() {
        return raised;
    }

    /** News of the ingest that changes nothing else (a describe that found it running). */
    public Ingest heard(Instant now) {
        return new Ingest(copy(now));
    }

    /** What the vendor is asked to start. */
    public IngestStartRequest startRequest() {
        return new IngestStartRequest(channel, robotUserId, sourceUrl, mode, startPosition, repeat, volume);
    }

    // ---- commands ----

    /** The vendor started the task: STARTING → RUNNING; a file's clock starts at its start position. */
    public Ingest started(String vendorTaskId, Instant now) {
        Objects.requireNonNull(vendorTaskId, "vendorTaskId");
        requireState(IngestState.STARTING, "start");
        Builder b = moveTo(IngestState.RUNNING, now);
        b.taskId = vendorTaskId;
        b.clock = mode == IngestMode.VOD ? PlaybackClock.playingFrom(startPosition, now, TEMPO) : null;
        b.startedAt = startedAt == null ? now : startedAt;
        return new Ingest(b);
    }

    /**
     * The vendor named the task of an ingest that was stopped or failed while its start was in flight: the
     * ingest keeps its state, and now knows the task to stop.
     */
    public Ingest taskNamed(String vendorTaskId, Instant now) {
        Objects.requireNonNull(vendorTaskId, "vendorTaskId");
        if (!state.isFinal() || taskId != null) {
            throw new ConflictException("ingest " + id + " is " + state.wireName() + (taskId == null ? "" : " with task " + taskId)
                    + ": only a stopped or failed ingest without a task takes one this way");
        }
        Builder b = copy(now);
        b.taskId = vendorTaskId;
        return new Ingest(b);
    }

    /**
     * The room moved to another channel: the ingest is to start again there, on {@code newVendor}, a file from
     * where it is now. RUNNING or PAUSED → STARTING; the vendor task it had is the caller's to stop.
     */
    public Ingest movedTo(Vendor newVendor, String newChannel, Instant now) {
        Objects.requireNonNull(newVendor, "newVendor");
        Objects.requireNonNull(newChannel, "newChannel");
        if (state != IngestState.RUNNING && state != IngestState.PAUSED) {
            throw new ConflictException("cannot move ingest " + id + " while it is " + state.wireName());
        }
        Duration from = position(now).orElse(Duration.ZERO);
        Builder b = moveTo(IngestState.STARTING, now);
        b.vendor = newVendor;
        b.channel = newChannel;
        b.startPosition = from;
        b.taskId = null;
        b.clock = null;
        return new Ingest(b);
    }

    /** RUNNING → PAUSED; a file's position stops moving. */
    public Ingest paused(Instant now) {
        Builder b = moveTo(IngestState.PAUSED, now);
        b.clock = clock == null ? null : clock.pausedAt(now);
        return new Ingest(b);
    }

    /** PAUSED → RUNNING; a file plays on from where it paused. */
    public Ingest resumed(Instant now) {
        requireState(IngestState.PAUSED, "resume");
        Builder b = moveTo(IngestState.RUNNING, now);
        b.clock = clock == null ? null : clock.resumedAt(now);
        return new Ingest(b);
    }

    /** The volume changed (0 to 100), while the ingest is running or paused. */
    public Ingest volumeSet(int newVolume, Instant now) {
        if (state != IngestState.RUNNING && state != IngestState.PAUSED) {
            throw new ConflictException("cannot change the volume of ingest " + id + " while it is " + state.wireName());
        }
        Builder b = copy(now);
        b.volume = newVolume;
        return new Ingest(b);
    }

    /** Stopped by the caller, or with its room: the file's position is kept, to resume from. */
    public Ingest stopped(Instant now) {
        Builder b = moveTo(IngestState.STOPPED, now);
        b.clock = clock == null ? null : clock.pausedAt(now);
        b.stoppedAt = now;
        return new Ingest(b);
    }

    /** The vendor ended the task by itself: the file played to its end, so it has no position to resume from. */
    public Ingest finished(Instant now) {
        Builder b = moveTo(IngestState.STOPPED, now);
        b.clock = clock == null ? null : clock.pausedAt(now);
        b.finished = true;
        b.stoppedAt = now;
        return new Ingest(b);
    }

    /** Failed, for the vendor's reason: any state that is not final → FAILED. */
    public Ingest failed(JobFailure reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        Builder b = moveTo(IngestState.FAILED, now);
        b.clock = clock == null ? null : clock.pausedAt(now);
        b.failure = reason;
        b.stoppedAt = now;
        return new Ingest(b);
    }

    // ---- queries ----

    /**
     * Where a file is at {@code now}, to save and resume from; empty for a live stream, for a file that played
     * to its end, and before the vendor started it.
     */
    public Optional<Duration> position(Instant now) {
        if (clock == null || finished) {
            return Optional.empty();
        }
        return Optional.of(clock.positionAt(now));
    }

    public String id() {
        return id;
    }

    public String roomId() {
        return roomId;
    }

    public Vendor vendor() {
        return vendor;
    }

    public String channel() {
        return channel;
    }

    public String sourceUrl() {
        return sourceUrl;
    }

    public IngestMode mode() {
        return mode;
    }

    public String robotUserId() {
        return robotUserId;
    }

    public int repeat() {
        return repeat;
    }

    public int volume() {
        return volume;
    }

    public Duration startPosition() {
        return startPosition;
    }

    public IngestState state() {
        return state;
    }

    public Optional<String> taskId() {
        return Optional.ofNullable(taskId);
    }

    /** The vendor task to describe, update or stop, once the vendor named it. */
    public Optional<IngestTask> task() {
        return taskId().map(known -> new IngestTask(channel, robotUserId, known));
    }

    /** Whether the source played to its end (the vendor ended the task by itself). */
    public boolean playedToEnd() {
        return finished;
    }

    public Optional<JobFailure> failure() {
        return Optional.ofNullable(failure);
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

    @Override
    public String toString() {
        return "Ingest[" + id + ", room " + roomId + ", " + vendor.wireName() + ", " + mode.wireName() + ", "
                + state.wireName() + ", v" + version + "]";
    }

    // ---- internals ----

    private void requireState(IngestState expected, String action) {
        if (state != expected) {
            throw new ConflictException("cannot " + action + " ingest " + id + " while it is " + state.wireName());
        }
    }

    private Builder moveTo(IngestState next, Instant now) {
        if (!state.canMoveTo(next)) {
            throw new ConflictException("cannot move ingest " + id + " from " + state.wireName() + " to " + next.wireName());
        }
        Builder b = copy(now);
        b.state = next;
        b.entered = switch (next) {
            case RUNNING -> state == IngestState.PAUSED ? RoomEventType.INGEST_RESUMED : RoomEventType.INGEST_STARTED;
            case PAUSED -> RoomEventType.INGEST_PAUSED;
            case STOPPED -> RoomEventType.INGEST_STOPPED;
            case FAILED -> RoomEventType.INGEST_FAILED;
            case STARTING -> RoomEventType.INGEST_MOVED;
        };
        return b;
    }

    private Builder copy(Instant now) {
        Builder b = builderOf(toRecord());
        b.updatedAt = now;
        b.raised = new ArrayList<>(raised);
        return b;
    }

    /** The event of the state this ingest just entered, as of its own fields. */
    private RoomEvent entered(RoomEventType type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ingest_id", id);
        data.put("vendor", vendor.wireName());
        data.put("source_url", sourceUrl);
        data.put("mode", mode.wireName());
        data.put("user_id", robotUserId);
        data.put("state", state.wireName());
        taskId().ifPresent(task -> data.put("task_id", task));
        position(updatedAt).ifPresent(position -> data.put("progress_seconds", position.toMillis() / 1000.0));
        if (state == IngestState.STARTING && mode == IngestMode.VOD) {
            data.put("start_seconds", startPosition.toMillis() / 1000.0);
        }
        if (state == IngestState.STOPPED) {
            data.put("played_to_end", finished);
        }
        failure().ifPresent(reason -> data.put("failure", reason.message()));
        return new RoomEvent(roomId, type, ACTOR, updatedAt, data);
    }

    private static Builder builderOf(IngestRecord stored) {
        Builder b = new Builder();
        b.id = stored.id();
        b.roomId = stored.roomId();
        b.vendor = stored.vendor();
        b.channel = stored.channel();
        b.sourceUrl = stored.sourceUrl();
        b.mode = stored.mode();
        b.robotUserId = stored.robotUserId();
        b.repeat = stored.repeat();
        b.volume = stored.volume();
        b.startPosition = stored.startPosition();
        b.state = stored.state();
        b.taskId = stored.taskId().orElse(null);
        b.clock = stored.clock().orElse(null);
        b.finished = stored.playedToEnd();
        b.failure = stored.failure().orElse(null);
        b.createdAt = stored.createdAt();
        b.updatedAt = stored.updatedAt();
        b.startedAt = stored.startedAt().orElse(null);
        b.stoppedAt = stored.stoppedAt().orElse(null);
        b.version = stored.version();
        return b;
    }

    private static final class Builder {
        String id;
        String roomId;
        Vendor vendor;
        String channel;
        String sourceUrl;
        IngestMode mode;
        String robotUserId;
        int repeat;
        int volume;
        Duration startPosition;
        IngestState state;
        String taskId;
        PlaybackClock clock;
        boolean finished;
        JobFailure failure;
        Instant createdAt;
        Instant updatedAt;
        Instant startedAt;
        Instant stoppedAt;
        long version;
        List<RoomEvent> raised = List.of();
        /** The event of the state the change moved the ingest to, if it moved it. */
        RoomEventType entered;
    }
}
