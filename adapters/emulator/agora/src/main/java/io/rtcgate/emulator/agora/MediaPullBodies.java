package io.rtcgate.emulator.agora;

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
}
