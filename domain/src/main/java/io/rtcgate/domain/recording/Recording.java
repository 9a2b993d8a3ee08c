package io.rtcgate.domain.recording;

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
import java.util.Set;

/**
 * A recording of a room's channel: the aggregate that guards its lifecycle ({@link RecordingState}).
 * Immutable: every command returns the new recording and refuses an illegal transition with a
 * {@link ConflictException}. It is made of one or more {@link RecordingSegment segments}, each the
 * recording on one vendor; the last one is the current one, on the vendor that carries the room now.
 *
 * <p>A recording is written down with its recorder's identity before any vendor is asked
 * ({@link #request}), so a vendor task that started while the gateway crashed can be found again by the
 * recorder it names.
 */
public final class Recording {

    /** Who the room events of a recording's changes name: the gateway's recordings, whoever asked for the change. */
    public static final String ACTOR = RoomEvent.systemActor("recordings");
    /** The idle time vendors end a recording after when nobody is in the channel, unless told otherwise. */
    public static final Duration DEFAULT_MAX_IDLE = Duration.ofSeconds(30);

    private final String id;
    private final String roomId;
    private final RecordingSpec spec;
    private final RecordingState state;
    private final List<RecordingSegment> segments;
    private final JobFailure failure;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant startedAt;
    private final Instant stoppedAt;
    private final long version;
    /** The room events of the changes since the recording was last saved; the store writes them with it. */
    private final List<RoomEvent> raised;

