package io.rtcgate.domain.cohost;

import io.rtcgate.domain.vendor.VendorPort;

/**
 * Port: mixes a co-host session's streams into one picture at the vendor ({@code mixing} capability): Aliyun
 * CDN mixing ({@code CreateMixStream}), TRTC {@code StartPublishCdnStream} with transcoding, Agora Media Push
 * with {@code transcodeOptions}. The calls reach the vendor, so the guard applies the call timeout, the
 * circuit and injected faults, and their outcome counts for the vendor's health. Every call throws
 * {@link io.rtcgate.domain.vendor.VendorException} for what the vendor answered.
 *
 * <p>A start only sends the request: whether the picture is mixed arrives later, as a {@link MixNotice}
 * (Aliyun's MixResult), or is the vendor's answer itself (the adapter then reports it as a notice too).
 */
public interface StreamMixer extends VendorPort {

    /** Starts mixing; the answer is the vendor's task id (Aliyun's MixStreamId, TRTC's TaskId, Agora's converter id). */
    String start(MixRequest request);

    /** Changes a running task's members or layout to {@code request}'s. */
    void update(String taskId, MixRequest request);

    /** Stops the task; {@link MixStopped#ALREADY_ENDED} when the vendor no longer had it. */
    MixStopped stop(String taskId, MixRequest lastRequest);
}
