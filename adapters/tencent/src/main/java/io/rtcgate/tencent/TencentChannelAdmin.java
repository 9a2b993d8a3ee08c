package io.rtcgate.tencent;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.trtc.v20190722.TrtcClient;
import com.tencentcloudapi.trtc.v20190722.models.DismissRoomByStrRoomIdRequest;
import com.tencentcloudapi.trtc.v20190722.models.RemoveUserByStrRoomIdRequest;
import io.rtcgate.domain.vendor.ChannelAdmin;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Controls TRTC string-id rooms over API 3.0 through Tencent's SDK. TRTC's API 3.0 has no call that
 * lists the users in a room, so Tencent offers no participant list. Failures come out as
 * {@link VendorException}s whose kind tells transport, timeout, server error and throttling (which
 * count against Tencent's health) from refusals.
 */
public final class TencentChannelAdmin implements ChannelAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TencentChannelAdmin.class);

    private final long sdkAppId;
    private final TrtcClient client;

    TencentChannelAdmin(TencentSettings settings, TrtcClient client) {
        this.sdkAppId = settings.sdkAppId();
        this.client = client;
    }

    /**
     * Removes the user from the room ({@code RemoveUserByStrRoomId}). TRTC has no ban, so
     * {@code duration} cannot be enforced by TRTC: a removed user can enter again at once with any UserSig
     * still valid. The gateway does not keep bans of its own yet; the README says so.
     */
    @Override
    public void kick(ChannelRef channel, String userId, Duration duration) {
        RemoveUserByStrRoomIdRequest request = new RemoveUserByStrRoomIdRequest();
        request.setSdkAppId(sdkAppId);
        request.setRoomId(channel.channel());
        request.setUserIds(new String[] {userId});
        call("kick", channel, () -> client.RemoveUserByStrRoomId(request));
    }

    /** Ends the room for everyone ({@code DismissRoomByStrRoomId}). */
    @Override
    public void close(ChannelRef channel) {
        DismissRoomByStrRoomIdRequest request = new DismissRoomByStrRoomIdRequest();
        request.setSdkAppId(sdkAppId);
        request.setRoomId(channel.channel());
        call("close", channel, () -> client.DismissRoomByStrRoomId(request));
    }

    @Override
    public Vendor vendor() {
        return Vendor.TENCENT;
    }

    private static void call(String operation, ChannelRef channel, TrtcCall call) {
        try {
            call.run();
            LOG.debug("tencent {} on room {} done", operation, channel.channel());
        } catch (TencentCloudSDKException e) {
            VendorException failure = TencentFailures.toVendorException(operation, e);
            LOG.debug("tencent {} on room {}: {} ({})", operation, channel.channel(), failure.getMessage(), failure.kind());
            throw failure;
        }
    }

    /** One SDK call; the SDK declares its only exception as checked. */
    @FunctionalInterface
    private interface TrtcCall {
        void run() throws TencentCloudSDKException;
    }
}
