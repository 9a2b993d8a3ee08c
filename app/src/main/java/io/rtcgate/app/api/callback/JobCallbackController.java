package io.rtcgate.app.api.callback;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.rtcgate.domain.callback.CallbackInbox;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.job.JobCallbackHandler;
import io.rtcgate.domain.vendor.Vendor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The vendors' signed callbacks that carry the events of their long-running jobs: Agora's notifications (NCS:
 * cloud recording and Media Pull), Tencent's callbacks (cloud recording and stream ingest) and Aliyun's ARTC
 * recording callbacks. No gateway authentication: the signature is the
 * authentication, checked before anything is recorded (401 when it is missing, wrong or stale). Every
 * accepted delivery, a redelivery included, is answered 200 in the vendor's own format, so the vendor
 * stops resending it.
 */
@Tag(name = "Vendor callbacks")
@Controller(produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
public class JobCallbackController {

    /** Notification bodies carry file lists; anything much larger is not one. */
    static final int MAX_BODY = 256 * 1024;

    private final CallbackInbox inbox;

    public JobCallbackController(CallbackInbox inbox) {
        this.inbox = inbox;
    }

    /** Agora and Tencent read only the status; {@code code} 0 is what Tencent's documentation recommends. */
    @Serdeable
    public record NotificationAnswer(int code, String message, String outcome) {
    }

    /** The answer ARTC cloud recording expects, exactly. */
    @Serdeable
    public record AliyunAnswer(@JsonProperty("Code") int code, @JsonProperty("Msg") String msg) {
    }

    @Operation(summary = "Agora notifications (NCS), signed with Agora-Signature-V2")
    @Post(uri = "/callbacks/agora", consumes = MediaType.ALL)
    public NotificationAnswer agora(HttpRequest<?> request, @Body @Nullable String body) {
        return new NotificationAnswer(0, "ok", receive(Vendor.AGORA, request, body));
    }

    @Operation(summary = "Tencent TRTC callbacks, signed with Sign and SdkAppId")
    @Post(uri = "/callbacks/tencent", consumes = MediaType.ALL)
    public NotificationAnswer tencent(HttpRequest<?> request, @Body @Nullable String body) {
        return new NotificationAnswer(0, "ok", receive(Vendor.TENCENT, request, body));
    }

    @Operation(summary = "Aliyun ARTC cloud recording callbacks, signed with ALI-LIVE-TIMESTAMP and ALI-LIVE-SIGNATURE")
    @Post(uri = "/callbacks/aliyun/recording", consumes = MediaType.ALL)
    public AliyunAnswer aliyun(HttpRequest<?> request, @Body @Nullable String body) {
        receive(Vendor.ALIYUN, request, body);
        return new AliyunAnswer(0, "Success");
    }

    private String receive(Vendor vendor, HttpRequest<?> request, String body) {
        CallbackRequest callback = CallbackRequests.of(request, body == null ? "" : body, MAX_BODY);
        return CallbackRequests.outcomeOf(inbox.receive(vendor, JobCallbackHandler.kindOf(vendor), callback));
    }
}
