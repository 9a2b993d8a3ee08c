package io.rtcgate.postgres.cohost;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rtcgate.domain.room.MeetingMember;
import java.time.Instant;

/**
 * One member in the {@code members} column: the AUI AppServer's member fields (so the JSON of an AUI
 * {@code meeting_info} document's members reads as it is) and when they took their seat. Members moved from an
 * AUI database have no {@code joined_at}; they read as seated at the session's last change.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record MemberJson(
        @JsonProperty("user_id") String userId,
        @Nullable @JsonProperty("user_nick") String userNick,
        @Nullable @JsonProperty("user_avatar") String userAvatar,
        @JsonProperty("mic_opened") boolean micOpened,
        @JsonProperty("camera_opened") boolean cameraOpened,
        @Nullable @JsonProperty("rtc_pull_url") String rtcPullUrl,
        @Nullable @JsonProperty("joined_at") Instant joinedAt) {

    static MemberJson of(MeetingMember member) {
        return new MemberJson(member.userId(), member.userNick(), member.userAvatar(), member.micOpened(),
                member.cameraOpened(), member.rtcPullUrl(), member.joinedAt());
    }

    MeetingMember toMember(Instant seatedUnlessKnown) {
        return new MeetingMember(userId, userNick, userAvatar, micOpened, cameraOpened, rtcPullUrl,
                joinedAt != null ? joinedAt : seatedUnlessKnown);
    }
}
