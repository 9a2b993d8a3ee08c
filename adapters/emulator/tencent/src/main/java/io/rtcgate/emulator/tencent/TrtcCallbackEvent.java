package io.rtcgate.emulator.tencent;

import java.time.Instant;

/** One event the emulator calls back with, of any event group: it writes its own body, stamped with the time of sending. */
interface TrtcCallbackEvent {

    String body(Instant sentAt);
}
