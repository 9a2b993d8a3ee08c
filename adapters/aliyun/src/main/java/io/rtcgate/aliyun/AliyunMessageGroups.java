package io.rtcgate.aliyun;

import com.aliyuncs.live.model.v20161101.CreateLiveMessageGroupRequest;
import com.aliyuncs.live.model.v20161101.CreateLiveMessageGroupResponse;
import com.aliyuncs.live.model.v20161101.DeleteLiveMessageGroupRequest;
import io.rtcgate.domain.messaging.MessageGroups;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import java.util.regex.Pattern;

/**
 * A room's group in Aliyun's new interactive messaging, through the live OpenAPI actions
 * {@code CreateLiveMessageGroup} ({@code AppId}, {@code GroupId}, {@code CreatorId}) and
 * {@code DeleteLiveMessageGroup} ({@code AppId}, {@code GroupId}), RPC-signed like every live call.
 */
public final class AliyunMessageGroups implements MessageGroups {

    /** Aliyun messaging group ids: 1 to 64 letters and digits. */
    private static final Pattern GROUP_ID = Pattern.compile("[0-9A-Za-z]{1,64}");
    private static final String NOT_FOUND = "ResourceNotExist";

    private final AliyunImSettings im;
    private final AliyunLiveClient client;

    AliyunMessageGroups(AliyunImSettings im, AliyunLiveClient client) {
        this.im = im;
        this.client = client;
    }

    @Override
    public Vendor vendor() {
        return Vendor.ALIYUN;
    }

    @Override
    public String create(String groupId, String creatorId) {
        requireGroupId(groupId, "create message group");
        CreateLiveMessageGroupRequest create = new CreateLiveMessageGroupRequest();
        create.setAppId(im.appId());
        create.setGroupId(groupId);
        create.setCreatorId(creatorId);
        CreateLiveMessageGroupResponse created = client.call("create message group", create);
        if (Boolean.TRUE.equals(created.getAlreadyDelete())) {
            throw new VendorException(Vendor.ALIYUN, "create message group", VendorException.Kind.REJECTED, "AlreadyDelete",
                    "group " + groupId + " was deleted before and cannot be created again (RequestId " + created.getRequestId() + ")");
        }
        String id = created.getGroupId();
        if (id == null || id.isEmpty()) {
            throw new VendorException(Vendor.ALIYUN, "create message group", VendorException.Kind.SERVER_ERROR, null,
                    "CreateLiveMessageGroup answered without a GroupId (RequestId " + created.getRequestId() + ")");
        }
        return id;
    }

    @Override
    public void delete(String groupId) {
        requireGroupId(groupId, "delete message group");
        DeleteLiveMessageGroupRequest delete = new DeleteLiveMessageGroupRequest();
        delete.setAppId(im.appId());
        delete.setGroupId(groupId);
        try {
            client.call("delete message group", delete);
        } catch (VendorException e) {
            // gone already (an earlier attempt succeeded, or someone deleted it): what a delete wants
            if (!NOT_FOUND.equals(e.vendorCode())) {
                throw e;
            }
        }
    }

    private static void requireGroupId(String groupId, String operation) {
        if (groupId == null || !GROUP_ID.matcher(groupId).matches()) {
            throw new VendorException(Vendor.ALIYUN, operation, VendorException.Kind.REJECTED, "InputInvalid",
                    "not sent: messaging group ids are 1-64 letters and digits");
        }
    }
}
