package io.rtcgate.emulator.aliyun;

/**
 * One input of a mix task as the fake understood it: the live stream its RTMP URL names and its pane (top-left
 * corner and size as fractions of the canvas), in the order of InputStreamList.
 */
public record MixInput(int layoutChildId, LiveStreamRef stream, String fillMode, double x, double y, double width, double height) {
}
