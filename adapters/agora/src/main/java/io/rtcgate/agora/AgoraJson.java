package io.rtcgate.agora;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/**
 * Agora's REST bodies as records, and the one mapper that reads and writes them. Reading is strict about
 * types (a uid must be a JSON number, a list a JSON array), since a wrongly typed answer means Agora's
 * API changed under us; fields the records do not name are ignored, so Agora may add new ones.
 */
final class AgoraJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private AgoraJson() {
    }

    /** The body of {@code POST /dev/v1/kicking-rule} (vendors.md §1.4); {@code uid} absent bans the whole channel. */
    record KickingRuleRequest(String appid, String cname, Long uid,
                              @JsonProperty("time_in_seconds") long timeInSeconds,
                              List<String> privileges) {
    }

    /** The answer of {@code GET /dev/v1/channel/user/{appid}/{cname}}. */
    record UserListAnswer(Boolean success, UserListData data) {
    }

    /** Communication channels list {@code users}; live broadcasting ones {@code broadcasters} and {@code audience}. */
    record UserListData(
            @JsonProperty("channel_exist") Boolean channelExist,
            Integer mode,
            List<Long> users,
            List<Long> broadcasters,
            List<Long> audience) {
    }
}
