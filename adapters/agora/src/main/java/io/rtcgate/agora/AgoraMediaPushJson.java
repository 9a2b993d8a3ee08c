package io.rtcgate.agora;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Media Push's (RTMP converter) REST bodies as records (docs-portal
 * {@code content/docs/en/api-reference/api-ref/media-push/index.md}, {@code restful-type-definition.mdx}), read and
 * written with {@link AgoraJson#MAPPER}, which leaves {@code null} components out.
 */
final class AgoraMediaPushJson {

    private AgoraMediaPushJson() {
    }

    /** {@code POST /{region}/v1/projects/{appId}/rtmp-converters}: {@code {"converter": {...}}}. */
    record CreateRequest(Converter converter) {
    }

    /**
     * A transcoding converter: its {@code name} (unique in the project: a duplicate is 409), what it mixes, where it
     * pushes to, and {@code idleTimeOut}, the seconds it outlives the last of its users leaving the channel (the
     * create table's spelling).
     */
    record Converter(String name, TranscodeOptions transcodeOptions, String rtmpUrl, Integer idleTimeOut) {
    }

    /** The channel, whose users' audio ({@code audioOptions}) and video ({@code videoOptions}) are mixed. */
    record TranscodeOptions(String rtcChannel, AudioOptions audioOptions, VideoOptions videoOptions) {
    }

    /** {@code rtcStreamUids}: the users whose audio is mixed (absent: everyone in the channel). */
    record AudioOptions(List<Long> rtcStreamUids) {
    }

    /** The canvas, the users' panes on it, the video bitrate (Kbps, required) and frame rate. */
    record VideoOptions(Canvas canvas, List<RtcStreamView> layout, Integer bitrate, Integer frameRate) {
    }

    /** The canvas in pixels (66 to 1920 each side) and its background, an RGB value as a decimal number. */
    record Canvas(int width, int height, int color) {
    }

    /** One user's video on the canvas. */
    record RtcStreamView(long rtcStreamUid, Region region) {
    }

    /** Where, in pixels from the canvas's top left corner, and at which layer ({@code zIndex} 0 to 100, 0 lowest). */
    record Region(int xPos, int yPos, int zIndex, int width, int height) {
    }

    /** {@code PATCH .../rtmp-converters/{id}?sequence={n}}: the changes and their field mask, {@code fields}. */
    record UpdateRequest(Converter converter, String fields) {
    }

    /** Create's and update's answer: {@code {"converter":{"id","createTs","updateTs","state"},"fields":"..."}}. */
    record ConverterAnswer(CreatedConverter converter, String fields) {
    }

    record CreatedConverter(String id, Long createTs, Long updateTs, String state) {
    }

    /**
     * List's answer ({@code GET /v1/projects/{appId}/channels/{cname}/rtmp-converters}):
     * {@code {"success","data":{"total_count","cursor","members":[...]}}}. The reference's table calls the numbers
     * numbers while its example sends them as strings, so {@code cursor} is read as either.
     */
    record ListAnswer(Boolean success, ListData data) {
    }

    record ListData(JsonNode cursor, List<ListedConverter> members) {
    }

    /** A listed converter: only what adopting one needs. */
    record ListedConverter(String rtcChannel, String converterName, String converterId, String state) {
    }
}
