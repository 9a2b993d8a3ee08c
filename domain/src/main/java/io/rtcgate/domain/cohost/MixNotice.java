package io.rtcgate.domain.cohost;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a vendor's callback says of mixing, in the gateway's words (seed 002):
 *
 * <ul>
 *   <li>{@link Type#AVAILABLE}: the room's main stream can be mixed now (Aliyun's MixAvailable; TRTC's anchor
 *       entered and publishing, events 103 / 201; Agora's anchor joined as a broadcaster, NCS 103).</li>
 *   <li>{@link Type#UNAVAILABLE}: the main stream went away, so no start is possible until it is available
 *       again (the anchor left or stopped publishing). Aliyun says this only through a MixResult.</li>
 *   <li>{@link Type#RESULT}: the outcome of a started mix, with its {@code code} and the vendor's message
 *       (Aliyun's MixResult; the state of TRTC's and Agora's task).</li>
 * </ul>
 *
 * <p>It names the room by what the vendor knows: the main stream's name ({@code streamName}, Aliyun), or the
 * channel ({@code channel}, TRTC and Agora, with the anchor's {@code userId} when the event is about one user);
 * {@code taskId} when the vendor names its task, alone when that is all the vendor names. {@code reportedAt} is the vendor's time of the event.
 */
public record MixNotice(Type type, Optional<String> streamName, Optional<String> channel, Optional<String> userId,
                        Optional<String> taskId, Optional<MixResultCode> code, String message, Instant reportedAt) {

    public enum Type { AVAILABLE, UNAVAILABLE, RESULT }

    public MixNotice {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reportedAt, "reportedAt");
        if (streamName.isEmpty() && channel.isEmpty() && taskId.isEmpty()) {
            throw new IllegalArgumentException("a mix notice names the main stream, the channel or the task");
        }
        if ((type == Type.RESULT) != code.isPresent()) {
            throw new IllegalArgumentException("a result, and only a result, has a code");
        }
    }

    /** Aliyun's MixAvailable for a main stream. */
    public static MixNotice available(String streamName, Instant reportedAt) {
        return new MixNotice(Type.AVAILABLE, Optional.of(streamName), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), "", reportedAt);
    }

    /** Aliyun's MixResult for a main stream. */
    public static MixNotice result(String streamName, MixResultCode code, String message, Instant reportedAt) {
        return new MixNotice(Type.RESULT, Optional.of(streamName), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(code), message, reportedAt);
    }

    /** A channel vendor's (TRTC, Agora) news of the anchor's main stream: up ({@code available}) or gone. */
    public static MixNotice ofChannel(String channel, String userId, boolean available, Instant reportedAt) {
        return new MixNotice(available ? Type.AVAILABLE : Type.UNAVAILABLE, Optional.empty(), Optional.of(channel),
                Optional.of(userId), Optional.empty(), Optional.empty(), "", reportedAt);
    }

    /**
     * A channel vendor's result for its task, named by the task alone (Agora's Media Push status and destroy
     * events name only the converter): the gateway finds the session whose mix runs that task.
     */
    public static MixNotice ofTask(String taskId, MixResultCode code, String message, Instant reportedAt) {
        return new MixNotice(Type.RESULT, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(taskId),
                Optional.of(code), message, reportedAt);
    }

    /** A channel vendor's (TRTC, Agora) result for its task. */
    public static MixNotice taskResult(String channel, String taskId, MixResultCode code, String message, Instant reportedAt) {
        return new MixNotice(Type.RESULT, Optional.empty(), Optional.of(channel), Optional.empty(),
                Optional.of(taskId), Optional.of(code), message, reportedAt);
    }
}
