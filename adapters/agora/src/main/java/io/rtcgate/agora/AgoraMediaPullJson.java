package io.rtcgate.agora;

import java.util.List;

/**
 * Media Pull's (cloud player) REST bodies as records (docs-portal
 * {@code content/docs/en/api-reference/api-ref/media-pull/index.md}), read and written with
 * {@link AgoraJson#MAPPER}, which leaves {@code null} components out. A record holding the player's token
 * says so in its {@code toString}, never the token.
 */
final class AgoraMediaPullJson {

    private AgoraMediaPullJson() {
    }

    /** {@code POST /{region}/v1/projects/{appId}/cloud-player/players}: {@code {"player": {...}}}. */
    record CreateRequest(PlayerConfig player) {
    }

    /**
     * The player to create: the source ({@code streamUrl}), the channel and the robot's numeric {@code uid} with
     * its publishing {@code token}, {@code idleTimeout} (5 to 600 s), a {@code name} unique in the project (a
     * duplicate is 409 naming the holder), and for a file {@code repeatTime} (-1 for ever, or 1 and more) and
     * {@code seekPosition} (whole seconds, below the file's length). Live sources carry neither.
     */
    record PlayerConfig(String streamUrl, String channelName, long uid, String token, int idleTimeout, String name,
                        Integer repeatTime, Long seekPosition) {

        @Override
        public String toString() {
            return "PlayerConfig[streamUrl=" + streamUrl + ", channelName=" + channelName + ", uid=" + uid + ", token hidden"
                    + ", idleTimeout=" + idleTimeout + ", name=" + name + ", repeatTime=" + repeatTime + ", seekPosition="
                    + seekPosition + "]";
        }
    }

    /** Create's answer: {@code {"player":{"uid","id","createTs","status"},"fields":"..."}}. */
    record CreateAnswer(CreatedPlayer player, String fields) {
    }

    record CreatedPlayer(Long uid, String account, String id, Long createTs, String status) {
    }

    /** {@code PATCH .../cloud-player/players/{id}?sequence={n}}: {@code {"player": {...}}} with only what changes. */
    record UpdateRequest(PlayerChange player) {
    }

    /** {@code isPause} pauses or resumes the file; {@code audioOptions.volume} is 0 to 200, 100 the source's own level. */
    record PlayerChange(Boolean isPause, AudioOptions audioOptions) {
    }

    record AudioOptions(Integer volume) {
    }

    /** List's answer ({@code GET /v1/projects/{appId}/cloud-player/players}); {@code nextPageToken} is empty on the last page. */
    record ListAnswer(Integer totalSize, List<ListedPlayer> players, String fields, String nextPageToken) {
    }

    /** A listed player; Agora warns that a list may carry only {@code id}, {@code name} and {@code createTs}. */
    record ListedPlayer(String name, String streamUrl, String channelName, Long uid, String account, String id, Long createTs,
                        String status) {
    }
}
