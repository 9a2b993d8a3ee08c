package io.rtcgate.emulator.agora;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The bodies the fake Agora REST API answers with, each a record whose components are the fields in
 * the order of Agora's documentation (vendors.md §1.4).
 */
final class AgoraBodies {

    private static final String SUCCESS = "success";

    private AgoraBodies() {
    }

    /** {@code {"message": ...}}, the body of every answer other than 200. */
    record Message(String message) {
    }

    /** Create and delete: {@code {"status":"success","id":1953}}. */
    record RuleId(String status, long id) {

        RuleId(long id) {
            this(SUCCESS, id);
        }
    }

    /** List: {@code {"status":"success","rules":[...]}}. */
    record RuleList(String status, List<Rule> rules) {

        RuleList(List<Rule> rules) {
            this(SUCCESS, rules);
        }
    }

    /**
     * One rule of the list: {@code uid}, {@code cname} and {@code ip} are {@code null} when the rule does
     * not name them. Agora names the operation behind a rule {@code opid}; the emulator has one
     * operation per rule.
     */
    record Rule(long id, String appid, Long uid, long opid, String cname, String ip, String ts, String createAt,
                String updateAt) {
    }

    /** Update: {@code {"status":"success","result":{"id":1953,"ts":"2018-01-09T08:45:54.545Z"}}}. */
    record Updated(String status, Result result) {

        Updated(long id, String ts) {
            this(SUCCESS, new Result(id, ts));
        }

        record Result(long id, String ts) {
        }
    }

    /** The user list: {@code {"success":true,"data":{...}}}. */
    record UserList(boolean success, Data data) {

        UserList(Data data) {
            this(true, data);
        }

        /**
         * {@code {"channel_exist":false}} for a channel nobody is in; a communication channel adds
         * {@code mode 1, total, users}, a live one {@code mode 2, broadcasters} and, unless only hosts
         * were asked for, {@code audience, audience_total}.
         */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Data(@JsonProperty("channel_exist") boolean channelExist, Integer mode, Integer total, List<Long> users,
                    List<Long> broadcasters, List<Long> audience, @JsonProperty("audience_total") Integer audienceTotal) {

            static Data noChannel() {
                return new Data(false, null, null, null, null, null, null);
            }

            static Data communication(List<Long> users) {
                return new Data(true, ChannelProfile.COMMUNICATION.mode(), users.size(), users, null, null, null);
            }

            static Data liveHosts(List<Long> broadcasters) {
                return new Data(true, ChannelProfile.LIVE_BROADCASTING.mode(), null, null, broadcasters, null, null);
            }

            static Data live(List<Long> broadcasters, List<Long> audience, int audienceTotal) {
                return new Data(true, ChannelProfile.LIVE_BROADCASTING.mode(), null, null, broadcasters, audience,
                        audienceTotal);
            }
        }
    }
}
