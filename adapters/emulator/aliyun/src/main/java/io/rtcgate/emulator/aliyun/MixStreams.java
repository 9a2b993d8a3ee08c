package io.rtcgate.emulator.aliyun;

import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.aliyun.MixStreamJson.CallbackConfig;
import io.rtcgate.emulator.aliyun.MixStreamJson.InputStream;
import io.rtcgate.emulator.aliyun.MixStreamJson.LayoutConfig;
import io.rtcgate.emulator.aliyun.MixStreamJson.MixStreamAnswer;
import io.rtcgate.emulator.aliyun.MixStreamJson.MixStreamInfo;
import io.rtcgate.emulator.aliyun.MixStreamJson.MixStreamList;
import io.rtcgate.emulator.aliyun.MixStreamJson.OutputConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * CDN stream mixing for co-hosting as the fake plays it: CreateMixStream, UpdateMixStream, DeleteMixStream and
 * DescribeMixStreamList with the parameters of the API pages and the SDK's request classes, driven by the
 * co-hosting protocol of seed 002:
 * <ul>
 *   <li>a published stream becomes mixable at once, and MixAvailable ({@code Domain, App, Stream, Event}) goes to
 *       the account's mix notify URL;</li>
 *   <li>CreateMixStream mixes onto its output stream (OutputConfig's AppName and StreamName: the main stream), which
 *       must be mixable; MixResult Success follows once every other input publishes (seed 002 §2.1 III: Aliyun
 *       waits for a missing guest), again after each UpdateMixStream;</li>
 *   <li>the main stream stopping sends MixResult MainStreamNotExist, a guest stopping MixStreamNotExist;
 *       DeleteMixStream ends the task and nothing more is sent for it (seed 002 §2.2, §2.3 III).</li>
 * </ul>
 * MixResult goes to the task's CallbackConfig URL, or the account's notify URL without one; both GET with query
 * parameters as the seed shows, not the POST JSON of today's CreateMixStream page. Not documented, so chosen here:
 * {@code MainStreamNotExist} (400) for a create before the main stream is mixable, {@code MixStreamAlreadyExists}
 * (400) for a second task onto the same output stream, {@code InvalidMixStreamId.NotFound} (404) for an unknown
 * MixStreamId, MixType {@code channel} (the seed's advice) and an empty Message for Success. Thread-safe.
 */
final class MixStreams {

    static final String USER_DEFINED = "USERDEFINED";
    static final Set<String> LAYOUTS = Set.of("MixStreamLayout-1-1", "MixStreamLayout-2-1", "MixStreamLayout-2-2",
            "MixStreamLayout-2-3", "MixStreamLayout-3-1", "MixStreamLayout-3-2", "MixStreamLayout-4-1", USER_DEFINED);
    static final int MAX_INPUTS = 16;
    static final String MIX_TYPE = "channel";
    private static final Set<String> FILL_MODES = Set.of("fit", "fill");
    private static final Set<String> POSITION_REFERS = Set.of("topLeft", "topRight", "bottomLeft", "bottomRight", "center");

    private final Clock clock;
    private final MixCallbackSender callbacks;
    private final Map<String, LiveStreamRef> published = new LinkedHashMap<>();
    private final Map<String, MixStreamTask> tasks = new LinkedHashMap<>();
    private MixCallbackConfig config;

    MixStreams(Clock clock, MixCallbackSender callbacks) {
        this.clock = clock;
        this.callbacks = callbacks;
    }

    // ---- the API ----

    synchronized MixStreamAnswer create(RpcRequest request) {
        String domain = request.required("DomainName");
        String layoutId = layout(request);
        List<MixInput> inputs = inputs(request);
        OutputConfig output = json(request, "OutputConfig", OutputConfig.class);
        if (blank(output.appName()) || blank(output.streamName())) {
            throw invalid("OutputConfig", "OutputConfig.AppName and OutputConfig.StreamName are mandatory.");
        }
        if (output.expireDuration() != null && !output.expireDuration().chars().allMatch(Character::isDigit)) {
            throw invalid("OutputConfig", "OutputConfig.ExpireDuration must be a number of seconds.");
        }
        Optional<URI> callbackUrl = callbackUrl(request);
        LiveStreamRef main = new LiveStreamRef(domain, output.appName(), output.streamName());
        if (!published.containsKey(key(main))) {
            throw new AliyunApiError(400, "MainStreamNotExist", "The main stream " + output.appName() + "/" + output.streamName()
                    + " is not available for mixing: wait for its MixAvailable notification.");
        }
        tasks.values().stream().filter(task -> task.isMain(main)).findFirst().ifPresent(existing -> {
            throw new AliyunApiError(400, "MixStreamAlreadyExists", "The stream " + output.appName() + "/" + output.streamName()
                    + " is already the output of mix task " + existing.mixStreamId() + ".");
        });
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        MixStreamTask task = new MixStreamTask(id, domain, output.appName(), output.streamName(), layoutId,
                output.mixStreamTemplate() == null ? "" : output.mixStreamTemplate(), inputs, callbackUrl, now, now, false);
        tasks.put(id, task);
        succeedIfComplete(task);
        return new MixStreamAnswer(id);
    }

    synchronized MixStreamAnswer update(RpcRequest request) {
        MixStreamTask task = task(request);
        String layoutId = layout(request);
        List<MixInput> inputs = inputs(request);
        MixStreamTask updated = new MixStreamTask(task.mixStreamId(), task.domainName(), task.appName(), task.streamName(), layoutId,
                task.mixStreamTemplate(), inputs, task.callbackUrl(), task.createdAt(), clock.instant(), false);
        tasks.put(task.mixStreamId(), updated);
        succeedIfComplete(updated);
        return new MixStreamAnswer(task.mixStreamId());
    }

    synchronized MixStreamAnswer delete(RpcRequest request) {
        MixStreamTask task = task(request);
        tasks.remove(task.mixStreamId());
        return new MixStreamAnswer(task.mixStreamId());
    }

    /** DomainName is required; AppName, StreamName and MixStreamId narrow the list; PageNo and PageSize page it. */
    synchronized MixStreamList describe(RpcRequest request) {
        String domain = request.required("DomainName");
        int pageNo = number(request, "PageNo", 1, 1, Integer.MAX_VALUE);
        int pageSize = number(request, "PageSize", 10, 1, 100);
        Predicate<MixStreamTask> matches = task -> task.domainName().equals(domain)
                && request.optional("AppName").map(task.appName()::equals).orElse(true)
                && request.optional("StreamName").map(task.streamName()::equals).orElse(true)
                && request.optional("MixStreamId").map(task.mixStreamId()::equals).orElse(true);
        List<MixStreamInfo> infos = tasks.values().stream().filter(matches)
                .skip((long) (pageNo - 1) * pageSize).limit(pageSize)
                .map(task -> new MixStreamInfo(task.appName(), task.domainName(), UtcTimestamps.format(task.createdAt()),
                        UtcTimestamps.format(task.modifiedAt()), task.inputs().size(), task.layoutId(), task.mixStreamTemplate(),
                        task.mixStreamId(), task.streamName()))
                .toList();
        return new MixStreamList(infos);
    }

    // ---- what happens to streams ----

    synchronized void configure(MixCallbackConfig newConfig) {
        this.config = newConfig;
    }

    /** The stream publishes: it is mixable, MixAvailable goes out, and tasks waiting for it as a guest mix. */
    synchronized void publish(LiveStreamRef stream) {
        published.put(key(stream), stream);
        if (config != null) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("Domain", stream.domainName());
            parameters.put("App", stream.appName());
            parameters.put("Stream", stream.streamName());
            parameters.put("Event", "MixAvailable");
            callbacks.send(config.notifyUrl(), config, parameters);
        }
        List.copyOf(tasks.values()).forEach(this::succeedIfComplete);
    }

    /** The stream stops: MainStreamNotExist for the tasks it is the main stream of, MixStreamNotExist where it is a guest. */
    synchronized void stopPublishing(LiveStreamRef stream) {
        if (published.remove(key(stream)) == null) {
            return;
        }
        for (MixStreamTask task : List.copyOf(tasks.values())) {
            if (task.isMain(stream)) {
                result(task, stream(task.guests()), "MainStreamNotExist", "the main stream is interrupted");
            } else if (task.guests().stream().anyMatch(input -> sameStream(input.stream(), stream))) {
                result(task, Optional.of(stream), "MixStreamNotExist", "the mixed stream is interrupted");
            }
        }
    }

    /** A MixResult for a held task, its Message form-encoded; {@code code} is sent as it is. */
    synchronized void sendResult(String mixStreamId, String code, String message) {
        MixStreamTask task = held(mixStreamId);
        send(task, resultParameters(task, stream(task.guests()), code), "Message", message, false);
    }

    /** A MixResult whose Message goes on the request line unescaped, as seed 001 reports Aliyun sent one. */
    synchronized void sendResultUnescaped(String mixStreamId, String code, String rawMessage) {
        MixStreamTask task = held(mixStreamId);
        send(task, resultParameters(task, stream(task.guests()), code), "Message", rawMessage, true);
    }

    synchronized List<MixStreamTask> tasks() {
        return List.copyOf(tasks.values());
    }

    synchronized List<LiveStreamRef> publishedStreams() {
        return List.copyOf(published.values());
    }

    // ---- results ----

    private void succeedIfComplete(MixStreamTask task) {
        boolean everyGuestLive = task.guests().stream().allMatch(input -> published.containsKey(key(input.stream())));
        if (task.mixed() || !everyGuestLive || !published.containsKey(key(task.appName(), task.streamName()))) {
            return;
        }
        MixStreamTask mixed = new MixStreamTask(task.mixStreamId(), task.domainName(), task.appName(), task.streamName(),
                task.layoutId(), task.mixStreamTemplate(), task.inputs(), task.callbackUrl(), task.createdAt(), task.modifiedAt(), true);
        tasks.put(task.mixStreamId(), mixed);
        send(mixed, resultParameters(mixed, stream(mixed.guests()), "Success"), "Message", "", false);
    }

    private void result(MixStreamTask task, Optional<LiveStreamRef> guest, String code, String message) {
        MixStreamTask unmixed = new MixStreamTask(task.mixStreamId(), task.domainName(), task.appName(), task.streamName(),
                task.layoutId(), task.mixStreamTemplate(), task.inputs(), task.callbackUrl(), task.createdAt(), task.modifiedAt(), false);
        tasks.put(task.mixStreamId(), unmixed);
        send(unmixed, resultParameters(unmixed, guest, code), "Message", message, false);
    }

    /** The MixResult parameters in the seed's order, up to Code; Message is added last. */
    private static Map<String, String> resultParameters(MixStreamTask task, Optional<LiveStreamRef> guest, String code) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("MainMixDomain", task.domainName());
        parameters.put("MainMixApp", task.appName());
        parameters.put("MainMixStream", task.streamName());
        parameters.put("MixDomain", guest.map(LiveStreamRef::domainName).orElse(""));
        parameters.put("MixApp", guest.map(LiveStreamRef::appName).orElse(""));
        parameters.put("MixStream", guest.map(LiveStreamRef::streamName).orElse(""));
        parameters.put("MixType", MIX_TYPE);
        parameters.put("MixTemplate", task.mixStreamTemplate());
        parameters.put("Event", "MixResult");
        parameters.put("Code", code);
        return parameters;
    }

    private void send(MixStreamTask task, Map<String, String> parameters, String lastName, String lastValue, boolean raw) {
        if (config == null && task.callbackUrl().isEmpty()) {
            return;
        }
        MixCallbackConfig signing = config == null ? new MixCallbackConfig(task.callbackUrl().get(), task.domainName(), "") : config;
        URI url = task.callbackUrl().orElse(signing.notifyUrl());
        if (raw) {
            callbacks.sendRaw(url, signing, parameters, lastName, lastValue);
        } else {
            Map<String, String> all = new LinkedHashMap<>(parameters);
            all.put(lastName, lastValue);
            callbacks.send(url, signing, all);
        }
    }

    // ---- parameters ----

    private MixStreamTask task(RpcRequest request) {
        request.required("DomainName");
        String id = request.required("MixStreamId");
        MixStreamTask task = tasks.get(id);
        if (task == null) {
            throw new AliyunApiError(404, "InvalidMixStreamId.NotFound", "The mix stream task " + id + " does not exist.");
        }
        return task;
    }

    private MixStreamTask held(String mixStreamId) {
        MixStreamTask task = tasks.get(mixStreamId);
        if (task == null) {
            throw new IllegalArgumentException("no mix task " + mixStreamId + ": Aliyun sends no MixResult after DeleteMixStream");
        }
        return task;
    }

    private static String layout(RpcRequest request) {
        String layoutId = request.required("LayoutId");
        if (!LAYOUTS.contains(layoutId)) {
            throw AliyunApiError.malformed("LayoutId");
        }
        return layoutId;
    }

    /** InputStreamList: 1 to 16 live streams by RTMP URL, each with a distinct LayoutChildId and, for USERDEFINED, its pane. */
    private static List<MixInput> inputs(RpcRequest request) {
        InputStream[] list;
        try {
            list = EmulatorJson.read(request.required("InputStreamList"), InputStream[].class);
        } catch (IllegalArgumentException notJson) {
            throw invalid("InputStreamList", "InputStreamList is not a JSON array of InputStreamConfig: " + notJson.getMessage());
        }
        if (list == null || list.length == 0 || list.length > MAX_INPUTS) {
            throw invalid("InputStreamList", "InputStreamList must hold 1 to " + MAX_INPUTS + " input streams.");
        }
        boolean userDefined = request.required("LayoutId").equals(USER_DEFINED);
        Set<Integer> childIds = new HashSet<>();
        List<MixInput> inputs = new ArrayList<>();
        for (InputStream input : list) {
            if (input == null || input.layoutChildId() == null || !childIds.add(input.layoutChildId())) {
                throw invalid("InputStreamList", "every input stream needs its own LayoutChildId.");
            }
            if (!"live".equals(input.resourceType())) {
                throw invalid("InputStreamList", "ResourceType must be live.");
            }
            LiveStreamRef stream = rtmpStream(input.resourceValue());
            LayoutConfig pane = input.layoutConfig();
            if (pane == null) {
                if (userDefined) {
                    throw invalid("InputStreamList", "a USERDEFINED layout needs a LayoutConfig for every input stream.");
                }
                inputs.add(new MixInput(input.layoutChildId(), stream, "fit", 0, 0, 1, 1));
                continue;
            }
            if (!FILL_MODES.contains(pane.fillMode()) || !POSITION_REFERS.contains(pane.positionRefer())) {
                throw invalid("InputStreamList", "LayoutConfig.FillMode must be fit or fill, and PositionRefer a corner or center.");
            }
            double[] position = pair(pane.fillPositionNormalized(), "FillPositionNormalized");
            double[] size = pair(pane.fillSizeNormalized(), "FillSizeNormalized");
            if (size[0] <= 0 || size[1] <= 0) {
                throw invalid("InputStreamList", "LayoutConfig.FillSizeNormalized must be positive.");
            }
            inputs.add(new MixInput(input.layoutChildId(), stream, pane.fillMode(), position[0], position[1], size[0], size[1]));
        }
        return inputs;
    }

    /** {@code rtmp://<domain>/<app>/<stream>[?auth_key=...]}. */
    private static LiveStreamRef rtmpStream(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String[] path = uri == null || uri.getPath() == null ? new String[0] : uri.getPath().split("/");
        if (uri == null || !"rtmp".equals(uri.getScheme()) || uri.getHost() == null || path.length != 3 || path[1].isEmpty()
                || path[2].isEmpty()) {
            throw invalid("InputStreamList", "ResourceValue must be the RTMP URL of a live stream, rtmp://domain/app/stream.");
        }
        return new LiveStreamRef(uri.getHost(), path[1], path[2]);
    }

    private static double[] pair(List<BigDecimal> values, String field) {
        if (values == null || values.size() != 2 || values.stream().anyMatch(value -> value == null
                || value.compareTo(BigDecimal.ZERO) < 0 || value.compareTo(BigDecimal.ONE) > 0)) {
            throw invalid("InputStreamList", "LayoutConfig." + field + " must be two numbers from 0 to 1.");
        }
        return new double[] {values.get(0).doubleValue(), values.get(1).doubleValue()};
    }

    private static Optional<URI> callbackUrl(RpcRequest request) {
        Optional<String> text = request.optional("CallbackConfig");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        CallbackConfig callback = json(request, "CallbackConfig", CallbackConfig.class);
        try {
            URI url = new URI(callback.callbackUrl() == null ? "" : callback.callbackUrl());
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw invalid("CallbackConfig", "CallbackConfig.CallbackUrl must be an http(s) URL.");
            }
            return Optional.of(url);
        } catch (URISyntaxException e) {
            throw invalid("CallbackConfig", "CallbackConfig.CallbackUrl must be an http(s) URL.");
        }
    }

    private static <T> T json(RpcRequest request, String name, Class<T> type) {
        T value;
        try {
            value = EmulatorJson.read(request.required(name), type);
        } catch (IllegalArgumentException notJson) {
            throw invalid(name, name + " is not valid JSON of its documented fields: " + notJson.getMessage());
        }
        if (value == null) {
            throw invalid(name, name + " must be a JSON object.");
        }
        return value;
    }

    private static int number(RpcRequest request, String name, int fallback, int min, int max) {
        Optional<String> text = request.optional(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value < min || value > max) {
                throw AliyunApiError.malformed(name);
            }
            return value;
        } catch (NumberFormatException e) {
            throw AliyunApiError.malformed(name);
        }
    }

    private static Optional<LiveStreamRef> stream(List<MixInput> guests) {
        return guests.stream().findFirst().map(MixInput::stream);
    }

    /** Streams are one by application and name: a stream pushed on the ingest domain plays on the play domain. */
    private static boolean sameStream(LiveStreamRef a, LiveStreamRef b) {
        return key(a).equals(key(b));
    }

    private static String key(LiveStreamRef stream) {
        return key(stream.appName(), stream.streamName());
    }

    private static String key(String app, String stream) {
        return app + "/" + stream;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static AliyunApiError invalid(String parameter, String message) {
        return new AliyunApiError(400, "Invalid" + parameter + ".Malformed", message);
    }
}
