package io.rtcgate.aliyun;

import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.StreamCallbacks;
import io.rtcgate.domain.callback.StreamNotice;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ApsaraVideo Live stream callbacks, publish and publish_done (vendors.md §3.4): parameters {@code action,
 * ip, id, app, appname, time, usrargs, node, height, width} in the query (or, on a POST, a form body), signed
 * with {@code ALI-LIVE-SIGNATURE = lowerhex(md5(push-domain|ALI-LIVE-TIMESTAMP|callback-auth-key))}.
 *
 * <p>Aliyun signs only the domain and the timestamp, not the parameters, so a captured signature could be
 * replayed with other parameters: the timestamp must be within {@link #FRESHNESS} of the gateway's clock
 * (the AUI AppServer accepts replays forever). With no callback key configured every callback is refused.
 *
 * <p>Parameters are read first-occurrence-wins, query before body: Aliyun sends {@code usrargs}, the push
 * URL's own query string, unencoded after {@code id, app, appname, time}, so a pusher's {@code &id=} in it
 * cannot replace Aliyun's. A delivery is named by {@code lowerhex(sha256(action LF app LF appname LF id LF
 * time))}: Aliyun's retries repeat those, while their signature timestamp may differ.
 *
 * <p>An ARTC channel's CDN relay is the stream {@code <artc-app-id>_<channel>_<user>_camera} (or
 * {@code _audio}); the gateway's channel names contain no {@code _}, so the channel is what lies between
 * the app id and the next {@code _}. Any other stream is a pushed CDN stream.
 */
public final class AliyunStreamCallbacks implements StreamCallbacks {

    /** How far the signature's timestamp may be from the gateway's clock, either way. */
    public static final Duration FRESHNESS = Duration.ofMinutes(5);
    public static final String TIMESTAMP_HEADER = AliyunCallbackSignatures.TIMESTAMP_HEADER;
    public static final String SIGNATURE_HEADER = AliyunCallbackSignatures.SIGNATURE_HEADER;

    private static final Logger LOG = LoggerFactory.getLogger(AliyunStreamCallbacks.class);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX_VALUE = 256;
    private static final int MAX_TIMESTAMP_DIGITS = 12;
    private static final String[] RELAY_SUFFIXES = {"_camera", "_audio"};

    private final String pushDomain;
    private final String callbackAuthKey;
    private final String artcAppId;

    AliyunStreamCallbacks(AliyunLiveDomains live, String artcAppId) {
        this.pushDomain = live.pushDomain();
        this.callbackAuthKey = live.callbackAuthKey();
        this.artcAppId = artcAppId;
        if (callbackAuthKey.isBlank()) {
            LOG.warn("Aliyun stream callbacks are off: rtcgate.vendors.aliyun.callback-auth-key is not set, so every "
                    + "callback is refused (401) and rooms do not follow their streams");
        }
    }

    @Override
    public Vendor vendor() {
        return Vendor.ALIYUN;
    }

    @Override
    public VerifiedCallback verify(CallbackRequest request, Instant now) {
        AliyunCallbackSignatures.verify(request, callbackAuthKey, timestamp -> signature(pushDomain, timestamp, callbackAuthKey),
                FRESHNESS, now, "stream");
        Params params = Params.of(request);
        return new VerifiedCallback(dedupeKey(params), request.keepingHeaders(AliyunCallbackSignatures.KEPT_HEADERS));
    }

    @Override
    public StreamNotice read(CallbackRequest request) {
        Params params = Params.of(request);
        return new StreamNotice(params.action, params.id, relayOf(params.id), Instant.ofEpochSecond(params.time));
    }

    /** {@code lowerhex(md5(domain|timestamp|key))}, Aliyun's callback signature. */
    static String signature(String domain, String timestamp, String key) {
        return AliyunDigests.md5Hex(domain + "|" + timestamp + "|" + key);
    }

    private static String dedupeKey(Params params) {
        String canonical = String.join("\n", params.actionName, params.app, params.appName, params.id, String.valueOf(params.time));
        return AliyunDigests.sha256Hex(canonical);
    }

    private Optional<StreamNotice.Relay> relayOf(String stream) {
        String prefix = artcAppId + "_";
        if (!stream.startsWith(prefix)) {
            return Optional.empty();
        }
        for (String suffix : RELAY_SUFFIXES) {
            if (stream.endsWith(suffix) && stream.length() > prefix.length() + suffix.length()) {
                String channelAndUser = stream.substring(prefix.length(), stream.length() - suffix.length());
                int split = channelAndUser.indexOf('_');
                if (split > 0 && split < channelAndUser.length() - 1) {
                    return Optional.of(new StreamNotice.Relay(channelAndUser.substring(0, split), channelAndUser.substring(split + 1)));
                }
            }
        }
        return Optional.empty();
    }

    /** The parameters of one delivery, checked; the errors name the parameter. */
    private static final class Params {
        final String actionName;
        final StreamNotice.Action action;
        final String id;
        final String app;
        final String appName;
        final long time;

        private Params(Map<String, String> values) {
            actionName = required(values, "action");
            action = switch (actionName) {
                case "publish" -> StreamNotice.Action.PUBLISHED;
                case "publish_done" -> StreamNotice.Action.INTERRUPTED;
                default -> throw new InvalidInputException("action", "action must be publish or publish_done");
            };
            id = required(values, "id");
            app = required(values, "app");
            appName = required(values, "appname");
            String unixTime = required(values, "time");
            if (unixTime.length() > MAX_TIMESTAMP_DIGITS || !unixTime.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidInputException("time", "time must be a Unix time in seconds");
            }
            time = Long.parseLong(unixTime);
        }

        static Params of(CallbackRequest request) {
            Map<String, String> values = UrlEncodedParameters.of(request.query());
            boolean form = request.header("content-type")
                    .map(type -> type.toLowerCase(Locale.ROOT).startsWith(FORM)).orElse(false);
            if (form && request.method().equalsIgnoreCase("POST")) {
                UrlEncodedParameters.addMissing(values, request.body());
            }
            return new Params(values);
        }

        private static String required(Map<String, String> values, String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new InvalidInputException(name, name + " is required");
            }
            if (value.length() > MAX_VALUE) {
                throw new InvalidInputException(name, name + " must be at most " + MAX_VALUE + " characters");
            }
            return value;
        }
    }
}
