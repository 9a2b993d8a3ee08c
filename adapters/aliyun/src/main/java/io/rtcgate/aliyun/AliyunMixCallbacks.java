package io.rtcgate.aliyun;

import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.cohost.MixCallbacks;
import io.rtcgate.domain.cohost.MixNotice;
import io.rtcgate.domain.cohost.MixResultCode;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 002's mixing callbacks at {@code GET /callbacks/aliyun/mix}, parameters in the query:
 * <ul>
 *   <li>MixAvailable {@code Domain, App, Stream, Event=MixAvailable}: {@link MixNotice#available} for the stream;</li>
 *   <li>MixResult {@code MainMixDomain, MainMixApp, MainMixStream, MixDomain, MixApp, MixStream, MixType, MixTemplate,
 *       Event=MixResult, Code, Message}: {@link MixNotice#result} for the main stream. A Code the seed does not list is
 *       read as InternalError: an outcome we cannot name leaves the picture undetermined, which is what InternalError
 *       says, and its advice (wait for Aliyun's retry, retry, or stop) is the safe one; refusing it instead would only
 *       make Aliyun resend it for nothing.</li>
 * </ul>
 * Any other Event verifies (it is Aliyun's, signed) and reads as nothing.
 *
 * <p>Signed as the stream callbacks are: {@code ALI-LIVE-SIGNATURE = lowerhex(md5(push-domain|ALI-LIVE-TIMESTAMP|
 * callback-auth-key))}, within {@link AliyunStreamCallbacks#FRESHNESS} of the gateway's clock, since the signature
 * covers no parameter. The callbacks carry no time of their own, so the notice's time is the signature's timestamp.
 *
 * <p>Read leniently: seed 001 reports Aliyun sent MixResult with a badly escaped {@code Message}, and the gateway's
 * HTTP layer percent-encodes what a request line cannot hold before this sees it. So {@code +} is a space, a
 * {@code %} without two hex digits is a percent sign, raw characters stay as they came, and parameters are read
 * first occurrence first: Message comes last, so whatever it holds ({@code &Code=...} included) cannot change the
 * Event or Code read before it. A delivery is decided by Event and Code, never by Message, and named by
 * {@code sha256} of its Event, Code, streams, MixType, MixTemplate and signature timestamp: Message plays no part, and
 * the timestamp tells apart a second MixAvailable (or Success) for the same stream after a republish, which Aliyun
 * sends with no other difference.
 */
public final class AliyunMixCallbacks implements MixCallbacks {

    static final String MIX_AVAILABLE = "MixAvailable";
    static final String MIX_RESULT = "MixResult";
    static final int MAX_MESSAGE = 512;

    private static final Logger LOG = LoggerFactory.getLogger(AliyunMixCallbacks.class);
    private static final int MAX_VALUE = 256;
    private static final List<String> AVAILABLE_FIELDS = List.of("Domain", "App", "Stream");
    private static final List<String> RESULT_FIELDS = List.of("MainMixDomain", "MainMixApp", "MainMixStream", "Code");
    private static final List<String> RESULT_DETAILS = List.of("MixDomain", "MixApp", "MixStream", "MixType", "MixTemplate");

    private final String pushDomain;
    private final String callbackAuthKey;

    AliyunMixCallbacks(AliyunLiveDomains live) {
        this.pushDomain = live.pushDomain();
        this.callbackAuthKey = live.callbackAuthKey();
    }

    @Override
    public Vendor vendor() {
        return Vendor.ALIYUN;
    }

    /** MixAvailable and MixResult go to the URL given for them, not to the stream or recording callbacks. */
    @Override
    public boolean ownEndpoint() {
        return true;
    }

    @Override
    public VerifiedCallback verify(CallbackRequest request, Instant now) {
        AliyunCallbackSignatures.verify(request, callbackAuthKey,
                timestamp -> AliyunStreamCallbacks.signature(pushDomain, timestamp, callbackAuthKey), AliyunStreamCallbacks.FRESHNESS,
                now, "mix");
        Map<String, String> params = checked(request);
        StringBuilder canonical = new StringBuilder(params.get("Event")).append('\n').append(timestamp(request));
        List<String> named = switch (params.get("Event")) {
            case MIX_AVAILABLE -> AVAILABLE_FIELDS;
            case MIX_RESULT -> concat(RESULT_FIELDS, RESULT_DETAILS);
            default -> List.of();
        };
        named.forEach(name -> canonical.append('\n').append(params.getOrDefault(name, "")));
        return new VerifiedCallback(AliyunDigests.sha256Hex(canonical.toString()), request.keepingHeaders(AliyunCallbackSignatures.KEPT_HEADERS));
    }

    @Override
    public Optional<MixNotice> read(CallbackRequest request) {
        Map<String, String> params = checked(request);
        Instant reportedAt = Instant.ofEpochSecond(Long.parseLong(timestamp(request)));
        return switch (params.get("Event")) {
            case MIX_AVAILABLE -> Optional.of(MixNotice.available(params.get("Stream"), reportedAt));
            case MIX_RESULT -> Optional.of(MixNotice.result(params.get("MainMixStream"), code(params.get("Code")),
                    message(params.getOrDefault("Message", "")), reportedAt));
            default -> Optional.empty();
        };
    }

    private static MixResultCode code(String wireName) {
        return MixResultCode.ofWireName(wireName).orElseGet(() -> {
            LOG.warn("Aliyun sent MixResult Code {}, which seed 002 does not list: read as InternalError", wireName);
            return MixResultCode.INTERNAL_ERROR;
        });
    }

    /** Message as it came, cut to {@link #MAX_MESSAGE} characters: its length decides nothing either. */
    private static String message(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
    }

    /** The parameters, with the ones the Event needs present; the errors name the parameter. */
    private static Map<String, String> checked(CallbackRequest request) {
        Map<String, String> params = UrlEncodedParameters.leniently(request.query());
        String event = required(params, "Event");
        switch (event) {
            case MIX_AVAILABLE -> AVAILABLE_FIELDS.forEach(name -> required(params, name));
            case MIX_RESULT -> {
                RESULT_FIELDS.forEach(name -> required(params, name));
                RESULT_DETAILS.forEach(name -> bounded(params, name));
            }
            default -> {
                // another event of Aliyun's: verified, and read as nothing
            }
        }
        return params;
    }

    /** The signature's timestamp, which {@link AliyunCallbackSignatures} checked is Unix seconds within the window. */
    private static String timestamp(CallbackRequest request) {
        String timestamp = request.header(AliyunCallbackSignatures.TIMESTAMP_HEADER).orElse("");
        if (timestamp.isEmpty() || timestamp.length() > 12 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("ALI-LIVE-TIMESTAMP", "ALI-LIVE-TIMESTAMP must be a Unix time in seconds");
        }
        return timestamp;
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name, name + " is required");
        }
        return bounded(params, name);
    }

    private static String bounded(Map<String, String> params, String name) {
        String value = params.getOrDefault(name, "");
        if (value.length() > MAX_VALUE) {
            throw new InvalidInputException(name, name + " must be at most " + MAX_VALUE + " characters");
        }
        return value;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
