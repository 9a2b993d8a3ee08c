package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rtcgate.emulator.RandomStrings;
import io.rtcgate.emulator.tencent.TrtcStreamIngest.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TRTC's stream ingest ("input online media stream") as the emulator plays it, on a simulated media clock. A
 * task's robot enters its room as a publisher (creating the room, as any entry does) and leaves when the task
 * ends. Its position in the source is {@code SeekSecond} plus the time spent playing since, at its
 * {@code Tempo}; paused time does not count. A file that reaches its end plays again from the start while
 * {@code RepeatNum} allows ({@code -1}: for ever, or until {@code MaxDuration} of playing), then the task ends by
 * itself; a live ({@code rtmp://}) source never ends. A task paused for {@link #PAUSE_LIMIT} is destroyed, and a
 * task whose room is dismissed or whose robot is removed ends with it. Tasks end at the instant their clock
 * says, whether a request or the emulator's periodic work finds it. Every start and every end, whatever ended the
 * task, queues the group-7 event Tencent calls back with ({@link TrtcIngestEvent}). Time is the emulator's clock.
 * Thread-safe.
 */
final class TrtcStreamIngests {

    /** "暂停超过12小时会自动销毁任务" (UpdateStreamIngest's IsPause, tencentcloud-sdk-go {@code trtc/v20190722/models.go}). */
    static final Duration PAUSE_LIMIT = Duration.ofHours(12);
    /** DescribeStreamIngest's and UpdateStreamIngest's {@code Status}: the only two values TRTC documents. */
    static final String IN_PROGRESS = "InProgress";
    static final String NOT_EXIST = "NotExist";
    private static final int TASK_ID_LENGTH = 48;

    /** StartStreamIngest's answer. */
    record StartAnswer(@JsonProperty("TaskId") String taskId) {
    }

    /** DescribeStreamIngest's and UpdateStreamIngest's answer. */
    record StatusAnswer(@JsonProperty("Status") String status) {
    }

    /** What an UpdateStreamIngest changes; each is empty when not given. */
    record Change(Optional<TrtcMediaSource> source, Optional<Integer> volume, Optional<Boolean> pause, Optional<Double> tempo) {
    }

    private final Clock clock;
    private final TrtcRooms rooms;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final List<TrtcIngestEvent> outbox = new ArrayList<>();

    TrtcStreamIngests(Clock clock, TrtcRooms rooms) {
        this.clock = clock;
        this.rooms = rooms;
    }

    synchronized StartAnswer start(TrtcIngestRequest request) {
        sync();
        boolean sameRobotRuns = tasks.values().stream().anyMatch(task -> task.running()
                && task.roomId.equals(request.roomId()) && task.userId.equals(request.userId()));
        if (sameRobotRuns) {
            throw new TrtcApiError("FailedOperation.TaskExist", "A stream ingest task with UserId `" + request.userId()
                    + "` is already running in room `" + request.roomId() + "`.");
        }
        Instant now = clock.instant();
        Task task = new Task(RandomStrings.alphanumeric(TASK_ID_LENGTH), request, now);
        tasks.put(task.id, task);
        rooms.enter(request.roomId(), request.userId());
        outbox.add(new TrtcIngestEvent(TrtcIngestEvent.START, task.id, now, TrtcIngestEvent.START_SUCCESS));
        sync(); // a seek past the end of a file that plays once ends it at once
        return new StartAnswer(task.id);
    }

    /** {@code InProgress} while the task runs, paused or not (TRTC has no status for a pause); {@code NotExist} otherwise. */
    synchronized StatusAnswer describe(String taskId) {
        sync();
        Task task = tasks.get(taskId);
        return new StatusAnswer(task != null && task.running() ? IN_PROGRESS : NOT_EXIST);
    }

    synchronized StatusAnswer update(String taskId, Change change) {
        sync();
        Task task = tasks.get(taskId);
        if (task == null || !task.running()) {
            return new StatusAnswer(NOT_EXIST);
        }
        Instant now = clock.instant();
        change.tempo().ifPresent(tempo -> task.changeTempo(now, tempo));
        change.source().ifPresent(source -> task.changeSource(now, source));
        change.volume().ifPresent(volume -> task.volume = volume);
        change.pause().ifPresent(pause -> {
            if (pause) {
                task.pause(now);
            } else {
                task.resume(now);
            }
        });
        sync();
        return new StatusAnswer(task.running() ? IN_PROGRESS : NOT_EXIST);
    }

    /** Stops a running task; one that ended or never was → {@code FailedOperation.TaskFinished}, the code StopStreamIngest lists. */
    synchronized void stop(String taskId) {
        sync();
        Task task = tasks.get(taskId);
        if (task == null || !task.running()) {
            throw new TrtcApiError("FailedOperation.TaskFinished", "The stream ingest task `" + taskId + "` has finished or does not exist.");
        }
        end(task, clock.instant());
    }

    /** Moves every running task on to the clock's now, ending those whose time has come. */
    synchronized void sync() {
        Instant now = clock.instant();
        for (Task task : tasks.values()) {
            if (task.running()) {
                follow(task, now);
            }
        }
    }

    /** The events queued since the last call, oldest first. */
    synchronized List<TrtcIngestEvent> drainEvents() {
        List<TrtcIngestEvent> drained = List.copyOf(outbox);
        outbox.clear();
        return drained;
    }

    synchronized List<TrtcStreamIngest> snapshot() {
        sync();
        Instant now = clock.instant();
        return tasks.values().stream()
                .map(task -> new TrtcStreamIngest(task.id, task.roomId, task.userId, task.source.url(), task.state(),
                        task.position(now), task.volume))
                .toList();
    }

    private void follow(Task task, Instant now) {
        Optional<Instant> end = task.endAt();
        if (end.isPresent() && !now.isBefore(end.get())) {
            end(task, end.get());
            return;
        }
        if (!rooms.exists(task.roomId) || !rooms.users(task.roomId).contains(task.userId)) {
            end(task, now); // its room was dismissed or its robot removed
        }
    }

    private void end(Task task, Instant at) {
        task.finish(at);
        rooms.remove(task.roomId, List.of(task.userId));
        outbox.add(new TrtcIngestEvent(TrtcIngestEvent.STOP, task.id, at, TrtcIngestEvent.STOP_SUCCESS));
    }

    /**
     * One task and its media clock. Positions are in milliseconds of the source since its start, counted over
     * every repeat ({@code content}); {@code played} is the time spent playing, pauses excluded. Both are kept as
     * the value at the last anchor plus, while playing, the time since.
     */
    private static final class Task {
        final String id;
        final String roomId;
        final String userId;
        final int repeat;
        final Optional<Duration> maxDuration;
        TrtcMediaSource source;
        int volume;
        double tempo;
        long anchorContentMillis;
        long anchorPlayedMillis;
        /** While playing, since when; null while paused or ended. */
        Instant playingSince;
        Instant pausedSince;
        Instant endedAt;

        Task(String id, TrtcIngestRequest request, Instant now) {
            this.id = id;
            this.roomId = request.roomId();
            this.userId = request.userId();
            this.repeat = request.repeat();
            this.maxDuration = request.maxDuration();
            this.source = request.source();
            this.volume = request.volume();
            this.tempo = request.tempo();
            // A live stream has no position to seek to: it relays from whatever comes now.
            this.anchorContentMillis = source.live() ? 0 : request.seek().toMillis();
            this.playingSince = now;
        }

        boolean running() {
            return endedAt == null;
        }

        State state() {
            if (!running()) {
                return State.ENDED;
            }
            return playingSince == null ? State.PAUSED : State.RUNNING;
        }

        long contentAt(Instant now) {
            return anchorContentMillis + (playingSince == null ? 0 : Math.round(Duration.between(playingSince, now).toMillis() * tempo));
        }

        long playedAt(Instant now) {
            return anchorPlayedMillis + (playingSince == null ? 0 : Duration.between(playingSince, now).toMillis());
        }

        /** When the task ends by itself if nothing changes: played out, looped for MaxDuration, or paused too long. */
        Optional<Instant> endAt() {
            if (!running()) {
                return Optional.empty();
            }
            if (playingSince == null) {
                return Optional.of(pausedSince.plus(PAUSE_LIMIT));
            }
            long wallLeft = Long.MAX_VALUE;
            if (!source.live() && repeat != TrtcIngestRequest.FOREVER) {
                long contentLeft = playLimitMillis() - anchorContentMillis;
                wallLeft = contentLeft <= 0 ? 0 : (long) Math.ceil(contentLeft / tempo);
            }
            if (maxDuration.isPresent()) {
                wallLeft = Math.min(wallLeft, Math.max(0, maxDuration.get().toMillis() - anchorPlayedMillis));
            }
            return wallLeft == Long.MAX_VALUE ? Optional.empty() : Optional.of(playingSince.plusMillis(wallLeft));
        }

        /** Where a file's plays end: its length times RepeatNum. */
        long playLimitMillis() {
            return source.length().orElseThrow().toMillis() * repeat;
        }

        /** The position in the source: within the file (its length once played out), or the time a live stream relayed. */
        Duration position(Instant now) {
            long content = contentAt(now);
            if (source.live()) {
                return Duration.ofMillis(content);
            }
            long length = source.length().orElseThrow().toMillis();
            boolean playedOut = repeat != TrtcIngestRequest.FOREVER && content >= playLimitMillis();
            return Duration.ofMillis(playedOut ? length : content % length);
        }

        void anchor(Instant now) {
            anchorContentMillis = contentAt(now);
            anchorPlayedMillis = playedAt(now);
            if (playingSince != null) {
                playingSince = now;
            }
        }

        void pause(Instant now) {
            if (playingSince != null) {
                anchor(now);
                playingSince = null;
                pausedSince = now;
            }
        }

        void resume(Instant now) {
            if (playingSince == null) {
                playingSince = now;
                pausedSince = null;
            }
        }

        void changeTempo(Instant now, double newTempo) {
            anchor(now);
            tempo = newTempo;
        }

        /** A new source plays from its start, with the repeats the task began with. */
        void changeSource(Instant now, TrtcMediaSource newSource) {
            anchor(now);
            anchorContentMillis = 0;
            source = newSource;
        }

        void finish(Instant at) {
            if (playingSince != null) {
                anchor(at);
            }
            playingSince = null;
            pausedSince = null;
            endedAt = at;
        }
    }
}
