package io.rtcgate.domain.recording;

import static io.rtcgate.domain.recording.RecordingLifecycleTest.FILE;
import static io.rtcgate.domain.recording.RecordingLifecycleTest.RECORDER;
import static io.rtcgate.domain.recording.RecordingLifecycleTest.T0;
import static io.rtcgate.domain.recording.RecordingLifecycleTest.TASK;
import static io.rtcgate.domain.recording.RecordingLifecycleTest.in;
import static io.rtcgate.domain.recording.RecordingLifecycleTest.requested;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.DomainAssertions;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What each command does to a recording's segments, files, failure and times. */
class RecordingTest {

    private static final Instant T1 = T0.plusSeconds(10);
    private static final Instant T2 = T0.plusSeconds(20);

    @Test
    void aRequestedRecordingKnowsItsRecorderBeforeAnyVendorIsAsked() {
        Recording recording = requested();

        assertEquals(RecordingState.REQUESTED, recording.state());
        assertEquals(1, recording.segments().size());
        RecordingSegment segment = recording.current();
        assertEquals(Vendor.AGORA, segment.vendor());
        assertEquals(RECORDER, segment.recorder());
        assertEquals(Optional.empty(), segment.task());
        assertEquals(SegmentState.STARTING, segment.state());
        assertEquals(Optional.empty(), recording.startedAt());
        assertEquals(Optional.empty(), recording.failure());
        assertEquals(T0, recording.createdAt());
    }

    @Test
    void startedRecordsTheVendorTaskAndTheStartTime() {
        Recording recording = requested().starting(T0).started(TASK, T1);

        assertEquals(Optional.of(TASK), recording.current().task());
        assertEquals(SegmentState.RECORDING, recording.current().state());
        assertEquals(Optional.of(T1), recording.current().startedAt());
        assertEquals(Optional.of(T1), recording.startedAt());
    }

    @Test
    void reportedFilesAreMergedByName() {
        RecordingFile slice = new RecordingFile("a.m3u8", TrackType.AUDIO_AND_VIDEO, Optional.empty(), Optional.of(T1),
                UploadStatus.IN_PROGRESS);
        RecordingFile mp4 = new RecordingFile("a.mp4", TrackType.AUDIO_AND_VIDEO, Optional.empty(), Optional.of(T1),
                UploadStatus.IN_PROGRESS);

        Recording recording = in(RecordingState.RECORDING).filesReported(List.of(slice), T1)
                .filesReported(List.of(mp4, slice.withUploadStatus(UploadStatus.UPLOADED)), T2);

        assertEquals(List.of(slice.withUploadStatus(UploadStatus.UPLOADED), mp4), recording.current().files());
    }

    @Test
    void completedKeepsTheFinalFilesAndClosesTheSegment() {
        Recording recording = in(RecordingState.STOPPING).completed(List.of(FILE.withUploadStatus(UploadStatus.UPLOADED)), T2);

        assertEquals(RecordingState.COMPLETED, recording.state());
        assertEquals(SegmentState.ENDED, recording.current().state());
        assertEquals(Optional.of(T2), recording.current().endedAt());
        assertEquals(List.of(FILE.withUploadStatus(UploadStatus.UPLOADED)), recording.current().files());
        assertEquals(Optional.of(T2), recording.stoppedAt());
        assertEquals(Optional.empty(), recording.failure());
    }

    @Test
    void aRecordingWithNothingRecordedCompletesWithoutFiles() {
        Recording recording = in(RecordingState.STOPPING).completed(List.of(), T2);

        assertEquals(RecordingState.COMPLETED, recording.state());
        assertEquals(List.of(), recording.current().files());
    }

    @Test
    void aVendorThatEndsTheTaskByItselfCompletesTheRecording() {
        Recording recording = in(RecordingState.RECORDING).completed(List.of(FILE), T2);

        assertEquals(RecordingState.COMPLETED, recording.state());
        assertEquals(Optional.of(T2), recording.stoppedAt());
    }

    @Test
    void failedKeepsTheVendorsReason() {
        JobFailure reason = new JobFailure("20", "exited abnormally");

        Recording recording = in(RecordingState.RECORDING).failed(reason, T2);

        assertEquals(Optional.of(reason), recording.failure());
        assertEquals(SegmentState.FAILED, recording.current().state());
        assertEquals(Optional.of(T2), recording.stoppedAt());
    }

