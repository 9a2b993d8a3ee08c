package io.rtcgate.domain.cohost;

import java.util.Arrays;
import java.util.Optional;

/**
 * The outcome codes of seed 002's MixResult, with the picture each leaves and the advice the seed gives.
 * Vendors other than Aliyun report their outcomes in these words.
 */
public enum MixResultCode {
    /** Main and mixed streams are overlaid: the mix is on. */
    SUCCESS("Success"),
    /**
     * The main stream is gone: the vendor stops the output on the mix's last frame. No StartMix is possible
     * until the next MixAvailable for the main stream; wait for it, or stop.
     */
    MAIN_STREAM_NOT_EXIST("MainStreamNotExist"),
    /** A mixed-in stream is gone: the main stream plays on with that stream's last frame overlaid. Wait, or stop. */
    MIX_STREAM_NOT_EXIST("MixStreamNotExist"),
    /** The vendor failed internally: the picture is undetermined. Wait for its retry, retry, or stop. */
    INTERNAL_ERROR("InternalError");

    private final String wireName;

    MixResultCode(String wireName) {
        this.wireName = wireName;
    }

    /** The seed's spelling: {@code Success}, {@code MainStreamNotExist}, ... */
    public String wireName() {
        return wireName;
    }

    /** The code of a seed 002 {@code Code} value; empty for one the seed does not list. */
    public static Optional<MixResultCode> ofWireName(String value) {
        return Arrays.stream(values()).filter(code -> code.wireName.equals(value)).findFirst();
    }
}
