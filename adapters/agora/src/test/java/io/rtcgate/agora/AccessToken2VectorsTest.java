package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agora.media.AccessToken2;
import io.rtcgate.domain.vendor.ParticipantRole;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The six AccessToken2 vectors Agora publishes (vendors.md §1.1.5), byte for byte. The RTC vectors go
 * through the issuer's own token building; RTM and Chat services, which the gateway does not issue, are
 * added with the library directly.
 */
class AccessToken2VectorsTest {

    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String APP_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";
    private static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
    private static final long UID = 2882341273L;
    private static final int ISSUE_TS = 1111111;
    private static final int SALT = 1;
    private static final int EXPIRE = 600;

    private final AgoraTokenIssuer issuer = new AgoraTokenIssuer(
            new AgoraSettings(APP_ID, APP_CERTIFICATE, "key", "secret", AgoraSettings.DEFAULT_BASE_URL, Duration.ofSeconds(5)),
            new InMemoryNumericUidRegistry(1), Clock.systemUTC());

    @Test
    void rtcJoinOnlyForANumericUid() {
        assertEquals("007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj",
                issuer.buildToken(CHANNEL, UID, ParticipantRole.AUDIENCE, EXPIRE, ISSUE_TS, SALT));
    }

    @Test
    void rtcJoinOnlyForUidZero() {
        assertEquals("007eJxTYLhzZP08Lxa1Pg57+TcXb/3cZ3wi4V6kbpbOog0G2dOYk20UGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiQwMADacImo=",
                issuer.buildToken(CHANNEL, 0, ParticipantRole.AUDIENCE, EXPIRE, ISSUE_TS, SALT));
    }

    @Test
    void rtm() throws Exception {
        AccessToken2 token = token();
        AccessToken2.ServiceRtm rtm = new AccessToken2.ServiceRtm("test_user");
        rtm.addPrivilegeRtm(AccessToken2.PrivilegeRtm.PRIVILEGE_LOGIN, EXPIRE);
        token.addService(rtm);

        assertEquals("007eJxTYOCdJftjyTM2zxW6Xhm/5T0j5LdcUt/xYVt48fb5Mp3PX9coMFiaGzg7GpumpJoZJJuYmJmYJiUlplokGhmaGpgZJhkbu38RYIhgYmBgZABhJiBmBPM5GUpSi0viS4tTiwBZVh6A",
                token.build());
    }

    @Test
    void rtcWithEveryPublishPrivilegePlusRtmAndChat() throws Exception {
        AccessToken2 token = token();
        token.addService(AgoraTokenIssuer.rtcService(CHANNEL, UID, ParticipantRole.HOST, EXPIRE));
        AccessToken2.ServiceRtm rtm = new AccessToken2.ServiceRtm("test_user");
        rtm.addPrivilegeRtm(AccessToken2.PrivilegeRtm.PRIVILEGE_LOGIN, EXPIRE);
        token.addService(rtm);
        token.addService(chat("2882341273", AccessToken2.PrivilegeChat.PRIVILEGE_CHAT_USER));

        assertEquals("007eJxTYPg19dsX8xO2Nys/bpSeoH/0j9CvSs1JWib9291PKC53l85UYLA0N3B2NDZNSTUzSDYxMTMxTUpKTLVINDI0NTAzTDI2dv8iwBDBxMDAyMDAwAwkWYAYxGcCk8xgkgVMKjCYp5gbGZuZpiZZWhibWJgaW5qnGqcap1mmmJgZJKWkJHIxGFlYGBmbGBqZGzMBzYGYxMlQklpcEl9anFrEChdEVgoAw6ct/Q==",
                token.build());
    }

    @Test
    void chatUser() throws Exception {
        AccessToken2 token = token();
        token.addService(chat("2882341273", AccessToken2.PrivilegeChat.PRIVILEGE_CHAT_USER));

        assertEquals("007eJxTYNAIsnbS3v/A5t2TC6feR15r+6cq8bqAvfaW+tk/Vzz+p6xTYLA0N3B2NDZNSTUzSDYxMTMxTUpKTLVINDI0NTAzTDI2dv8iwBDBxMDAyADCrEDMCOZzMRhZWBgZmxgamRsDAB+lHrg=",
                token.build());
    }

    @Test
    void chatApp() throws Exception {
        AccessToken2 token = token();
        token.addService(chat("", AccessToken2.PrivilegeChat.PRIVILEGE_CHAT_APP));

        assertEquals("007eJxTYNDNaz3snC8huEfHWdz6s98qltq4zqy9fl99Uh0FDvy6F6DAYGlu4OxobJqSamaQbGJiZmKalJSYapFoZGhqYGaYZGzs/kWAIYKJgYGRAYRZgZgJzGdgAACt8hhr",
                token.build());
    }

    private static AccessToken2 token() {
        AccessToken2 token = new AccessToken2(APP_ID, APP_CERTIFICATE, EXPIRE);
        token.issueTs = ISSUE_TS;
        token.salt = SALT;
        return token;
    }

    private static AccessToken2.ServiceChat chat(String userId, AccessToken2.PrivilegeChat privilege) {
        AccessToken2.ServiceChat chat = new AccessToken2.ServiceChat(userId);
        chat.addPrivilegeChat(privilege, EXPIRE);
        return chat;
    }
}
