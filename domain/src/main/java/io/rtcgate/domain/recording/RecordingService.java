package io.rtcgate.domain.recording;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.callback.CallbackOutcome;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.job.JobReconciler;
import io.rtcgate.domain.job.LatestWrites;
import io.rtcgate.domain.job.RoomJobAccess;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.cleanup.CleanupAction;
import io.rtcgate.domain.cleanup.VendorCleanups;
import io.rtcgate.domain.room.RoomJobs;
import io.rtcgate.domain.room.RoomMoves;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorPorts;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The recordings use case: start, follow and stop a room's recording on the vendor that carries the room,
 * apply the vendors' callbacks, and reconcile what callbacks missed.
 *
 * <p>Nothing runs at a vendor without a row that knows it: the recording is written, with its recorder's
 * identity, before the vendor is asked, and so is every resource the vendor reserves for the start. If the
 * gateway dies between the vendor's answer and the write of the task id, the first callback that names the
 * recorder (or the task on a reserved resource) hands the task back: it is adopted, and stopped at once if
 * the recording was meant to have ended. A vendor call that fails leaves the recording where the vendor's
 * answer allows, and the reconciler finishes it.
 */
public final class RecordingService implements RoomJobs, RoomMoves {

    /**
     * The clean-up that stops the vendor task of a segment a recording closed when its room moved; its target is
     * the recording's id and the segment's index, on two lines.
     */
    public static final String STOP_SEGMENT = "stop-recording-segment";

    /** How long a start whose vendor never confirmed it may stay unconfirmed before the recording fails. */
    public static final Duration UNCONFIRMED_START_LIMIT = Duration.ofMinutes(10);

    private static final System.Logger LOG = System.getLogger(RecordingService.class.getName());

    private final RecordingStore recordings;
    private final RoomStore rooms;
    private final VendorPorts ports;
    private final VendorCleanups cleanups;
    private final Supplier<String> ids;
    private final RandomGenerator random;
    private final Clock clock;
    private final JobReconciler<Recording> reconciler;

    public RecordingService(RecordingStore recordings, RoomStore rooms, VendorPorts ports, VendorCleanups cleanups,
                            Supplier<String> ids, RandomGenerator random, Clock clock, Duration reconcileInterval) {
        this.recordings = recordings;
        this.rooms = rooms;
        this.ports = ports;
        this.cleanups = cleanups;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
        this.reconciler = new JobReconciler<>("recording", recordings, this::reconcileOne, clock, reconcileInterval);
    }

    /** The clean-up action behind {@link #STOP_SEGMENT}: stops the task of the segment its target names, if it has one. */
    public static CleanupAction stopSegmentAction(RecordingStore recordings, VendorPorts ports) {
        return (vendor, target) -> {
            String[] parts = target.split("\n", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a segment stop target: " + target);
            }
            Recording recording = recordings.require(parts[0]);
            RecordingSegment segment = recording.segments().get(Integer.parseInt(parts[1]));
            segment.runningTask(recording.mode()).ifPresent(task -> ports.require(vendor, CloudRecorder.class).stop(task));
        };
    }

    // ---- the API ----

    /**
     * Records the room on the vendor its channel is bound to. The room's anchor or an admin; the room is
     * live or paused; one active recording per room and mode.
     *
     * @throws io.rtcgate.domain.vendor.UnsupportedCapabilityException when the room's vendor does not record
     * @throws ActiveRecordingException naming the active recording
     * @throws VendorException when the vendor refused or failed; the recording is kept, failed
     */
    public Recording start(Caller caller, String roomId, RecordingSpec spec) {
        VendorBinding binding = RoomJobAccess.requireChannelToStart(caller, rooms.require(roomId), "record");
        CloudRecorder recorder = ports.require(binding.vendor(), CloudRecorder.class);
        Recording requested = recordings.insert(Recording.request(ids.get(), roomId, binding.vendor(), binding.channel(),
                RecorderIdentity.randomNumeric(random), spec, clock.instant()));
        Recording starting = recordings.update(requested.starting(clock.instant()));
        return startOnVendor(starting, recorder);
    }

    /** A recording, for the room's anchor or an admin. */
    public Recording get(Caller caller, String recordingId) {
        Recording recording = recordings.require(recordingId);
        requireMayRead(caller, recording.roomId());
        return recording;
    }

    /** A page of the room's recordings, newest first, for the room's anchor or an admin. */
    public Page<Recording> list(Caller caller, String roomId, int limit, Optional<String> cursor) {
        RoomJobAccess.requirePageSize(limit);
        requireMayRead(caller, roomId);
        return recordings.listForRoom(roomId, limit, cursor);
    }

