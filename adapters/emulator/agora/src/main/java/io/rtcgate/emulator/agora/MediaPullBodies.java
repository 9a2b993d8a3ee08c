package io.rtcgate.emulator.agora;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The bodies the emulated Media Pull API answers with, fields in the order of Agora's reference
 * (docs-portal {@code content/docs/en/api-reference/api-ref/media-pull/index.md}). Delete and Update answer
 * 2xx with an empty body.
 */
final class MediaPullBodies {

    /** The {@code fields} mask of a create answer, as Agora's example spells it. */
    static final String CREATED_FIELDS = "player.uid,player.id,player.createTs,player.status";
    /** The {@code fields} mask of a list answer. */
    static final String LISTED_FIELDS =
            "player.name,player.streamUrl,player.channelName,player.uid,player.id,player.createTs,player.status";

    private MediaPullBodies() {
    }

    /** Create: {@code {"player":{"uid","id","createTs","status"},"fields":"..."}}. */
    record Created(CreatedPlayer player, String fields) {

        Created(CreatedPlayer player) {
            this(player, CREATED_FIELDS);
        }
    }

    /** {@code status}: {@code idle} (waiting for its {@code playTs}), {@code connecting}, {@code running} or {@code failed}. */
    record CreatedPlayer(long uid, String id, long createTs, String status) {
    }

    /** List: {@code {"totalSize","players":[...],"fields","nextPageToken"}}; {@code nextPageToken} is {@code ""} on the last page. */
    record PlayerList(int totalSize, List<ListedPlayer> players, String fields, String nextPageToken) {
    }

    /** One listed player; {@code name} is {@code null} for a player created without one. */
    record ListedPlayer(String name, String streamUrl, String channelName, long uid, String id, long createTs, String status) {
    }

    // ---- notifications (productId 4), as doc.shengwang.cn/doc/media-pull/restful/webhook/ncs-events shows them ----

    /** The {@code fields} mask of a Player Destroyed notice, as the reference's example spells it. */
    static final String DESTROYED_FIELDS = "player.name,player.channelName,player.id";
    /** The {@code fields} mask of a Player Status Changed notice. */
    static final String STATUS_CHANGED_FIELDS = "player.name,player.channelName,player.id,player.status";

    /** 1 Player Created: {@code {"player":{...},"lts","xRequestId"}}, {@code lts} the event's time in ms. */
    record CreatedNotice(CreatedNoticePlayer player, long lts, String xRequestId) {
    }

    /**
     * The created player, with the status {@code connecting}; {@code playTs} and {@code createTs} in seconds. The
     * reference's example shows a ten-character {@code token}, and so does the emulator: the token's first ten
     * characters, never the credential itself. A player created without a name is sent without one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreatedNoticePlayer(String channelName, long playTs, long createTs, String id, int idleTimeout, String name,
                               String streamUrl, String token, long uid, String status) {
    }

    /**
     * 3 Player Destroyed: why in {@code destroyReason}, one of {@code "Delete Request"} (a Delete), {@code "Internal
     * Error"} (a channel error, such as an invalid or expired token) and {@code "Idle Timeout"} (nothing played for
     * {@code idleTimeout}).
     */
    record DestroyedNotice(DestroyedNoticePlayer player, long lts, String destroyReason, String fields) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DestroyedNoticePlayer(String channelName, String id, String name, long playTs) {
    }

    /** 4 Player Status Changed: {@code status} is {@code connecting}, {@code running} or {@code failed}. */
    record StatusChangedNotice(StatusChangedNoticePlayer player, long lts, String fields) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusChangedNoticePlayer(String channelName, String id, String name, String status) {
    }
}
