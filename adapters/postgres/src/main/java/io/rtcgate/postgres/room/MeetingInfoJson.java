package io.rtcgate.postgres.room;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The {@code meeting_info} column: the AUI AppServer's JSON document {@code {"members":[...]}}, kept in
 * its format so an AUI database can be read as it is.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record MeetingInfoJson(@Nullable List<Member> members) {

    @Serdeable
    record Member(
            @JsonProperty("user_id") String userId,
            @Nullable @JsonProperty("user_nick") String userNick,
            @Nullable @JsonProperty("user_avatar") String userAvatar,
            @JsonProperty("mic_opened") boolean micOpened,
            @JsonProperty("camera_opened") boolean cameraOpened,
            @Nullable @JsonProperty("rtc_pull_url") String rtcPullUrl) {
    }
}
