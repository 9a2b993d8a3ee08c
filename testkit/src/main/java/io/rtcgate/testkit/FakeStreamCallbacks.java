package io.rtcgate.testkit;

import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.StreamCallbacks;
import io.rtcgate.domain.callback.StreamNotice;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stream callbacks in a format of the test kit's own: the query {@code action=publish|publish_done},
 * {@code stream=<name>}, {@code time=<unix s>} and, for a relayed stream, {@code channel=} and {@code user=};
 * signed by the header {@value #SIGNATURE} = {@value #GOOD_SIGNATURE}. The dedupe key is the whole query.
 * {@link #failReadsOf} makes reads of a stream's deliveries throw, as a processing failure would.
 */
public final class FakeStreamCallbacks extends FakeVendorPort implements StreamCallbacks {

    public static final String SIGNATURE = "x-fake-signature";
    public static final String GOOD_SIGNATURE = "signed";

    private final Map<String, Integer> failingReads = new HashMap<>();

    public FakeStreamCallbacks(Vendor vendor) {
        super(vendor);
    }

    /** A signed delivery of this format. */
    public static CallbackRequest signed(String query) {
        return new CallbackRequest("GET", query, Map.of(SIGNATURE, GOOD_SIGNATURE, "x-other", "dropped"), "");
    }

    /** The next {@code reads} reads of deliveries about {@code stream} throw. */
    public synchronized void failReadsOf(String stream, int reads) {
        failingReads.put(stream, reads);
    }

    @Override
    public VerifiedCallback verify(CallbackRequest request, Instant now) {
        act("verify");
        if (!request.header(SIGNATURE).map(GOOD_SIGNATURE::equals).orElse(false)) {
            throw new AuthenticationException("not signed");
        }
        parse(request); // refuses what it could not read later
        return new VerifiedCallback(request.query(), request.keepingHeaders(Set.of(SIGNATURE)));
    }

    @Override
    public StreamNotice read(CallbackRequest request) {
        StreamNotice notice = parse(request);
        synchronized (this) {
            int failing = failingReads.getOrDefault(notice.streamName(), 0);
            if (failing > 0) {
                failingReads.put(notice.streamName(), failing - 1);
                throw new IllegalStateException("the fake was told to fail this read");
            }
        }
        return notice;
    }

    private static StreamNotice parse(CallbackRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : request.query().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        StreamNotice.Action action = switch (params.getOrDefault("action", "")) {
            case "publish" -> StreamNotice.Action.PUBLISHED;
            case "publish_done" -> StreamNotice.Action.INTERRUPTED;
            default -> throw new InvalidInputException("action", "action must be publish or publish_done");
        };
        String stream = params.get("stream");
        if (stream == null) {
            throw new InvalidInputException("stream", "stream is required");
        }
        Optional<StreamNotice.Relay> relay = params.containsKey("channel")
                ? Optional.of(new StreamNotice.Relay(params.get("channel"), params.getOrDefault("user", "")))
                : Optional.empty();
        return new StreamNotice(action, stream, relay, Instant.ofEpochSecond(Long.parseLong(params.getOrDefault("time", "0"))));
    }
}
