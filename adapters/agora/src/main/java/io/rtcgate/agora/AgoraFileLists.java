package io.rtcgate.agora;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.agora.AgoraRecordingJson.FileEntry;
import io.rtcgate.domain.recording.RecordingFile;
import io.rtcgate.domain.recording.TrackType;
import io.rtcgate.domain.recording.UploadStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agora's lists of recorded files, as cloud recording's query and stop answers (vendors.md §1.3.4) and its
 * notifications (§1.5) give them, in the gateway's words. A list is either one playlist's name (then
 * {@code sliceStartTime}, where there is one, sits beside the list) or an array of {@code {fileName,
 * trackType, uid, mixedAllUser, isPlayable, sliceStartTime}}.
 */
final class AgoraFileLists {

    /** What a caller throws for a list that is not Agora's: {@code field} names the part, such as {@code fileList[2].fileName}. */
    @FunctionalInterface
    interface Malformed {
        RuntimeException of(String field, String problem);
    }

    /** sliceStartTime below this is in seconds (vendors.md leaves the unit open); above, milliseconds. */
    private static final long SECONDS_BELOW = 100_000_000_000L;
    /** An individual recording's playlist, {@code <sid>_<cname>__uid_s_<uid>__uid_e_<type>.m3u8} in Agora's naming. */
    private static final Pattern INDIVIDUAL_PLAYLIST = Pattern.compile(".*__uid_s_([0-9]+)__uid_e_(audio|video)\\.m3u8");

    private AgoraFileLists() {
    }

    /** The files of {@code list} (absent, empty, a name or an array), each with {@code status}. */
    static List<RecordingFile> read(JsonNode list, Long sliceStartTime, UploadStatus status, Malformed malformed) {
        if (list == null || list.isNull() || list.isMissingNode() || (list.isTextual() && list.textValue().isEmpty())) {
            return List.of();
        }
        if (list.isTextual()) {
            return List.of(playlist(list.textValue(), sliceStart(sliceStartTime), status));
        }
        if (!list.isArray()) {
            throw malformed.of("fileList", "is neither a string nor an array");
        }
        List<RecordingFile> files = new ArrayList<>();
        for (int index = 0; index < list.size(); index++) {
            String field = "fileList[" + index + "]";
            FileEntry entry;
            try {
                entry = AgoraJson.MAPPER.treeToValue(list.get(index), FileEntry.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw malformed.of(field, "is not a file entry");
            }
            if (entry.fileName() == null || entry.fileName().isBlank()) {
                throw malformed.of(field + ".fileName", "is missing");
            }
            Optional<String> user = Optional.ofNullable(entry.uid())
                    .filter(uid -> !uid.equals("0") && !Boolean.TRUE.equals(entry.mixedAllUser()));
            files.add(new RecordingFile(entry.fileName(), trackType(entry.trackType(), field + ".trackType", malformed), user,
                    sliceStart(entry.sliceStartTime()), status));
        }
        return files;
    }

    /**
     * A playlist named alone: a mixed recording's, which mixes everyone, unless its name is an individual
     * recording's, which names its user and track (as a notification's {@code cloud_recording_file_infos} does).
     */
    private static RecordingFile playlist(String name, Optional<Instant> startedAt, UploadStatus status) {
        Matcher individual = INDIVIDUAL_PLAYLIST.matcher(name);
        if (individual.matches()) {
            TrackType track = individual.group(2).equals("audio") ? TrackType.AUDIO : TrackType.VIDEO;
            return new RecordingFile(name, track, Optional.of(individual.group(1)), startedAt, status);
        }
        return new RecordingFile(name, TrackType.AUDIO_AND_VIDEO, Optional.empty(), startedAt, status);
    }

    private static TrackType trackType(String trackType, String field, Malformed malformed) {
        if (trackType == null) {
            return TrackType.AUDIO_AND_VIDEO;
        }
        return switch (trackType) {
            case "audio" -> TrackType.AUDIO;
            case "video" -> TrackType.VIDEO;
            case "audio_and_video" -> TrackType.AUDIO_AND_VIDEO;
            default -> throw malformed.of(field, "is unknown: " + trackType);
        };
    }

    private static Optional<Instant> sliceStart(Long value) {
        if (value == null || value <= 0) {
            return Optional.empty();
        }
        return Optional.of(value < SECONDS_BELOW ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value));
    }
}