    @Test
    void aFailoverClosesTheSegmentAndOpensOneOnTheNewVendor() {
        Recording recording = in(RecordingState.RECORDING).filesReported(List.of(FILE), T1);
        Instant firstStart = recording.startedAt().orElseThrow();
        RecorderIdentity second = new RecorderIdentity("recorder-2");

        Recording moved = recording.movedTo(Vendor.TENCENT, "channel-2", second, T2);

        assertEquals(RecordingState.STARTING, moved.state());
        assertEquals(2, moved.segments().size());
        assertEquals(SegmentState.ENDED, moved.segments().get(0).state());
        assertEquals(List.of(FILE), moved.segments().get(0).files());
        assertEquals(Vendor.TENCENT, moved.vendor());
        assertEquals(second, moved.current().recorder());
        Recording restarted = moved.started(VendorTaskId.of("task-9"), T2.plusSeconds(1));
        assertEquals(Optional.of(firstStart), restarted.startedAt(), "the recording began with its first segment");
        assertEquals(Optional.of(T2.plusSeconds(1)), restarted.current().startedAt());
    }

    @Test
    void aRecordingDoesNotMoveToTheVendorItIsOn() {
        assertThrows(ConflictException.class, () -> in(RecordingState.RECORDING).movedTo(Vendor.AGORA, "channel-1", RECORDER, T2));
    }

    @Test
    void aTaskStartedWithoutItsIdIsNamedOnceOnTheSameResource() {
        Recording unnamed = requested().starting(T0).started(VendorTaskId.unnamed("rid-1"), T1);

        Recording named = unnamed.taskNamed(VendorTaskId.agora("rid-1", "sid-7"), T2);

        assertEquals(Optional.of(VendorTaskId.agora("rid-1", "sid-7")), named.current().task());
        assertEquals(RecordingState.RECORDING, named.state());
        assertThrows(ConflictException.class, () -> named.taskNamed(VendorTaskId.agora("rid-1", "sid-8"), T2));
        assertThrows(ConflictException.class, () -> unnamed.taskNamed(VendorTaskId.agora("rid-2", "sid-7"), T2));
        assertThrows(ConflictException.class, () -> requested().taskNamed(VendorTaskId.agora("rid-1", "sid-7"), T2));
        assertThrows(ConflictException.class, () -> unnamed.completed(List.of(), T2).taskNamed(
                VendorTaskId.agora("rid-1", "sid-7"), T2));
    }

    @Test
    void aStoredRecordingComesBackAsItWas() {
        Recording recording = in(RecordingState.FAILED).savedAs(4);

        Recording restored = Recording.restore(recording.toRecord());

        assertEquals(recording.toRecord(), restored.toRecord());
        assertEquals(4, restored.version());
    }

    @Test
    void aStoredRecordingMustBeConsistent() {
        RecordingRecord failedWithoutReason = new RecordingRecord("rec-1", "room-1", in(RecordingState.FAILED).spec(),
                RecordingState.FAILED, in(RecordingState.FAILED).segments(), Optional.empty(), T0, T0, Optional.empty(),
                Optional.empty(), 1);
        RecordingRecord noSegments = new RecordingRecord("rec-1", "room-1", in(RecordingState.FAILED).spec(),
                RecordingState.REQUESTED, List.of(), Optional.empty(), T0, T0, Optional.empty(), Optional.empty(), 1);

        assertThrows(IllegalArgumentException.class, () -> Recording.restore(failedWithoutReason));
        assertThrows(IllegalArgumentException.class, () -> Recording.restore(noSegments));
    }

    @Test
    void formatsAreASetInOrderAndNeverEmpty() {
        assertEquals(List.of(RecordingFormat.HLS, RecordingFormat.MP4),
                RecordingFormat.ordered(RecordingFormat.setOf(List.of(RecordingFormat.MP4, RecordingFormat.HLS), "formats")));
        DomainAssertions.assertInvalidInput("formats", () -> RecordingFormat.setOf(List.of(), "formats"));
        DomainAssertions.assertInvalidInput("mode", () -> RecordingMode.parse("web", "mode"));
        assertEquals(MixLayout.BEST_FIT, MixLayout.parse("best_fit", "layout"));
    }

