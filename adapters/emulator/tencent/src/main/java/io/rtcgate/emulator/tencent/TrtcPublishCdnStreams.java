package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rtcgate.emulator.RandomStrings;
import io.rtcgate.emulator.tencent.TrtcMixTask.CdnTarget;
import io.rtcgate.emulator.tencent.TrtcMixTask.Pane;
import io.rtcgate.emulator.tencent.TrtcMixTask.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TRTC's mix and relay to CDN tasks (StartPublishCdnStream) of the emulated application, as the emulator plays them.
 * A task may start before any anchor is in its room: TRTC's API notes say so ("You can create a relay task before
 * anchors enter a room, in which case you need to manually call StopPublishCdnStream"), so nothing about the room is
 * required of a start. Once one of the anchors it mixes (its panes' users; every anchor of the room for a layout that
 * names none) has been in the room, the task ends by itself when none of them has been there for its MaxIdleTime.
 * The robot pulls the streams it mixes but publishes nothing, so it is not one of the room's users. A second running
 * task of the same robot user id is refused, the user id being already in use. Every start and end queues the 401
 * events Tencent calls back with, one per CDN URL. Time is the emulator's clock. Thread-safe.
 */
final class TrtcPublishCdnStreams {

    /** Refused while a running task has the robot's user id: TRTC's code for an existing task (its error table). */
    static final String TASK_EXIST = "FailedOperation.TaskExist";
    /** The code StopPublishCdnStream and UpdatePublishCdnStream list for a task TRTC does not have (any more). */
    static final String RESOURCE_NOT_FOUND = "ResourceNotFound";
    /** "You don't need to handle the FailedOperation.OutdateRequest error": an update whose SequenceNumber is not newer. */
    static final String OUTDATED_REQUEST = "FailedOperation.OutdateRequest";
    private static final int TASK_ID_LENGTH = 64;

    /** StartPublishCdnStream's, UpdatePublishCdnStream's and StopPublishCdnStream's answer. */
    record TaskAnswer(@JsonProperty("TaskId") String taskId) {
    }

    private final Clock clock;
    private final TrtcRooms rooms;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final List<TrtcPublishCdnEvent> outbox = new ArrayList<>();

    TrtcPublishCdnStreams(Clock clock, TrtcRooms rooms) {
        this.clock = clock;
        this.rooms = rooms;
    }

    synchronized TaskAnswer start(TrtcMixRequest request) {
        sync();
        tasks.values().stream().filter(task -> task.running() && task.request.robotUserId().equals(request.robotUserId()))
                .findFirst().ifPresent(running -> {
                    throw new TrtcApiError(TASK_EXIST, "AgentParams.UserId `" + request.robotUserId()
                            + "` is already used by a running relay task: a robot's UserId must not be used twice.");
                });
        Instant now = clock.instant();
        Task task = new Task(RandomStrings.alphanumeric(TASK_ID_LENGTH), request);
        tasks.put(task.id, task);
        announce(task, TrtcPublishCdnEvent.PUSHING, now);
        follow(task, now);
        return new TaskAnswer(task.id);
    }

    synchronized TaskAnswer update(String taskId, TrtcMixRequest.Change change) {
        Task task = running(taskId);
        if (change.sequenceNumber() <= task.sequenceNumber) {
            throw new TrtcApiError(OUTDATED_REQUEST, "SequenceNumber " + change.sequenceNumber() + " is not newer than "
                    + task.sequenceNumber + ", the last one this task took.");
        }
        change.audioEncode().ifPresent(audio -> {
            if (task.request.audioEncode().isPresent() && !task.request.audioEncode().get().equals(audio)) {
                throw new TrtcApiError("InvalidParameter", "An update cannot change the audio sample rate, channels, bitrate or codec.");
            }
        });
        task.sequenceNumber = change.sequenceNumber();
        change.canvas().ifPresent(canvas -> {
            task.canvasWidth = canvas.width();
            task.canvasHeight = canvas.height();
            task.panes = canvas.panes();
        });
        change.cdnTargets().ifPresent(targets -> task.cdnTargets = targets);
        follow(task, clock.instant());
        return new TaskAnswer(taskId);
    }

