package io.rtcgate.domain.ingest;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.callback.CallbackOutcome;
import io.rtcgate.domain.cleanup.CleanupAction;
import io.rtcgate.domain.cleanup.VendorCleanups;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.job.JobReconciler;
import io.rtcgate.domain.job.LatestWrites;
import io.rtcgate.domain.job.RoomJobAccess;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomJobs;
import io.rtcgate.domain.room.RoomMoves;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.UnsupportedCapabilityException;
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

/**
 * The ingests use case: pull a file or a live stream into a room's channel on the vendor that carries the room,
 * pause, resume and stop it, apply the vendors' callbacks, reconcile what callbacks missed, and keep where each
 * file was so the next start in the room resumes it there.
 *
 * <p>As with recordings, nothing runs at a vendor without a row that knows it: the ingest is written before the
 * vendor is asked to start it. A stop is written, with the vendor's stop queued as a durable clean-up in the same
 * transaction, before the vendor is asked: a vendor that fails or a node that dies then still gets its task
 * stopped by the clean-up retriers, and the vendor's own "task ended" callback for it finds the ingest stopped
 * already and changes nothing.
 */
public final class IngestService implements RoomJobs, RoomMoves {

    /** The clean-up that stops an ingest's vendor task; its target is the ingest's id. */
    public static final String STOP_TASK = "stop-ingest";
    /**
     * The clean-up that stops the vendor task an ingest left on its room's old channel when the room moved; its
     * target names the task itself, since the ingest names its new one.
     */
    public static final String STOP_MOVED_TASK = "stop-moved-ingest";
    /** How long a start whose answer never came may stay unconfirmed before the ingest fails. */
    public static final Duration UNCONFIRMED_START_LIMIT = Duration.ofMinutes(10);
    /** How many playing files one progress pass saves; more wait for the next pass. */
    static final int PROGRESS_BATCH = 1000;

    private static final System.Logger LOG = System.getLogger(IngestService.class.getName());

    private final IngestStore ingests;
    private final IngestPositions positions;
    private final RoomStore rooms;
    private final VendorPorts ports;
    private final VendorCleanups cleanups;
    private final Supplier<String> ids;
    private final Clock clock;
    private final JobReconciler<Ingest> reconciler;

    public IngestService(IngestStore ingests, IngestPositions positions, RoomStore rooms, VendorPorts ports,
                         VendorCleanups cleanups, Supplier<String> ids, Clock clock, Duration reconcileInterval) {
        this.ingests = ingests;
        this.positions = positions;
        this.rooms = rooms;
        this.ports = ports;
        this.cleanups = cleanups;
        this.ids = ids;
        this.clock = clock;
        this.reconciler = new JobReconciler<>("ingest", ingests, this::reconcileOne, clock, reconcileInterval);
    }

    /**
     * The clean-up action behind {@link #STOP_MOVED_TASK}: stops the task its target names (the task id, channel
     * and robot user, on three lines).
     */
    public static CleanupAction stopMovedTaskAction(VendorPorts ports) {
        return (vendor, target) -> {
            String[] parts = target.split("\n", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not an ingest task stop target: " + target);
            }
            ports.require(vendor, StreamIngester.class).stop(new IngestTask(parts[1], parts[2], parts[0]));
        };
    }

    /** The clean-up action behind {@link #STOP_TASK}: stops the vendor task the ingest names, if it names one. */
    public static CleanupAction stopTaskAction(IngestStore ingests, VendorPorts ports) {
        return (vendor, ingestId) -> ingests.require(ingestId).task()
                .ifPresent(task -> ports.require(vendor, StreamIngester.class).stop(task));
    }

    // ---- the API ----

    /**
     * Pulls the source into the room's channel. The room's anchor or an admin; the room is live or paused; one
     * active ingest per room and robot user. A file asked to resume starts where it last stopped in the room.
     *
     * @throws UnsupportedCapabilityException when the room's vendor cannot ingest, naming the vendors that can
     * @throws ConflictException naming the active ingest of the same robot
     * @throws io.rtcgate.domain.vendor.VendorException when the vendor refused or failed; the ingest is kept, failed
     */
    public Ingest start(Caller caller, String roomId, IngestRequest request) {
        VendorBinding binding = RoomJobAccess.requireChannelToStart(caller, rooms.require(roomId), "ingest into");
        StreamIngester ingester = ports.find(binding.vendor(), StreamIngester.class)
                .orElseThrow(() -> new UnsupportedCapabilityException(binding.vendor(), Capability.INGEST, ingestingVendors()));
        Duration from = request.resume() ? positions.find(roomId, request.sourceUrl()).orElse(Duration.ZERO) : Duration.ZERO;
        Ingest starting = ingests.insert(Ingest.request(ids.get(), roomId, binding.vendor(), binding.channel(),
                request.sourceUrl(), request.mode(), request.robotUserId(), request.repeat(), request.volume(), from,
                clock.instant()));
        return startOnVendor(starting, ingester);
    }

