package io.rtcgate.emulator;

/** What an emulator answers: status, JSON body, and the vendor action it served (for the record). */
public record EmulatorResponse(int status, String body, String action) {
}