    /**
     * Stops a recording. One that is stopping or has ended is answered as it is. When the vendor cannot be
     * reached the recording stays stopping and the reconciler finishes the stop.
     */
    public Recording stop(Caller caller, String recordingId) {
        Recording recording = recordings.require(recordingId);
        requireMayRead(caller, recording.roomId());
        return stopNow(recording);
    }

    /** The room ended: its active recordings stop too, including one whose start is still in flight. */
    @Override
    public void roomEnded(Room room) {
        for (Recording recording : recordings.activeInRoom(room.id())) {
            try {
                stopNow(recording);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "room {0} ended, its recording {1} is left to the reconciler: {2}", room.id(),
                        recording.id(), e.toString());
            }
        }
    }

    /**
     * The room moved to another channel: each of its recordings that records closes its segment and opens one on
     * the room's new channel with a recorder of its own, started at once. The old segment's task is stopped
     * through the clean-up queue, queued with the change: at once if its vendor answers, else when it does. A
     * room that moved to a vendor that does not record ends its recordings, failed for that reason.
     */
    @Override
    public void roomMoved(Room room, VendorBinding from) {
        RuntimeException failed = null;
        for (Recording recording : recordings.activeInRoom(room.id())) {
            try {
                follow(recording.id(), room);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "room {0} moved, its recording {1} did not follow now: {2}", room.id(), recording.id(),
                        e.toString());
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed; // the follow-up is retried; those that followed are left as they are
        }
    }

    private Recording follow(String recordingId, Room room) {
        VendorBinding to = room.binding().orElseThrow();
        Optional<CloudRecorder> recorder = ports.find(to.vendor(), CloudRecorder.class);
        Recording current = recordings.require(recordingId);
        if (current.state() != RecordingState.RECORDING || current.current().channel().equals(to.channel())) {
            return current; // a start or a stop in flight finishes where it began; a moved one has followed already
        }
        Instant now = clock.instant();
        Recording next = recorder.isPresent()
                ? current.movedTo(to.vendor(), to.channel(), RecorderIdentity.randomNumeric(random), now)
                : current.failed(new JobFailure(null, "the room moved to " + to.vendor().wireName()
                        + ", which does not record here"), now);
        AtomicReference<Recording> saved = new AtomicReference<>();
        Runnable write = () -> saved.set(recordings.update(next));
        if (current.current().runningTask(current.mode()).isPresent()) {
            cleanups.scheduleWith(write, current.vendor(), STOP_SEGMENT,
                    current.id() + "\n" + (current.segments().size() - 1));
        } else {
            write.run();
        }
        return saved.get().state() == RecordingState.STARTING ? startOnVendor(saved.get(), recorder.orElseThrow())
                : saved.get();
    }

    // ---- callbacks ----

    /**
     * Applies a vendor's callback to the recording it names, by its task or else by its recorder. A task the
     * gateway never wrote down is adopted; one that runs for a recording meant to have ended is stopped.
     * Runs in the inbox's processing transaction.
     *
     * @return what it did, for the inbox
     */
    public CallbackOutcome apply(Vendor vendor, RecordingNotice notice) {
        Optional<Recording> found = notice.taskId().flatMap(task -> recordings.findByTask(vendor, task))
                .or(() -> notice.recorder().flatMap(recorder -> recordings.findByRecorder(vendor, recorder)));
        if (found.isEmpty()) {
            return CallbackOutcome.ignored("no recording has " + notice.taskId().map(task -> "task " + task)
                    .orElseGet(() -> "recorder " + notice.recorder().orElseThrow()));
        }
        Recording recording = found.get();
        Instant now = clock.instant();
        Optional<VendorTaskId> unknownTask = notice.taskId()
                .filter(task -> recording.current().task().flatMap(VendorTaskId::taskId).isEmpty())
                .map(task -> new VendorTaskId(recording.current().task().flatMap(VendorTaskId::resourceId), Optional.of(task)));
        if (unknownTask.isPresent() && recording.state().isFinal()) {
            if (stopOrphan(recording, unknownTask.get(), notice)) {
                return CallbackOutcome.applied("recording " + recording.id() + " is " + recording.state().wireName()
                        + ": stopped its vendor task " + unknownTask.get().taskId().orElseThrow());
            }
            return CallbackOutcome.ignored("recording " + recording.id() + " is " + recording.state().wireName()
                    + " and its vendor task ended by itself");
        }
        Recording adopted = unknownTask.isPresent() ? recording.startAnswered(unknownTask.get(), now) : recording;
        if (adopted.state() == RecordingState.COMPLETED && notice.event() == RecordingNotice.Event.FILES) {
            // uploads that finished after the task stopped
            recordings.update(adopted.filesReported(notice.files(), now));
            return CallbackOutcome.applied("recording " + recording.id() + " took the files of " + notice.vendorEvent());
        }
        if (adopted.state().isFinal()) {
            return CallbackOutcome.ignored("recording " + recording.id() + " is " + recording.state().wireName() + ": "
                    + notice.vendorEvent() + " changes nothing");
        }
        Recording next = switch (notice.event()) {
            // a worker failover keeps the task's id, and the REST calls keep the recorder uid the task began with
            case STARTED, PROGRESS, RECORDER_MOVED -> adopted.heard(now);
            case FILES -> adopted.state() == RecordingState.RECORDING || adopted.state() == RecordingState.STOPPING
                    ? adopted.filesReported(notice.files(), now) : adopted.heard(now);
            case ENDED -> adopted.state() == RecordingState.STARTING ? adopted.heard(now) : adopted.completed(notice.files(), now);
            case FAILED -> adopted.failed(notice.failure().orElseThrow(), now);
        };
        Recording saved = recordings.update(next);
        if (unknownTask.isPresent() && saved.state() == RecordingState.STOPPING) {
            // adopted a task whose recording was stopped while its start was in flight
            saved = stopOnVendor(saved);
        }
        return CallbackOutcome.applied("recording " + saved.id() + (unknownTask.isPresent() ? " adopted its task and" : "")
                + " is " + saved.state().wireName() + " after " + notice.vendorEvent());
    }

    // ---- the reconciler ----

    /**
     * One reconciler pass: every active recording with no news for the reconcile interval is brought up to
     * date from its vendor. Recordings held by another node's pass are skipped.
     *
     * @return how many recordings the pass changed
     */
    public int reconcile() {
        return reconciler.pass();
    }

    /** What the vendor says of one quiet recording; returns it unchanged when there is nothing to learn yet. */
    private Recording reconcileOne(Recording recording) {
        Instant now = clock.instant();
        Optional<RecordingTask> task = recording.current().runningTask(recording.mode());
        if (recording.state() == RecordingState.REQUESTED) {
            return recording.failed(new JobFailure(null, "the gateway stopped before asking the vendor to start"), now);
        }
        if (task.isEmpty()) {
            // only the vendor's callback can name the task now; it is adopted, or stopped, whenever it comes
            boolean tooLong = recording.updatedAt().plus(UNCONFIRMED_START_LIMIT).isBefore(now);
            return tooLong ? recording.failed(new JobFailure(null, "the vendor never confirmed the start"), now)
                    : recording;
        }
        if (recording.state() == RecordingState.STOPPING || roomHasEnded(recording)) {
            Recording stopping = recording.state() == RecordingState.STOPPING ? recording : recording.stopping(now);
            return stopResult(stopping, recorderOf(stopping).stop(task.get())).applyTo(stopping, now);
        }
        // a known task means the vendor confirmed the start: the recording is RECORDING
        RecordingStatus status = recorderOf(recording).query(task.get());
        return switch (status.state()) {
            case STARTING, RECORDING -> recording.filesReported(status.files(), now);
            case STOPPING -> recording.stopping(now).filesReported(status.files(), now);
            case ENDED, GONE -> recording.completed(status.files(), now);
            case FAILED -> recording.failed(StopResult.EXITED_ABNORMALLY, now);
        };
    }

    // ---- internals ----

    private Recording startOnVendor(Recording starting, CloudRecorder recorder) {
        RecordingStartRequest request = starting.spec().startIn(starting.current().channel(), starting.current().recorder(),
                Optional.empty());
        RecordingStarted started;
        try {
            started = recorder.start(request, resource -> updateLatest(starting.id(), latest ->
                    latest.state() == RecordingState.STARTING ? latest.resourceReserved(resource, clock.instant()) : latest));
        } catch (RuntimeException e) {
            // a task that did start regardless names its recorder in its callbacks, and is stopped then
            updateLatest(starting.id(), latest -> latest.state().isFinal() ? latest
                    : latest.failed(JobFailure.ofStart(e), clock.instant()));
            throw e;
        }
        Recording answered = updateLatest(starting.id(), latest -> switch (latest.state()) {
            case STARTING -> latest.startAnswered(started.task(), clock.instant());
            case STOPPING -> latest.current().task().flatMap(VendorTaskId::taskId).isEmpty()
                    ? latest.startAnswered(started.task(), clock.instant()) : latest;
            default -> latest;
        });
        if (answered.state() == RecordingState.STOPPING) {
            // the room ended, or the caller stopped it, while the start was in flight
            return stopOnVendor(answered);
        }
        if (answered.state().isFinal()) {
            stopOrphan(answered, started.task(), null);
        }
        return answered;
    }

    private Recording stopNow(Recording recording) {
        if (recording.state().isFinal()) {
            return recording;
        }
        if (recording.state() == RecordingState.REQUESTED) {
            return updateLatest(recording.id(), latest -> latest.state() == RecordingState.REQUESTED
                    ? latest.failed(new JobFailure(null, "stopped before the vendor was asked to start"), clock.instant())
                    : latest);
        }
        Recording stopping = updateLatest(recording.id(), latest ->
                latest.state() == RecordingState.STARTING || latest.state() == RecordingState.RECORDING
                        ? latest.stopping(clock.instant()) : latest);
        return stopping.state() == RecordingState.STOPPING ? stopOnVendor(stopping) : stopping;
    }

    /**
     * Asks the vendor to stop a STOPPING recording's task, if it is known yet (a start in flight stops when
     * its answer comes), and completes the recording with the vendor's answer. A vendor failure leaves it
     * stopping for the reconciler.
     */
    private Recording stopOnVendor(Recording stopping) {
        Optional<RecordingTask> task = stopping.current().runningTask(stopping.mode());
        if (task.isEmpty()) {
            return stopping;
        }
        StopResult result;
        try {
            result = stopResult(stopping, recorderOf(stopping).stop(task.get()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "recording {0}: the vendor did not stop it now, the reconciler tries again: {1}",
                    stopping.id(), e.toString());
            return stopping;
        }
        return updateLatest(stopping.id(), latest -> latest.state() == RecordingState.STOPPING
                ? result.applyTo(latest, clock.instant()) : latest);
    }

    /** How a stopped task ended: with these files, or failed. */
    private record StopResult(List<RecordingFile> files, boolean failed) {

        static final JobFailure EXITED_ABNORMALLY =
                new JobFailure(null, "the vendor reports the task exited abnormally");

        Recording applyTo(Recording stopping, Instant now) {
            return failed ? stopping.failed(EXITED_ABNORMALLY, now) : stopping.completed(files, now);
        }
    }

    /** The vendor's answer to a stop; a task that had ended already reports its files by a query. */
    private StopResult stopResult(Recording stopping, RecordingStopped stopped) {
        return switch (stopped.outcome()) {
            case STOPPED -> new StopResult(stopped.files(), false);
            case NOTHING_RECORDED -> new StopResult(List.of(), false);
            case ALREADY_ENDED -> {
                RecordingStatus status = recorderOf(stopping).query(stopping.current().runningTask(stopping.mode()).orElseThrow());
                yield new StopResult(status.files(), status.state() == TaskState.FAILED);
            }
        };
    }

    /**
     * A vendor task runs for a recording that has ended: stop it, so nothing records (and bills) unseen.
     *
     * @return false when the notice says the task ended by itself
     */
    private boolean stopOrphan(Recording recording, VendorTaskId task, RecordingNotice notice) {
        if (notice != null && (notice.event() == RecordingNotice.Event.ENDED || notice.event() == RecordingNotice.Event.FAILED)) {
            return false;
        }
        LOG.log(Level.WARNING, "recording {0} is {1}, but its vendor task {2} runs: stopping it", recording.id(),
                recording.state().wireName(), task.taskId().orElse("?"));
        recorderOf(recording).stop(new RecordingTask(recording.current().channel(), recording.current().recorder(),
                recording.mode(), task));
        return true;
    }

    private boolean roomHasEnded(Recording recording) {
        return rooms.find(recording.roomId()).map(room -> room.status() == RoomStatus.ENDED).orElse(true);
    }

    private CloudRecorder recorderOf(Recording recording) {
        return ports.require(recording.vendor(), CloudRecorder.class);
    }

    /** Applies {@code change} to the stored recording and saves it, again on a fresh copy when another writer won. */
    private Recording updateLatest(String id, UnaryOperator<Recording> change) {
        return LatestWrites.update(() -> recordings.require(id), change, recordings::update,
                conflict -> conflict instanceof ActiveRecordingException);
    }

    private void requireMayRead(Caller caller, String roomId) {
        RoomJobAccess.requireMayRead(caller, rooms, roomId, "recordings");
    }
}