    /** Asks the vendor to start a STARTING ingest and saves its answer; a failed start fails the ingest. */
    private Ingest startOnVendor(Ingest starting, StreamIngester ingester) {
        String taskId;
        try {
            taskId = ingester.start(starting.startRequest());
        } catch (RuntimeException e) {
            updateLatest(starting.id(), latest -> latest.state().isFinal() ? latest : latest.failed(JobFailure.ofStart(e),
                    clock.instant()));
            throw e;
        }
        Ingest answered = updateLatest(starting.id(), latest -> {
            if (latest.state() == IngestState.STARTING) {
                return latest.started(taskId, clock.instant());
            }
            return latest.taskId().isEmpty() ? latest.taskNamed(taskId, clock.instant()) : latest;
        });
        if (answered.state().isFinal()) {
            // stopped (with its room, or by the caller) while the start was in flight: its task must not play on
            cleanups.schedule(answered.vendor(), STOP_TASK, answered.id());
        }
        return answered;
    }

    /** An ingest, for the room's anchor or an admin. */
    public Ingest get(Caller caller, String ingestId) {
        Ingest ingest = ingests.require(ingestId);
        requireMayRead(caller, ingest.roomId());
        return ingest;
    }

    /** A page of the room's ingests, newest first, for the room's anchor or an admin. */
    public Page<Ingest> list(Caller caller, String roomId, int limit, Optional<String> cursor) {
        RoomJobAccess.requirePageSize(limit);
        requireMayRead(caller, roomId);
        return ingests.listForRoom(roomId, limit, cursor);
    }

    /**
     * Pauses or resumes a running ingest and sets its volume. The vendor is asked first; what it did is saved
     * after, and a pause saves the file's position.
     *
     * @throws ConflictException when the ingest is not running or paused, the vendor cannot do it, or the vendor
     *     no longer has the task (the ingest ends then, as when its end is reported)
     */
    public Ingest update(Caller caller, String ingestId, IngestUpdate update) {
        Ingest ingest = ingests.require(ingestId);
        requireMayRead(caller, ingest.roomId());
        if (ingest.state() != IngestState.RUNNING && ingest.state() != IngestState.PAUSED) {
            throw new ConflictException("ingest " + ingestId + " is " + ingest.state().wireName()
                    + ": only a running or paused ingest can be paused, resumed or given another volume");
        }
        StreamIngester ingester = ports.require(ingest.vendor(), StreamIngester.class);
        try {
            ingester.update(ingest.task().orElseThrow(), update);
        } catch (VendorException e) {
            boolean gone = e.kind() == VendorException.Kind.REJECTED
                    && ingester.describe(ingest.task().orElseThrow()) == IngestTaskState.GONE;
            if (gone) {
                Ingest ended = updateLatest(ingestId, latest -> latest.state().isFinal() ? latest
                        : ended(latest, clock.instant()));
                keepPositionAtEnd(ended);
                throw new ConflictException("ingest " + ingestId + " had ended at the vendor before the change: it is "
                        + ended.state().wireName() + " now");
            }
            throw e;
        }
        Ingest saved = updateLatest(ingestId, latest -> {
            if (latest.state() != IngestState.RUNNING && latest.state() != IngestState.PAUSED) {
                return latest; // it ended meanwhile; the vendor's answer changes nothing
            }
            Instant now = clock.instant();
            Ingest next = latest;
            if (update.paused().orElse(false) && next.state() == IngestState.RUNNING) {
                next = next.paused(now);
            } else if (!update.paused().orElse(true) && next.state() == IngestState.PAUSED) {
                next = next.resumed(now);
            }
            if (update.volume().isPresent()) {
                next = next.volumeSet(update.volume().get(), now);
            }
            return next;
        });
        if (saved.state() == IngestState.PAUSED) {
            savePosition(saved);
        }
        return saved;
    }

