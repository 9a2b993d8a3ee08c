package io.rtcgate.domain.cohost;

import io.rtcgate.domain.vendor.VendorPort;

/**
 * Port: mixes a co-host session's streams into one picture at the vendor ({@code mixing} capability): Aliyun
 * CDN mixing ({@code CreateMixStream}), TRTC {@code StartPublishCdnStream} with transcoding, Agora Media Push
 * with {@code transcodeOptions}. The calls reach the vendor, so the guard applies the call timeout, the
 * circuit and injected faults, and their outcome counts for the vendor's health. Every call throws
 * {@link io.rtcgate.domain.vendor.VendorException} for what the vendor answered.
 *
 * <p>Whether the picture is mixed is, for Aliyun, only known from a later MixResult callback (seed 002: a
 * successful StartMix does not mean the picture changed); for TRTC and Agora the start's success answer is the
 * result, and their later task events ({@link MixNotice#taskResult}) report what changes after it.
 */
public interface StreamMixer extends VendorPort {

    /**
     * Whether a start's success is only known from a later {@link MixNotice.Type#RESULT} callback (Aliyun),
     * rather than from the start's own answer (TRTC, Agora).
     */
    default boolean resultsByCallback() {
        return false;
    }

    /** Starts mixing; the answer is the vendor's task id (Aliyun's MixStreamId, TRTC's TaskId, Agora's converter id). */
    String start(MixRequest request);

    /** Changes a running task's members or layout to {@code request}'s. */
    void update(String taskId, MixRequest request);

    /** Stops the task; {@link MixStopped#ALREADY_ENDED} when the vendor no longer had it. */
    MixStopped stop(String taskId, MixRequest lastRequest);
}