    private Recording(String id, String roomId, RecordingSpec spec, RecordingState state,
                      List<RecordingSegment> segments, JobFailure failure, Instant createdAt, Instant updatedAt,
                      Instant startedAt, Instant stoppedAt, long version, List<RoomEvent> raised) {
        this.id = Objects.requireNonNull(id, "id");
        this.roomId = Objects.requireNonNull(roomId, "roomId");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.state = Objects.requireNonNull(state, "state");
        this.segments = List.copyOf(segments);
        if (this.segments.isEmpty()) {
            throw new IllegalArgumentException("a recording has at least one segment");
        }
        this.failure = failure;
        if ((state == RecordingState.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a recording has a failure exactly when it failed");
        }
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.startedAt = startedAt;
        this.stoppedAt = stoppedAt;
        this.version = version;
        this.raised = List.copyOf(raised);
    }

    /** A new recording of {@code roomId} on {@code vendor}, in REQUESTED, with its recorder's identity. */
    public static Recording request(String id, String roomId, Vendor vendor, String channel, RecorderIdentity recorder,
                                    RecordingSpec spec, Instant now) {
        return new Recording(id, roomId, spec, RecordingState.REQUESTED,
                List.of(RecordingSegment.starting(vendor, channel, recorder)), null, now, now, null, null, 0, List.of());
    }

    /** A recording as a store kept it. Only stores call this. */
    public static Recording restore(RecordingRecord stored) {
        return new Recording(stored.id(), stored.roomId(), stored.spec(), stored.state(), stored.segments(),
                stored.failure().orElse(null), stored.createdAt(), stored.updatedAt(), stored.startedAt().orElse(null),
                stored.stoppedAt().orElse(null), stored.version(), List.of());
    }

    /** What a store keeps of this recording. */
    public RecordingRecord toRecord() {
        return new RecordingRecord(id, roomId, spec, state, segments, Optional.ofNullable(failure), createdAt,
                updatedAt, Optional.ofNullable(startedAt), Optional.ofNullable(stoppedAt), version);
    }

    /** This recording as the store saved it: same state, the store's next version. Only stores call this. */
    public Recording savedAs(long newVersion) {
        return new Recording(id, roomId, spec, state, segments, failure, createdAt, updatedAt, startedAt, stoppedAt,
                newVersion, List.of());
    }

    /** The room events of the changes since the recording was last saved, oldest first. Only stores call this. */
    public List<RoomEvent> raisedEvents() {
        return raised;
    }

    // ---- commands ----

    /** The gateway is about to ask the current segment's vendor to start: REQUESTED → STARTING. */
    public Recording starting(Instant now) {
        requireState(RecordingState.REQUESTED, "start");
        return moveTo(RecordingState.STARTING, segments, null, now);
    }

    /**
     * The vendor started the current segment's task: STARTING → RECORDING. The recording's start time is
     * the first segment's; a segment opened by a failover keeps it.
     */
    public Recording started(VendorTaskId task, Instant now) {
        Objects.requireNonNull(task, "task");
        requireState(RecordingState.STARTING, "start");
        Recording recording = moveTo(RecordingState.RECORDING, replaceCurrent(current().recording(task, now)), null, now);
        return startedAt == null ? recording.with(now, null) : recording;
    }

    /**
     * The vendor reserved a resource for the start to come (Agora's acquire): written down before the start
     * itself is asked for, so a task whose answer is lost can still be stopped with it. A resource that
     * expired before the start is replaced by the next one.
     */
    public Recording resourceReserved(VendorTaskId resource, Instant now) {
        Objects.requireNonNull(resource, "resource");
        requireState(RecordingState.STARTING, "reserve a resource for");
        if (resource.taskId().isPresent() || current().task().flatMap(VendorTaskId::taskId).isPresent()) {
            throw new ConflictException("recording " + id + " reserves a resource only before its task is known");
        }
        return copy(state, replaceCurrent(current().named(resource)), null, now);
    }

    /**
     * The vendor answered a start, or a callback named the task a start began (a crash may have lost the
     * answer): a STARTING recording is RECORDING; one stopped while its start was in flight (STOPPING, no
     * task id yet, at most a reserved resource) keeps stopping and now knows the task to stop.
     */
    public Recording startAnswered(VendorTaskId task, Instant now) {
        Objects.requireNonNull(task, "task");
        if (state == RecordingState.STARTING) {
            return started(task, now);
        }
        if (state == RecordingState.STOPPING && current().task().flatMap(VendorTaskId::taskId).isEmpty()) {
            return copy(state, replaceCurrent(current().named(task)), null, now);
        }
        throw new ConflictException("recording " + id + " is " + state.wireName() + " and cannot take a started task");
    }

    /** News of the recording that changes nothing else (a progress callback, a query that found it running). */
    public Recording heard(Instant now) {
        return copy(state, segments, failure, now);
    }

    /**
     * The vendor told the current task's id after it started the task without naming it. Only a task
     * that is still unnamed on the same resource takes a name, and only once.
     */
    public Recording taskNamed(VendorTaskId task, Instant now) {
        Objects.requireNonNull(task, "task");
        requireNotFinal("name the task of");
        VendorTaskId known = current().task().orElseThrow(() ->
                new ConflictException("recording " + id + " has no vendor task to name yet"));
        if (known.taskId().isPresent()) {
            throw new ConflictException("recording " + id + " already knows its task " + known.taskId().get());
        }
        if (task.taskId().isEmpty() || !task.resourceId().equals(known.resourceId())) {
            throw new ConflictException("recording " + id + " cannot take a task on another resource, or without an id");
        }
        return copy(state, replaceCurrent(current().named(task)), null, now);
    }

    /**
     * The vendor reported files (by a query or a callback): RECORDING, STOPPING, or COMPLETED, since vendors
     * tell of uploads that finish after the task stopped.
     */
    public Recording filesReported(List<RecordingFile> files, Instant now) {
        Objects.requireNonNull(files, "files");
        if (state != RecordingState.RECORDING && state != RecordingState.STOPPING && state != RecordingState.COMPLETED) {
            throw new ConflictException("cannot take files for recording " + id + " while it is " + state.wireName());
        }
        return copy(state, replaceCurrent(current().withFiles(files)), null, now);
    }

    /** The gateway asks the vendor to stop: RECORDING (or a start still in flight, STARTING) → STOPPING. */
    public Recording stopping(Instant now) {
        return moveTo(RecordingState.STOPPING, replaceCurrent(current().stopping()), null, now);
    }

    /**
     * The vendor's task ended with these files (none when nothing was recorded): STOPPING → COMPLETED, or
     * RECORDING → COMPLETED when the vendor ended it by itself (the channel stayed empty for the idle time).
     */
    public Recording completed(List<RecordingFile> finalFiles, Instant now) {
        Objects.requireNonNull(finalFiles, "finalFiles");
        List<RecordingSegment> closed = replaceCurrent(current().withFiles(finalFiles).ended(SegmentState.ENDED, now));
        return moveTo(RecordingState.COMPLETED, closed, null, now).with(startedAt, now);
    }

    /** The recording failed, for the vendor's reason: any state that is not final → FAILED. */
    public Recording failed(JobFailure reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        List<RecordingSegment> closed = replaceCurrent(current().ended(SegmentState.FAILED, now));
        return moveTo(RecordingState.FAILED, closed, reason, now).with(startedAt, now);
    }

    /**
     * The room moved to another channel (on another vendor, or its own): the current segment ends with the files
     * it has, and a new one opens on {@code vendor} with its own recorder, to be started: RECORDING → STARTING.
     */
    public Recording movedTo(Vendor vendor, String channel, RecorderIdentity recorder, Instant now) {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recorder, "recorder");
        requireState(RecordingState.RECORDING, "move");
        if (channel.equals(current().channel())) {
            throw new ConflictException("recording " + id + " records channel " + channel + " already");
        }
        List<RecordingSegment> next = new ArrayList<>(replaceCurrent(current().ended(SegmentState.ENDED, now)));
        next.add(RecordingSegment.starting(vendor, channel, recorder));
        return moveTo(RecordingState.STARTING, next, null, now);
    }