    @Test
    void numericRecorderUidsLieAboveEveryUsersUid() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            long uid = RecorderIdentity.randomNumeric(random).numeric();
            assertTrue(uid >= 1L << 31 && uid <= 0xFFFF_FFFFL, Long.toString(uid));
        }
        assertEquals(0xFFFF_FFFFL, new RecorderIdentity("4294967295").numeric());
        for (String wrong : List.of("2147483647", "4294967296", "abc", "02147483648", "-1")) {
            assertThrows(IllegalArgumentException.class, () -> new RecorderIdentity(wrong).numeric(), wrong);
        }
    }

    @Test
    void aStartRequestChecksItsIdleTimeAndLayoutAndHidesTheToken() {
        RecordingStartRequest request = new RecordingStartRequest("ch", RECORDER, Optional.of("007secret"), RecordingMode.MIX,
                Set.of(RecordingFormat.HLS), Duration.ofSeconds(30), Optional.of(MixLayout.FLOAT));
        assertFalse(request.toString().contains("007secret"), request.toString());

        for (Duration idle : List.of(Duration.ofSeconds(4), Duration.ofSeconds(259_201), Duration.ofMillis(5500))) {
            assertThrows(IllegalArgumentException.class, () -> new RecordingStartRequest("ch", RECORDER, Optional.empty(),
                    RecordingMode.MIX, Set.of(RecordingFormat.HLS), idle, Optional.empty()), idle.toString());
        }
        new RecordingStartRequest("ch", RECORDER, Optional.empty(), RecordingMode.MIX, Set.of(RecordingFormat.HLS),
                Duration.ofSeconds(5), Optional.empty());
        new RecordingStartRequest("ch", RECORDER, Optional.empty(), RecordingMode.MIX, Set.of(RecordingFormat.HLS),
                Duration.ofSeconds(259_200), Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> new RecordingStartRequest("ch", RECORDER, Optional.empty(),
                RecordingMode.INDIVIDUAL, Set.of(RecordingFormat.HLS), Duration.ofSeconds(30), Optional.of(MixLayout.FLOAT)));
    }

    @Test
    void onlyAStoppedTaskReportsFilesOnStop() {
        assertEquals(List.of(), RecordingStopped.nothingRecorded().files());
        assertThrows(IllegalArgumentException.class,
                () -> new RecordingStopped(RecordingStopped.Outcome.NOTHING_RECORDED, List.of(FILE)));
        assertThrows(IllegalArgumentException.class, () -> new VendorTaskId(Optional.empty(), Optional.empty()));
    }

    @Test
    void aStartAnsweredAfterTheStopNamesTheTaskOnItsReservedResource() {
        Recording reserved = RecordingLifecycleTest.requested().starting(T0)
                .resourceReserved(VendorTaskId.unnamed("rid-1"), T0);
        Recording stopping = reserved.stopping(T1);

        Recording named = stopping.startAnswered(VendorTaskId.agora("rid-1", "sid-1"), T2);

        assertEquals(RecordingState.STOPPING, named.state());
        assertEquals(Optional.of(VendorTaskId.agora("rid-1", "sid-1")), named.current().task());
        assertThrows(ConflictException.class, () -> named.startAnswered(VendorTaskId.agora("rid-1", "sid-2"), T2),
                "a known task is not replaced");
    }

    @Test
    void lateNewsOfAFileNeverTakesBackWhatWasKnown() {
        Recording recording = RecordingLifecycleTest.requested().starting(T0).started(VendorTaskId.agora("rid-1", "sid-1"), T0);
        RecordingFile uploaded = new RecordingFile("a.m3u8", TrackType.AUDIO_AND_VIDEO, Optional.of("7"), Optional.of(T0),
                UploadStatus.UPLOADED);
        Recording known = recording.filesReported(List.of(uploaded), T1);

        RecordingFile late = new RecordingFile("a.m3u8", TrackType.AUDIO_AND_VIDEO, Optional.empty(), Optional.empty(),
                UploadStatus.IN_PROGRESS);
        assertEquals(List.of(uploaded), known.filesReported(List.of(late), T2).current().files());

        RecordingFile backedUp = new RecordingFile("b.mp4", TrackType.VIDEO, Optional.empty(), Optional.empty(),
                UploadStatus.BACKED_UP);
        RecordingFile nowUploaded = backedUp.withUploadStatus(UploadStatus.UPLOADED);
        assertEquals(List.of(uploaded, nowUploaded), known.filesReported(List.of(backedUp), T1)
                .filesReported(List.of(nowUploaded), T2).current().files(), "a backed-up file that reaches storage is uploaded");
    }
}
