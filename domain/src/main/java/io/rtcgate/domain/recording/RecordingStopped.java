package io.rtcgate.domain.recording;

import java.util.List;
import java.util.Objects;

/**
 * The vendor's answer to a stop. {@link Outcome#STOPPED} carries the final files;
 * {@link Outcome#NOTHING_RECORDED} means the task ran but nobody published, so there are no files (the
 * recording completed, it did not fail); {@link Outcome#ALREADY_ENDED} means the task was gone or
 * stopping already, and its files come from a query or the vendor's callbacks.
 */
public record RecordingStopped(Outcome outcome, List<RecordingFile> files) {

    public enum Outcome {
        STOPPED,
        NOTHING_RECORDED,
        ALREADY_ENDED
    }

    public RecordingStopped {
        Objects.requireNonNull(outcome, "outcome");
        files = List.copyOf(files);
        if (outcome != Outcome.STOPPED && !files.isEmpty()) {
            throw new IllegalArgumentException("only a stopped task reports files on stop");
        }
    }

    public static RecordingStopped stopped(List<RecordingFile> files) {
        return new RecordingStopped(Outcome.STOPPED, files);
    }

    public static RecordingStopped nothingRecorded() {
        return new RecordingStopped(Outcome.NOTHING_RECORDED, List.of());
    }

    public static RecordingStopped alreadyEnded() {
        return new RecordingStopped(Outcome.ALREADY_ENDED, List.of());
    }
}