    // ---- queries ----

    public String id() {
        return id;
    }

    public String roomId() {
        return roomId;
    }

    /** The vendor of the current segment: the one that records the room now, or last did. */
    public Vendor vendor() {
        return current().vendor();
    }

    public RecordingSpec spec() {
        return spec;
    }

    public RecordingMode mode() {
        return spec.mode();
    }

    public Set<RecordingFormat> formats() {
        return spec.formats();
    }

    public RecordingState state() {
        return state;
    }

    public List<RecordingSegment> segments() {
        return segments;
    }

    /** The last segment, on the vendor that carries the room now. */
    public RecordingSegment current() {
        return segments.get(segments.size() - 1);
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

    /** When a vendor first recorded it. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /** When it became COMPLETED or FAILED. */
    public Optional<Instant> stoppedAt() {
        return Optional.ofNullable(stoppedAt);
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "Recording[" + id + ", room " + roomId + ", " + vendor().wireName() + ", " + state.wireName() + ", v" + version
                + "]";
    }

    // ---- internals ----

    private Recording moveTo(RecordingState next, List<RecordingSegment> nextSegments, JobFailure reason, Instant now) {
        if (!state.canMoveTo(next)) {
            throw new ConflictException("cannot move recording " + id + " from " + state.wireName() + " to " + next.wireName());
        }
        Recording moved = copy(next, nextSegments, reason, now);
        List<RoomEvent> events = new ArrayList<>(raised);
        events.add(moved.entered());
        return new Recording(id, roomId, spec, next, nextSegments, reason, createdAt, now, startedAt, stoppedAt, version,
                events);
    }

    /** The event of the state this recording is in, just entered. */
    private RoomEvent entered() {
        RoomEventType type = switch (state) {
            case STARTING -> RoomEventType.RECORDING_STARTING;
            case RECORDING -> RoomEventType.RECORDING_STARTED;
            case STOPPING -> RoomEventType.RECORDING_STOPPING;
            case COMPLETED -> RoomEventType.RECORDING_COMPLETED;
            case FAILED -> RoomEventType.RECORDING_FAILED;
            case REQUESTED -> throw new IllegalStateException("a recording is written REQUESTED, it never enters it");
        };
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recording_id", id);
        data.put("vendor", vendor().wireName());
        data.put("mode", mode().wireName());
        data.put("state", state.wireName());
        current().task().flatMap(VendorTaskId::taskId).ifPresent(task -> data.put("task_id", task));
        if (failure != null) {
            data.put("failure", failure.message());
        }
        return new RoomEvent(roomId, type, ACTOR, updatedAt, data);
    }

    private void requireState(RecordingState expected, String action) {
        if (state != expected) {
            throw new ConflictException("cannot " + action + " recording " + id + " while it is " + state.wireName());
        }
    }

    private void requireNotFinal(String action) {
        if (state.isFinal()) {
            throw new ConflictException("cannot " + action + " recording " + id + ": it is " + state.wireName());
        }
    }

    private Recording copy(RecordingState nextState, List<RecordingSegment> nextSegments, JobFailure reason,
                           Instant now) {
        return new Recording(id, roomId, spec, nextState, nextSegments, reason, createdAt, now, startedAt, stoppedAt,
                version, raised);
    }

    private Recording with(Instant newStartedAt, Instant newStoppedAt) {
        return new Recording(id, roomId, spec, state, segments, failure, createdAt, updatedAt, newStartedAt,
                newStoppedAt, version, raised);
    }

    private List<RecordingSegment> replaceCurrent(RecordingSegment segment) {
        List<RecordingSegment> next = new ArrayList<>(segments);
        next.set(next.size() - 1, segment);
        return next;
    }
}
