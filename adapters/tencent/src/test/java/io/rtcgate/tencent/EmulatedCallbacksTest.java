package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.recording.RecorderIdentity;
import io.rtcgate.domain.recording.RecordingFile;
import io.rtcgate.domain.recording.RecordingFormat;
import io.rtcgate.domain.recording.RecordingMode;
import io.rtcgate.domain.recording.RecordingNotice;
import io.rtcgate.domain.recording.RecordingNotice.Event;
import io.rtcgate.domain.recording.RecordingStartRequest;
import io.rtcgate.domain.recording.RecordingStarted;
import io.rtcgate.domain.recording.RecordingTask;
import io.rtcgate.domain.recording.UploadStatus;
import io.rtcgate.emulator.WebhookSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The callbacks of a recording the emulator runs, as Tencent would send them, pass the adapter's verifier and
 * read as the recording's story: started, its files, ended.
 */
class EmulatedCallbacksTest {

    private static final String ROOM = "room-7-1";
    private static final RecorderIdentity RECORDER = new RecorderIdentity("3000000007");
    /** Loopback deliveries take milliseconds; this only bounds a broken test. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final EmulatedTencentRecording tencent = new EmulatedTencentRecording();
    private final TencentRecordingCallbacks callbacks = new TencentRecordingCallbacks(tencent.settings);

    @AfterEach
    void stop() {
        tencent.close();
    }

    @Test
    void aRecordingsCallbacksAreVerifiedAndReadAsItsStory() {
        // Nobody listens there: the sender keeps every try, which is what this test reads.
        tencent.emulator.deliverCallbacksTo(closedPort(), EmulatedTencentRecording.CALLBACK_KEY);
        RecordingStarted started = tencent.recorder.start(new RecordingStartRequest(ROOM, RECORDER, Optional.empty(), RecordingMode.MIX,
                Set.of(RecordingFormat.HLS, RecordingFormat.MP4), Duration.ofSeconds(30), Optional.empty()));
        String taskId = started.task().taskId().orElseThrow();
        RecordingTask task = new RecordingTask(ROOM, RECORDER, RecordingMode.MIX, started.task());
        tencent.enter(ROOM, "alice");
        RecordingFile playlist = tencent.recorder.query(task).files().get(0);
        tencent.recorder.stop(task);

        List<RecordingNotice> notices = new ArrayList<>();
        for (WebhookSender.Attempt attempt : attempts(7)) {
            CallbackRequest request = new CallbackRequest("POST", "", attempt.headers(), attempt.body());
            callbacks.verify(request, tencent.clock.instant());
            notices.add(callbacks.read(request).orElseThrow());
        }

        assertEquals(List.of(Event.STARTED, Event.PROGRESS, Event.FILES, Event.PROGRESS, Event.ENDED, Event.PROGRESS, Event.FILES),
                notices.stream().map(RecordingNotice::event).toList(), notices.toString());
        assertTrue(notices.stream().allMatch(notice -> notice.taskId().equals(Optional.of(taskId))
                && notice.recorder().equals(Optional.of(RECORDER)) && notice.channel().equals(ROOM)), notices.toString());
        assertEquals(playlist.name(), notices.get(2).files().get(0).name(), "the slice names the playlist the query listed");
        assertEquals(playlist.startedAt(), notices.get(2).files().get(0).startedAt());
        RecordingFile mp4 = notices.get(6).files().get(0);
        assertTrue(mp4.name().endsWith(".mp4"), mp4.name());
        assertEquals(UploadStatus.UPLOADED, mp4.uploadStatus());
    }

    private List<WebhookSender.Attempt> attempts(int count) {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<WebhookSender.Attempt> attempts = tencent.emulator.callbackSender().attempts();
        while (attempts.size() < count && Instant.now().isBefore(deadline)) {
            pause();
            attempts = tencent.emulator.callbackSender().attempts();
        }
        assertEquals(count, attempts.size(), attempts.toString());
        return attempts;
    }

    private static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/callbacks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