    synchronized TaskAnswer stop(String taskId) {
        Task task = running(taskId);
        end(task, clock.instant());
        return new TaskAnswer(taskId);
    }

    /**
     * The CDN stops taking a running task's stream and TRTC gives up reconnecting: 401 with status 4 for each of its
     * URLs. The task goes on (TRTC ends it only on a stop or MaxIdleTime); throws {@link IllegalArgumentException} for a
     * task that is not running.
     */
    synchronized void failCdnPush(String taskId) {
        sync();
        Task task = tasks.get(taskId);
        if (task == null || !task.running()) {
            throw new IllegalArgumentException("no running relay task " + taskId);
        }
        announce(task, TrtcPublishCdnEvent.FAILED, clock.instant());
    }

    /** Moves every running task on to the clock's now, ending those idle for their MaxIdleTime. */
    synchronized void sync() {
        Instant now = clock.instant();
        for (Task task : tasks.values()) {
            if (task.running()) {
                follow(task, now);
            }
        }
    }

    /** The events queued since the last call, oldest first. */
    synchronized List<TrtcPublishCdnEvent> drainEvents() {
        List<TrtcPublishCdnEvent> drained = List.copyOf(outbox);
        outbox.clear();
        return drained;
    }

    synchronized List<TrtcMixTask> snapshot() {
        sync();
        return tasks.values().stream().map(Task::snapshot).toList();
    }

    private Task running(String taskId) {
        sync();
        Task task = tasks.get(taskId);
        if (task == null || !task.running()) {
            throw new TrtcApiError(RESOURCE_NOT_FOUND, "The relay task `" + taskId + "` does not exist or has ended.");
        }
        return task;
    }

    /** Starts the idle wait when the last mixed anchor has gone, ends the task when it has lasted MaxIdleTime. */
    private void follow(Task task, Instant now) {
        Set<String> inRoom = rooms.users(task.request.roomId());
        List<String> mixed = task.panes.stream().map(Pane::userId).filter(id -> id != null).toList();
        boolean anyMixedAnchor = mixed.isEmpty() ? !inRoom.isEmpty() : mixed.stream().anyMatch(inRoom::contains);
        if (anyMixedAnchor) {
            task.anchorsSeen = true;
            task.idleSince = null;
            return;
        }
        if (!task.anchorsSeen) {
            return; // started before its anchors came: it waits for them, or for a stop
        }
        if (task.idleSince == null) {
            task.idleSince = now;
        }
        Instant idleEnd = task.idleSince.plus(Duration.ofSeconds(task.request.maxIdleSeconds()));
        if (!now.isBefore(idleEnd)) {
            end(task, idleEnd);
        }
    }

    private void end(Task task, Instant at) {
        task.endedAt = at;
        announce(task, TrtcPublishCdnEvent.ENDED, at);
    }

    private void announce(Task task, int status, Instant at) {
        for (CdnTarget target : task.cdnTargets) {
            outbox.add(new TrtcPublishCdnEvent(task.id, task.request.roomId(), task.request.stringRoom(), task.request.robotUserId(),
                    target.url(), status, at));
        }
    }

    private static final class Task {
        final String id;
        final TrtcMixRequest request;
        int canvasWidth;
        int canvasHeight;
        List<Pane> panes;
        List<CdnTarget> cdnTargets;
        long sequenceNumber;
        boolean anchorsSeen;
        Instant idleSince;
        Instant endedAt;

        Task(String id, TrtcMixRequest request) {
            this.id = id;
            this.request = request;
            this.canvasWidth = request.canvasWidth();
            this.canvasHeight = request.canvasHeight();
            this.panes = request.panes();
            this.cdnTargets = request.cdnTargets();
        }

        boolean running() {
            return endedAt == null;
        }

        TrtcMixTask snapshot() {
            return new TrtcMixTask(id, request.roomId(), request.stringRoom(), request.robotUserId(), request.maxIdleSeconds(),
                    request.withTranscoding(), canvasWidth, canvasHeight, panes, cdnTargets, sequenceNumber,
                    running() ? State.RUNNING : State.ENDED);
        }
    }
}
