package io.rtcgate.domain.messaging;

import io.rtcgate.domain.vendor.VendorPort;

/**
 * Port: the vendor's messaging groups, one per room, that the room's clients join to chat. Calls the
 * vendor's cloud.
 */
public interface MessageGroups extends VendorPort {

    /** Creates the group and returns its id as the vendor knows it. */
    String create(String groupId, String creatorId);

    /** Deletes the group; deleting one that no longer exists succeeds. */
    void delete(String groupId);
}
