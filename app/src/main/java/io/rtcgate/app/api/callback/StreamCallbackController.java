package io.rtcgate.app.api.callback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.rtcgate.domain.callback.CallbackInbox;
import io.rtcgate.domain.callback.CallbackKind;
import io.rtcgate.domain.vendor.Vendor;

/**
 * Aliyun's publish / publish_done callbacks, at the AUI AppServer's path, the gateway's own and seed 001's, and its
 * mix callbacks (MixAvailable, MixResult) at {@value #MIX_PATH} and seed 001's two paths, all into one inbox. No
 * gateway authentication: the callback's signature is its authentication, checked by the inbox before
 * anything is recorded (401 when it is missing, wrong or stale). Accepted deliveries, duplicates included,
 * are answered 200 so that Aliyun stops resending them.
 */
@Controller(produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
public class StreamCallbackController {

    static final String AUI_PATH = "/api/v1/live/handlePushStreamEventCallback";
    static final String GATEWAY_PATH = "/callbacks/aliyun/stream";
    /** Seed 002's MixAvailable and MixResult, sent as GET with query parameters. */
    static final String MIX_PATH = "/callbacks/aliyun/mix";
    /** Seed 001's paths for the same callbacks, for Aliyun consoles configured for the Node.js AppServer. */
    static final String NODE_STREAM_PATH = "/ali/stream/notify";
    /** Seed 001's text swaps its two mix paths between sections, so each takes MixAvailable and MixResult alike. */
    static final String NODE_MIX_STATUS_PATH = "/ali/mix/status/notify";
    static final String NODE_MIX_AVAILABILITY_PATH = "/ali/mix/availability/notify";
    /** Aliyun's callbacks are a few hundred bytes; anything much larger is not one. */
    static final int MAX_BODY = 16 * 1024;

    private final CallbackInbox inbox;

    public StreamCallbackController(CallbackInbox inbox) {
        this.inbox = inbox;
    }

    /** The answer to an accepted delivery: {@code outcome} is applied, ignored, duplicate or queued (left for the worker). */
    @Serdeable
    public record CallbackAnswer(int code, String message, String outcome) {
    }

    @Get(uris = {AUI_PATH, GATEWAY_PATH, NODE_STREAM_PATH})
    public CallbackAnswer get(HttpRequest<?> request) {
        return receive(request, "");
    }

    @Post(uris = {AUI_PATH, GATEWAY_PATH, NODE_STREAM_PATH}, consumes = MediaType.ALL)
    public CallbackAnswer post(HttpRequest<?> request, @Body @Nullable String body) {
        return receive(request, body == null ? "" : body);
    }

    /** Aliyun stops resending a mix callback once it is answered 200 (seed 002), whatever the body says. */
    @Get(uris = {MIX_PATH, NODE_MIX_STATUS_PATH, NODE_MIX_AVAILABILITY_PATH})
    public CallbackAnswer mix(HttpRequest<?> request) {
        return receive(request, "", CallbackKind.MIX);
    }

    private CallbackAnswer receive(HttpRequest<?> request, String body) {
        return receive(request, body, CallbackKind.STREAM);
    }

    private CallbackAnswer receive(HttpRequest<?> request, String body, CallbackKind kind) {
        CallbackInbox.Receipt receipt = inbox.receive(Vendor.ALIYUN, kind, CallbackRequests.of(request, body, MAX_BODY));
        return new CallbackAnswer(200, "ok", CallbackRequests.outcomeOf(receipt));
    }
}
