package io.rtcgate.emulator.agora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.RandomStrings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Agora Media Push ("RTMP converters") as the emulator plays it: create, update, delete and list as Agora's reference
 * describes them (docs-portal {@code api-ref/media-push/index.md}, {@code restful-type-definition.mdx}), transcoding
 * converters only. Thread-safe.
 *
 * <p>A converter's life: Agora documents no requirement that anyone be in the channel at create, so a create is
 * accepted whoever is there, {@code connecting}; it goes {@code running} once one of the users it mixes (the layout's
 * and {@code audioOptions.rtcStreamUids}'; with neither, anyone) is a broadcaster in its channel. While none of them
 * is there it is idle, and after {@code idleTimeOut} seconds of that it is destroyed ({@code Idle Timeout}), as the
 * reference says. {@link #fail} makes a converter fail, as a CDN that refuses the push would, and {@link #crash} destroys
 * it as an error at Agora does ({@code Internal Error}). Each change goes
 * out as a Media Push notification (productId 5, docs-portal {@code media-push/build/receive-notifications.md}):
 * 1 Converter created, 2 Converter configuration changed, 3 Converter status changed, 4 Converter destroyed.
 *
 * <p>Where the reference is silent the emulator decides, and says so: {@code idleTimeOut} (also read as
 * {@code idleTimeout}, the spelling of the reference's examples) is 1 to 86400 s, 300 when absent; a channel set up
 * for the communication profile is refused (the reference: "make sure that the Agora channel profile is live
 * broadcasting"); {@code rawOptions} and the vertical layout ({@code layoutType} 1) are not emulated and refused; an
 * update must name what it changes in {@code fields} and may not name what the reference says cannot be updated;
 * a {@code sequence} not above the converter's last one is 400, as the emulator's Media Pull decides too.
 */
final class MediaPushConverters {

    static final int DEFAULT_IDLE_TIMEOUT = 300;
    static final int MAX_IDLE_TIMEOUT = 86_400;
    static final int MIN_CANVAS = 66;
    static final int MAX_CANVAS = 1920;
    static final int MAX_COLOR = 0xFF_FFFF;
    static final int MAX_Z_INDEX = 100;
    static final int MAX_VIDEO_BITRATE = 10_000;
    static final int MAX_FRAME_RATE = 30;
    static final int MAX_RTMP_URL = 1024;
    /** The list serves at most this many converters a page. */
    static final int PAGE_SIZE = 500;
    private static final long MAX_UID = 0xFFFF_FFFFL;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-zA-Z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]{1,64}");
    private static final Set<String> RTMP_SCHEMES = Set.of("rtmp", "rtmps");
    private static final Set<Integer> SAMPLE_RATES = Set.of(32_000, 44_100, 48_000);
    private static final Set<String> AUDIO_CODECS = Set.of("LC-AAC", "HE-AAC");
    /** What an update may change: the reference lists what it may not, the rest of the create body is open to it. */
    private static final Set<String> UPDATABLE = Set.of("rtmpUrl", "jitterBufferSizeMs",
            "transcodeOptions.videoOptions.canvas", "transcodeOptions.videoOptions.layout",
            "transcodeOptions.videoOptions.bitrate", "transcodeOptions.videoOptions.frameRate",
            "transcodeOptions.videoOptions.gop", "transcodeOptions.videoOptions.seiOptions",
            "transcodeOptions.videoOptions.defaultPlaceholderImageUrl",
            "transcodeOptions.audioOptions.rtcStreamUids", "transcodeOptions.audioOptions.volumes");
    static final String CREATED_FIELDS = "id,createTs,updateTs,state";
    static final String STATE_FIELDS = "id,createTs,updateTs,state";
    static final String DESTROYED_FIELDS = "id,name,createTs,updateTs";
    static final String DELETE_REQUEST = "Delete Request";
    static final String IDLE_TIMEOUT = "Idle Timeout";
    static final String INTERNAL_ERROR = "Internal Error";
    private static final String INVALID_RTMP_URL = "Invalid parameter: rtmpUrl. Replace it, and retry.";
    private static final String INVALID_IDLE_TIMEOUT = "Invalid parameter: idleTimeout. Replace it, and retry.";

    private final String appId;
    private final Clock clock;
    private final AgoraProject project;
    private final AgoraNotifications notifications;
    private final Map<String, Converter> converters = new LinkedHashMap<>();

    MediaPushConverters(String appId, Clock clock, AgoraProject project, AgoraNotifications notifications) {
        this.appId = appId;
        this.clock = clock;
        this.project = project;
        this.notifications = notifications;
    }

    // ---- the API ----

    /** Create; {@code requestId} is the caller's {@code X-Request-ID}, which Converter created echoes (null: one is made up). */
    synchronized ObjectNode create(String region, ObjectNode body, String requestId) {
        sync();
        Instant now = clock.instant();
        JsonNode converter = converterObject(body);
        if (converter.has("rawOptions")) {
            throw MediaPushApiError.badRequest("rawOptions: the emulator plays transcoding converters only; set transcodeOptions");
        }
        String name = optionalText(converter, "name");
        if (name != null && !NAME.matcher(name).matches()) {
            throw MediaPushApiError.badRequest("Invalid parameter: name. It is 1 to 64 letters, digits, '-' or '_'.");
        }
        JsonNode transcode = converter.get("transcodeOptions");
        if (transcode == null || !transcode.isObject()) {
            throw MediaPushApiError.badRequest("Invalid parameter: transcodeOptions is required, a JSON object.");
        }
        String channel = optionalText(transcode, "rtcChannel");
        if (channel == null || !CHANNEL_NAME.matcher(channel).matches()) {
            throw MediaPushApiError.badRequest("Invalid parameter: transcodeOptions.rtcChannel. Replace it, and retry.");
        }
        if (project.profile(channel) == ChannelProfile.COMMUNICATION) {
            throw MediaPushApiError.badRequest("the channel profile of " + channel + " must be live broadcasting");
        }
        Video video = video(transcode.get("videoOptions"));
        Optional<List<Long>> audioUids = audio(transcode.get("audioOptions"));
        String rtmpUrl = rtmpUrl(optionalText(converter, "rtmpUrl"));
        int idleTimeout = idleTimeout(converter);
        if (name != null) {
            boolean taken = listed().stream().anyMatch(existing -> name.equals(existing.name));
            if (taken) {
                // The reference documents the 409 and its message only: no header names the holder.
                throw new MediaPushApiError(409, "Resource with the same name already exists.");
            }
        }
        Converter created = new Converter(RandomStrings.lowerHex(32), name, region, channel, rtmpUrl, idleTimeout,
                (ObjectNode) transcode.deepCopy(), video, audioUids, now);
        converters.put(created.id, created);
        ObjectNode notice = EmulatorJson.mapper().createObjectNode();
        ObjectNode described = notice.putObject("converter");
        described.put("id", created.id);
        if (name != null) {
            described.put("name", name);
        }
        described.set("transcodeOptions", created.transcodeOptions.deepCopy());
        described.put("rtmpUrl", rtmpUrl);
        described.put("idleTimeout", idleTimeout);
        described.put("createTs", now.getEpochSecond());
        described.put("updateTs", now.getEpochSecond());
        described.put("state", created.state.wireName());
        notice.put("lts", now.toEpochMilli());
        notice.put("xRequestId", requestId == null ? RandomStrings.lowerHex(32) : requestId);
        notifications.send(AgoraNotifications.MediaPushEvent.CONVERTER_CREATED, notice);
        advance(created, now);
        return answer(created);
    }

    /** Update ({@code PATCH ...?sequence=n}): {@code {"converter":{...},"fields":"a.b,c"}}, only the fields named change. */
    synchronized ObjectNode update(String region, String id, Map<String, String> query, ObjectNode body) {
        sync();
        Instant now = clock.instant();
        Converter converter = listedConverter(region, id);
        long sequence = sequence(query.get("sequence"));
        if (sequence <= converter.lastSequence) {
            throw MediaPushApiError.badRequest("sequence " + sequence + " is not above the last update's, " + converter.lastSequence);
        }
        JsonNode changes = converterObject(body);
        JsonNode fieldsNode = body.get("fields");
        if (fieldsNode == null || !fieldsNode.isTextual() || fieldsNode.textValue().isBlank()) {
            throw MediaPushApiError.badRequest("fields is required: the field mask of what the update changes");
        }
        Set<String> fields = new LinkedHashSet<>(Arrays.stream(fieldsNode.textValue().split(",")).map(String::trim).toList());
        for (String field : fields) {
            if (!UPDATABLE.contains(field)) {
                throw MediaPushApiError.badRequest("Invalid parameter: fields. " + field + " cannot be updated.");
            }
            if (at(changes, field) == null) {
                throw MediaPushApiError.badRequest("Invalid parameter: fields names " + field + ", which the converter object lacks.");
            }
        }
        // Check the converter as it would be, then apply it all together.
        ObjectNode transcode = converter.transcodeOptions.deepCopy();
        String rtmpUrl = converter.rtmpUrl;
        for (String field : fields) {
            JsonNode value = at(changes, field);
            if (field.equals("rtmpUrl")) {
                rtmpUrl = rtmpUrl(value.isTextual() ? value.textValue() : null);
            } else if (field.startsWith("transcodeOptions.")) {
                put(transcode, field.substring("transcodeOptions.".length()), value.deepCopy());
            }
        }
        Video video = video(transcode.get("videoOptions"));
        Optional<List<Long>> audioUids = audio(transcode.get("audioOptions"));
        converter.transcodeOptions = transcode;
        converter.video = video;
        converter.audioUids = audioUids;
        converter.rtmpUrl = rtmpUrl;
        converter.lastSequence = sequence;
        converter.updatedAt = now;
        advance(converter, now);
        ObjectNode notice = EmulatorJson.mapper().createObjectNode();
        ObjectNode described = notice.putObject("converter");
        described.put("id", converter.id);
        described.put("createTs", converter.createdAt.getEpochSecond());
        described.put("updateTs", now.getEpochSecond());
        described.put("state", converter.state.wireName());
        ObjectNode describedTranscode = EmulatorJson.mapper().createObjectNode().put("rtcChannel", converter.channel);
        boolean transcodeChanged = false;
        for (String field : fields) {
            if (field.equals("rtmpUrl")) {
                described.put("rtmpUrl", rtmpUrl);
            } else if (field.startsWith("transcodeOptions.")) {
                String path = field.substring("transcodeOptions.".length());
                put(describedTranscode, path, at(transcode, path).deepCopy());
                transcodeChanged = true;
            }
        }
        if (transcodeChanged) {
            described.set("transcodeOptions", describedTranscode);
        }
        notice.put("lts", now.toEpochMilli());
        notice.put("xRequestId", RandomStrings.lowerHex(32));
        notice.put("fields", STATE_FIELDS + "," + String.join(",", fields));
        notifications.send(AgoraNotifications.MediaPushEvent.CONVERTER_UPDATED, notice);
        return answer(converter);
    }

    synchronized void delete(String region, String id) {
        sync();
        Converter converter = listedConverter(region, id);
        destroy(converter, DELETE_REQUEST, clock.instant());
    }

    /**
     * List, all of the project's converters or one channel's ({@code channel} null: all), 500 a page from
     * {@code cursor}: {@code {"success":true,"data":{"total_count","cursor","members":[...]}}}, {@code cursor} 0 on the
     * last page. The members' numbers are strings, as the reference's example has them.
     */
    synchronized ObjectNode list(String channel, String cursor) {
        sync();
        List<Converter> matching = new ArrayList<>(listed());
        if (channel != null) {
            matching.removeIf(converter -> !converter.channel.equals(channel));
        }
        int from = 0;
        if (cursor != null && !cursor.isEmpty()) {
            if (!cursor.matches("[0-9]{1,9}")) {
                throw MediaPushApiError.badRequest("Invalid parameter: cursor. It is a number from 0.");
            }
            from = Math.min(Integer.parseInt(cursor), matching.size());
        }
        int to = Math.min(matching.size(), from + PAGE_SIZE);
        ObjectNode answer = EmulatorJson.mapper().createObjectNode().put("success", true);
        ObjectNode data = answer.putObject("data");
        data.put("total_count", matching.size());
        data.put("cursor", to < matching.size() ? to : 0);
        ArrayNode members = data.putArray("members");
        for (Converter converter : matching.subList(from, to)) {
            ObjectNode member = members.addObject();
            member.put("rtcChannel", converter.channel);
            member.put("status", "200");
            if (converter.name != null) {
                member.put("converterName", converter.name);
            }
            member.put("updateTs", Long.toString(converter.updatedAt.getEpochSecond()));
            member.put("appId", appId);
            member.put("rtmpUrl", converter.rtmpUrl);
            member.put("converterId", converter.id);
            member.put("create", Long.toString(converter.createdAt.getEpochSecond()));
            member.put("idleTimeout", Integer.toString(converter.idleTimeout));
            member.put("state", converter.state.wireName());
        }
        return answer;
    }

    /** A converter whose push failed, as a CDN that refuses it makes it: {@code failed}, reported, still listed. */
    synchronized void fail(String id) {
        sync();
        Converter converter = converters.get(id);
        if (converter == null || converter.state == MediaPushConverter.State.ENDED) {
            throw new IllegalArgumentException("no live converter " + id);
        }
        converter.state = MediaPushConverter.State.FAILED;
        reportState(converter, clock.instant());
    }

    /** A converter Agora destroys on an error of its own, such as a hardware failure: {@code Internal Error}. */
    synchronized void crash(String id) {
        sync();
        Converter converter = converters.get(id);
        if (converter == null || converter.state == MediaPushConverter.State.ENDED) {
            throw new IllegalArgumentException("no live converter " + id);
        }
        destroy(converter, INTERNAL_ERROR, clock.instant());
    }

    /** Moves every converter on to the channels and the clock: connecting ones start running, idle ones time out. */
    synchronized void sync() {
        Instant now = clock.instant();
        for (Converter converter : converters.values()) {
            advance(converter, now);
        }
    }

    synchronized List<MediaPushConverter> snapshot() {
        sync();
        return converters.values().stream().map(Converter::snapshot).toList();
    }

    // ---- life ----

    private void advance(Converter converter, Instant now) {
        if (converter.state == MediaPushConverter.State.ENDED) {
            return;
        }
        boolean anyoneToMix = project.members(converter.channel).map(members -> members.broadcasters().stream()
                .anyMatch(uid -> converter.mixes(uid))).orElse(false);
        if (anyoneToMix) {
            converter.idleSince = null;
            if (converter.state == MediaPushConverter.State.CONNECTING) {
                converter.state = MediaPushConverter.State.RUNNING;
                reportState(converter, now);
            }
            return;
        }
        if (converter.idleSince == null) {
            converter.idleSince = now;
        }
        Instant timeout = converter.idleSince.plusSeconds(converter.idleTimeout);
        if (!now.isBefore(timeout)) {
            destroy(converter, IDLE_TIMEOUT, timeout);
        }
    }

    private void destroy(Converter converter, String reason, Instant at) {
        converter.state = MediaPushConverter.State.ENDED;
        converter.endReason = reason;
        ObjectNode notice = EmulatorJson.mapper().createObjectNode();
        ObjectNode described = notice.putObject("converter");
        described.put("id", converter.id);
        if (converter.name != null) {
            described.put("name", converter.name);
        }
        described.put("createTs", converter.createdAt.getEpochSecond());
        described.put("updateTs", converter.updatedAt.getEpochSecond());
        notice.put("lts", at.toEpochMilli());
        notice.put("destroyReason", reason);
        notice.put("fields", DESTROYED_FIELDS);
        notifications.send(AgoraNotifications.MediaPushEvent.CONVERTER_DESTROYED, notice);
    }

    private void reportState(Converter converter, Instant now) {
        ObjectNode notice = EmulatorJson.mapper().createObjectNode();
        ObjectNode described = notice.putObject("converter");
        described.put("id", converter.id);
        described.put("createTs", converter.createdAt.getEpochSecond());
        described.put("updateTs", converter.updatedAt.getEpochSecond());
        described.put("state", converter.state.wireName());
        notice.put("lts", now.toEpochMilli());
        notice.put("fields", STATE_FIELDS);
        notifications.send(AgoraNotifications.MediaPushEvent.CONVERTER_STATE_CHANGED, notice);
    }

    /** Create's and update's answer: {@code {"converter":{"id","createTs","updateTs","state"},"fields":"..."}}. */
    private static ObjectNode answer(Converter converter) {
        ObjectNode answer = EmulatorJson.mapper().createObjectNode();
        ObjectNode described = answer.putObject("converter");
        described.put("id", converter.id);
        described.put("createTs", converter.createdAt.getEpochSecond());
        described.put("updateTs", converter.updatedAt.getEpochSecond());
        described.put("state", converter.state.wireName());
        answer.put("fields", CREATED_FIELDS);
        return answer;
    }

    // ---- reading the body ----

    private static JsonNode converterObject(ObjectNode body) {
        JsonNode converter = body.get("converter");
        if (converter == null || !converter.isObject()) {
            throw MediaPushApiError.badRequest("the body must be {\"converter\": {...}}");
        }
        return converter;
    }

    /** What the video options say; {@code videoOptions} is required here, as every co-host push has video. */
    private static Video video(JsonNode options) {
        if (options == null || !options.isObject()) {
            throw MediaPushApiError.badRequest("Invalid parameter: transcodeOptions.videoOptions is required, a JSON object.");
        }
        Long layoutType = optionalInteger(options, "layoutType");
        if (layoutType != null && layoutType != 0) {
            throw MediaPushApiError.badRequest("layoutType " + layoutType + ": the emulator plays the custom layout (0) only");
        }
        JsonNode canvas = options.get("canvas");
        if (canvas == null || !canvas.isObject()) {
            throw MediaPushApiError.badRequest("Invalid parameter: transcodeOptions.videoOptions.canvas is required.");
        }
        int width = bounded(canvas, "width", MIN_CANVAS, MAX_CANVAS, "videoOptions.canvas.width", null);
        int height = bounded(canvas, "height", MIN_CANVAS, MAX_CANVAS, "videoOptions.canvas.height", null);
        bounded(canvas, "color", 0, MAX_COLOR, "videoOptions.canvas.color", 0);
        int bitrate = bounded(options, "bitrate", 1, MAX_VIDEO_BITRATE, "videoOptions.bitrate", null);
        bounded(options, "frameRate", 1, MAX_FRAME_RATE, "videoOptions.frameRate", 15);
        JsonNode layout = options.get("layout");
        if (layout == null || !layout.isArray()) {
            throw MediaPushApiError.badRequest("Invalid parameter: transcodeOptions.videoOptions.layout is required with layoutType 0.");
        }
        List<MediaPushConverter.Pane> panes = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            JsonNode element = layout.get(i);
            String where = "videoOptions.layout[" + i + "]";
            if (!element.isObject()) {
                throw MediaPushApiError.badRequest("Invalid parameter: " + where + " must be an object.");
            }
            JsonNode region = element.get("region");
            if (region == null || !region.isObject()) {
                throw MediaPushApiError.badRequest("Invalid parameter: " + where + ".region is required.");
            }
            int xPos = bounded(region, "xPos", 0, Integer.MAX_VALUE, where + ".region.xPos", null);
            int yPos = bounded(region, "yPos", 0, Integer.MAX_VALUE, where + ".region.yPos", null);
            int zIndex = bounded(region, "zIndex", 0, MAX_Z_INDEX, where + ".region.zIndex", null);
            int paneWidth = bounded(region, "width", 1, Integer.MAX_VALUE, where + ".region.width", null);
            int paneHeight = bounded(region, "height", 1, Integer.MAX_VALUE, where + ".region.height", null);
            if (element.has("imageUrl")) {
                continue; // a watermark: nobody's stream
            }
            Long uid = optionalInteger(element, "rtcStreamUid");
            if (uid == null || uid < 1 || uid > MAX_UID) {
                throw MediaPushApiError.badRequest("Invalid parameter: " + where + ".rtcStreamUid must be a uid from 1 to " + MAX_UID + ".");
            }
            panes.add(new MediaPushConverter.Pane(uid, xPos, yPos, zIndex, paneWidth, paneHeight));
        }
        return new Video(width, height, bitrate, panes);
    }

    /** The users whose audio is mixed; empty when {@code rtcStreamUids} is absent (everyone in the channel). */
    private static Optional<List<Long>> audio(JsonNode options) {
        if (options == null || options.isNull()) {
            return Optional.empty();
        }
        if (!options.isObject()) {
            throw MediaPushApiError.badRequest("Invalid parameter: transcodeOptions.audioOptions must be a JSON object.");
        }
        String codec = optionalText(options, "codecProfile");
        if (codec != null && !AUDIO_CODECS.contains(codec)) {
            throw MediaPushApiError.badRequest("Invalid parameter: audioOptions.codecProfile is LC-AAC or HE-AAC.");
        }
        Long sampleRate = optionalInteger(options, "sampleRate");
        if (sampleRate != null && !SAMPLE_RATES.contains(sampleRate.intValue())) {
            throw MediaPushApiError.badRequest("Invalid parameter: audioOptions.sampleRate is 32000, 44100 or 48000.");
        }
        bounded(options, "bitrate", 32, 128, "audioOptions.bitrate", 48);
        bounded(options, "audioChannels", 1, 2, "audioOptions.audioChannels", 1);
        JsonNode uids = options.get("rtcStreamUids");
        if (uids == null || uids.isNull()) {
            return Optional.empty();
        }
        if (!uids.isArray()) {
            throw MediaPushApiError.badRequest("Invalid parameter: audioOptions.rtcStreamUids must be an array of uids.");
        }
        List<Long> list = new ArrayList<>();
        for (JsonNode uid : uids) {
            if (!EmulatorJson.isLong(uid) || uid.longValue() < 1 || uid.longValue() > MAX_UID) {
                throw MediaPushApiError.badRequest("Invalid parameter: audioOptions.rtcStreamUids must be an array of uids.");
            }
            list.add(uid.longValue());
        }
        return Optional.of(list);
    }

    private static String rtmpUrl(String url) {
        if (url == null || url.isEmpty() || url.getBytes(StandardCharsets.UTF_8).length > MAX_RTMP_URL) {
            throw MediaPushApiError.badRequest(INVALID_RTMP_URL);
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !RTMP_SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
                throw MediaPushApiError.badRequest(INVALID_RTMP_URL);
            }
        } catch (URISyntaxException e) {
            throw MediaPushApiError.badRequest(INVALID_RTMP_URL);
        }
        return url;
    }

    private static int idleTimeout(JsonNode converter) {
        String field = converter.has("idleTimeOut") ? "idleTimeOut" : "idleTimeout";
        JsonNode value = converter.get(field);
        if (value == null || value.isNull()) {
            return DEFAULT_IDLE_TIMEOUT;
        }
        if (!EmulatorJson.isLong(value) || value.longValue() < 1 || value.longValue() > MAX_IDLE_TIMEOUT) {
            throw MediaPushApiError.badRequest(INVALID_IDLE_TIMEOUT);
        }
        return value.intValue();
    }

    private static long sequence(String value) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            throw MediaPushApiError.badRequest("sequence is required: a number from 0, above the last update's");
        }
        return Long.parseLong(value);
    }

    /** A whole number in [min, max]; {@code absent} when missing (null: required). */
    private static int bounded(JsonNode object, String field, int min, long max, String name, Integer absent) {
        Long value = optionalInteger(object, field);
        if (value == null) {
            if (absent == null) {
                throw MediaPushApiError.badRequest("Invalid parameter: " + name + " is required.");
            }
            return absent;
        }
        if (value < min || value > max) {
            throw MediaPushApiError.badRequest("Invalid parameter: " + name + " must be from " + min + " to " + max + ", not " + value + ".");
        }
        return value.intValue();
    }

    private static String optionalText(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw MediaPushApiError.badRequest("Invalid parameter: " + field + " must be a string.");
        }
        return value.textValue();
    }

    private static Long optionalInteger(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!EmulatorJson.isLong(value)) {
            throw MediaPushApiError.badRequest("Invalid parameter: " + field + " must be an integer.");
        }
        return value.longValue();
    }

    /** The node at a dotted path below {@code root}; null when any step is missing. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(step);
        }
        return node == null || node.isNull() ? null : node;
    }

    /** Sets the node at a dotted path below {@code root}, making the objects on the way. */
    private static void put(ObjectNode root, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < steps.length - 1; i++) {
            JsonNode next = node.get(steps[i]);
            node = next instanceof ObjectNode object ? object : node.putObject(steps[i]);
        }
        node.set(steps[steps.length - 1], value);
    }

    // ---- state ----

    private List<Converter> listed() {
        return converters.values().stream().filter(converter -> converter.state != MediaPushConverter.State.ENDED).toList();
    }

    /** A live converter created in {@code region}; one of another region is not found there. */
    private Converter listedConverter(String region, String id) {
        Converter converter = converters.get(id);
        if (converter == null || converter.state == MediaPushConverter.State.ENDED || !converter.region.equals(region)) {
            throw MediaPushApiError.notFound();
        }
        return converter;
    }

    private record Video(int canvasWidth, int canvasHeight, int bitrate, List<MediaPushConverter.Pane> panes) {
    }

    private static final class Converter {

        final String id;
        final String name;
        final String region;
        final String channel;
        final int idleTimeout;
        final Instant createdAt;
        String rtmpUrl;
        ObjectNode transcodeOptions;
        Video video;
        Optional<List<Long>> audioUids;
        Instant updatedAt;
        MediaPushConverter.State state = MediaPushConverter.State.CONNECTING;
        long lastSequence = -1;
        Instant idleSince;
        String endReason;

        Converter(String id, String name, String region, String channel, String rtmpUrl, int idleTimeout,
                  ObjectNode transcodeOptions, Video video, Optional<List<Long>> audioUids, Instant createdAt) {
            this.id = id;
            this.name = name;
            this.region = region;
            this.channel = channel;
            this.rtmpUrl = rtmpUrl;
            this.idleTimeout = idleTimeout;
            this.transcodeOptions = transcodeOptions;
            this.video = video;
            this.audioUids = audioUids;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        /** Whether {@code uid}'s stream is one this converter processes: in its layout or its audio mix. */
        boolean mixes(long uid) {
            boolean named = !video.panes().isEmpty() || audioUids.isPresent();
            return !named || video.panes().stream().anyMatch(pane -> pane.rtcStreamUid() == uid)
                    || audioUids.map(uids -> uids.contains(uid)).orElse(false);
        }

        MediaPushConverter snapshot() {
            return new MediaPushConverter(id, name, region, channel, rtmpUrl, state, video.canvasWidth(), video.canvasHeight(),
                    video.panes(), audioUids, video.bitrate(), idleTimeout, lastSequence, Optional.ofNullable(endReason));
        }
    }
}