    /**
     * Stops an ingest and keeps a file's position to resume from. One that has ended is answered as it is. The
     * vendor's stop is queued with the change and tried at once; when the vendor cannot be reached now it is
     * retried until it answers.
     */
    public Ingest stop(Caller caller, String ingestId) {
        Ingest ingest = ingests.require(ingestId);
        requireMayRead(caller, ingest.roomId());
        return stopNow(ingestId);
    }

    /** The room ended: its ingests stop too, including one whose start is still in flight. */
    @Override
    public void roomEnded(Room room) {
        for (Ingest ingest : ingests.activeInRoom(room.id())) {
            try {
                stopNow(ingest.id());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "room {0} ended, its ingest {1} is left to the reconciler: {2}", room.id(), ingest.id(),
                        e.toString());
            }
        }
    }

    /**
     * The room moved to another channel: each running or paused ingest starts again there, a file from where it
     * was (a paused one is paused again once started). The task on the old channel is stopped through the clean-up
     * queue, queued with the change: at once if its vendor answers, else when it does. A room that moved to a
     * vendor that cannot ingest stops its ingests, keeping a file's position.
     */
    @Override
    public void roomMoved(Room room, VendorBinding from) {
        RuntimeException failed = null;
        for (Ingest ingest : ingests.activeInRoom(room.id())) {
            try {
                follow(ingest.id(), room);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "room {0} moved, its ingest {1} did not follow now: {2}", room.id(), ingest.id(),
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

    private Ingest follow(String ingestId, Room room) {
        VendorBinding to = room.binding().orElseThrow();
        Ingest current = ingests.require(ingestId);
        boolean paused = current.state() == IngestState.PAUSED;
        if ((current.state() != IngestState.RUNNING && !paused) || current.channel().equals(to.channel())) {
            return current; // a start in flight finishes where it began; a moved one has followed already
        }
        Optional<StreamIngester> ingester = ports.find(to.vendor(), StreamIngester.class);
        if (ingester.isEmpty()) {
            LOG.log(Level.WARNING, "room {0} moved to {1}, which cannot ingest: ingest {2} stops", room.id(),
                    to.vendor().wireName(), ingestId);
            return stopNow(ingestId);
        }
        IngestTask old = current.task().orElseThrow();
        Ingest moved = current.movedTo(to.vendor(), to.channel(), clock.instant());
        AtomicReference<Ingest> saved = new AtomicReference<>();
        cleanups.scheduleWith(() -> saved.set(ingests.update(moved)), current.vendor(), STOP_MOVED_TASK,
                old.taskId() + "\n" + old.channel() + "\n" + old.robotUserId());
        Ingest started = startOnVendor(saved.get(), ingester.get());
        if (!paused || started.state() != IngestState.RUNNING) {
            return started;
        }
        ingester.get().update(started.task().orElseThrow(), new IngestUpdate(Optional.of(true), Optional.empty()));
        return updateLatest(ingestId, latest -> latest.state() == IngestState.RUNNING ? latest.paused(clock.instant()) : latest);
    }

    // ---- progress ----

    /**
     * Saves where every playing file is now, so a crash of the gateway loses at most the time since the last
     * pass. Every node may run it: each save replaces the one before.
     *
     * @return how many positions it saved
     */
    public int saveProgress() {
        int saved = 0;
        for (Ingest ingest : ingests.playingFiles(PROGRESS_BATCH)) {
            if (savePosition(ingest)) {
                saved++;
            }
        }
        return saved;
    }

    // ---- callbacks ----

    /**
     * Applies a vendor's ingest callback to the ingest whose task it names. A task that ended by itself played to
     * its end, or was ended at the vendor: a running file then forgets its position, a paused one keeps it. Runs in
     * the inbox's processing transaction.
     */
    public CallbackOutcome apply(Vendor vendor, IngestNotice notice) {
        Optional<Ingest> found = ingests.findByTask(vendor, notice.taskId());
        if (found.isEmpty()) {
            return CallbackOutcome.ignored("no ingest has task " + notice.taskId());
        }
        Ingest ingest = found.get();
        if (ingest.state().isFinal()) {
            return CallbackOutcome.ignored("ingest " + ingest.id() + " is " + ingest.state().wireName() + ": "
                    + notice.vendorEvent() + " changes nothing");
        }
        Instant now = clock.instant();
        Ingest next = switch (notice.event()) {
            case STARTED, PROGRESS -> ingest.heard(now);
            case ENDED -> ended(ingest, now);
            case FAILED -> ingest.failed(notice.failure().orElseThrow(), now);
        };
        Ingest saved = ingests.update(next);
        keepPositionAtEnd(saved);
        return CallbackOutcome.applied("ingest " + saved.id() + " is " + saved.state().wireName() + " after "
                + notice.vendorEvent());
    }

    // ---- the reconciler ----

    /**
     * One reconciler pass: every active ingest with no news for the reconcile interval is brought up to date from
     * its vendor. Ingests held by another node's pass are skipped.
     *
     * @return how many ingests the pass changed
     */
    public int reconcile() {
        return reconciler.pass();
    }

    private Ingest reconcileOne(Ingest ingest) {
        Instant now = clock.instant();
        Optional<IngestTask> task = ingest.task();
        if (task.isEmpty()) {
            // the start's answer never came: the gateway stopped in between, or the vendor never answered
            boolean tooLong = ingest.updatedAt().plus(UNCONFIRMED_START_LIMIT).isBefore(now);
            return tooLong ? ingest.failed(new JobFailure(null, "the vendor never confirmed the start"), now) : ingest;
        }
        StreamIngester ingester = ports.require(ingest.vendor(), StreamIngester.class);
        Ingest next;
        if (roomHasEnded(ingest)) {
            ingester.stop(task.get());
            next = ingest.stopped(now);
        } else {
            next = switch (ingester.describe(task.get())) {
                case RUNNING, PAUSED -> ingest.heard(now);
                case GONE -> ended(ingest, now);
            };
        }
        keepPositionAtEnd(next);
        return next;
    }

    // ---- internals ----

    /** The vendor no longer has the task: a playing file played to its end; a paused one was ended while paused. */
    private static Ingest ended(Ingest ingest, Instant now) {
        return ingest.state() == IngestState.PAUSED ? ingest.stopped(now) : ingest.finished(now);
    }

    private Ingest stopNow(String ingestId) {
        return LatestWrites.update(() -> ingests.require(ingestId),
                latest -> latest.state().isFinal() ? latest : latest.stopped(clock.instant()), this::saveStopped,
                conflict -> false);
    }

    /** Saves a stop with its position and, when the vendor has a task, the queued stop of that task, in one transaction. */
    private Ingest saveStopped(Ingest stopped) {
        AtomicReference<Ingest> saved = new AtomicReference<>();
        Runnable write = () -> {
            saved.set(ingests.update(stopped));
            keepPositionAtEnd(saved.get());
        };
        if (stopped.task().isPresent()) {
            cleanups.scheduleWith(write, stopped.vendor(), STOP_TASK, stopped.id());
        } else {
            write.run(); // a start still in flight: its answer names the task, and the task is stopped then
        }
        return saved.get();
    }

    /**
     * Keeps a file's position once it ended: saved when stopped or failed, forgotten when it played to its end.
     * While it plays, the progress pass saves it; news that changes nothing else does not.
     */
    private void keepPositionAtEnd(Ingest ingest) {
        if (ingest.mode() != IngestMode.VOD || !ingest.state().isFinal()) {
            return;
        }
        if (ingest.playedToEnd()) {
            positions.clear(ingest.roomId(), ingest.sourceUrl());
        } else {
            savePosition(ingest);
        }
    }

    private boolean savePosition(Ingest ingest) {
        Instant now = clock.instant();
        Optional<Duration> position = ingest.position(now);
        position.ifPresent(at -> positions.save(ingest.roomId(), ingest.sourceUrl(), at, now));
        return position.isPresent();
    }

    private List<Vendor> ingestingVendors() {
        return ports.vendors().stream().filter(vendor -> ports.find(vendor, StreamIngester.class).isPresent()).toList();
    }

    private boolean roomHasEnded(Ingest ingest) {
        return rooms.find(ingest.roomId()).map(room -> room.status() == RoomStatus.ENDED).orElse(true);
    }

    private Ingest updateLatest(String id, UnaryOperator<Ingest> change) {
        return LatestWrites.update(() -> ingests.require(id), change, ingests::update, conflict -> false);
    }

    private void requireMayRead(Caller caller, String roomId) {
        RoomJobAccess.requireMayRead(caller, rooms, roomId, "ingests");
    }
}
