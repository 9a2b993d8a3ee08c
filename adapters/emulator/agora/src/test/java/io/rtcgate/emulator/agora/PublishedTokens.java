package io.rtcgate.emulator.agora;

/** The AccessToken2 test vectors Agora publishes (vendors.md §1.1.5): issueTs 1111111, salt 1, expire 600. */
final class PublishedTokens {

    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String APP_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";
    static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
    static final long UID = 2882341273L;
    static final long ISSUE_TS = 1111111;
    static final long EXPIRE = 600;

    /** RTC for uid 2882341273, join only. */
    static final String RTC_JOIN = "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj";
    /** RTC for uid 0 (any uid), join only. */
    static final String RTC_ANY_UID_JOIN = "007eJxTYLhzZP08Lxa1Pg57+TcXb/3cZ3wi4V6kbpbOog0G2dOYk20UGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiQwMADacImo=";
    /** RTM for "test_user". */
    static final String RTM = "007eJxTYOCdJftjyTM2zxW6Xhm/5T0j5LdcUt/xYVt48fb5Mp3PX9coMFiaGzg7GpumpJoZJJuYmJmYJiUlplokGhmaGpgZJhkbu38RYIhgYmBgZABhJiBmBPM5GUpSi0viS4tTiwBZVh6A";
    /** RTC for uid 2882341273 with privileges 1-4, RTM for "test_user", Chat user "2882341273". */
    static final String RTC_PUBLISH_RTM_CHAT = "007eJxTYPg19dsX8xO2Nys/bpSeoH/0j9CvSs1JWib9291PKC53l85UYLA0N3B2NDZNSTUzSDYxMTMxTUpKTLVINDI0NTAzTDI2dv8iwBDBxMDAyMDAwAwkWYAYxGcCk8xgkgVMKjCYp5gbGZuZpiZZWhibWJgaW5qnGqcap1mmmJgZJKWkJHIxGFlYGBmbGBqZGzMBzYGYxMlQklpcEl9anFrEChdEVgoAw6ct/Q==";
    /** Chat user token for "2882341273". */
    static final String CHAT_USER = "007eJxTYNAIsnbS3v/A5t2TC6feR15r+6cq8bqAvfaW+tk/Vzz+p6xTYLA0N3B2NDZNSTUzSDYxMTMxTUpKTLVINDI0NTAzTDI2dv8iwBDBxMDAyADCrEDMCOZzMRhZWBgZmxgamRsDAB+lHrg=";
    /** Chat app token. */
    static final String CHAT_APP = "007eJxTYNDNaz3snC8huEfHWdz6s98qltq4zqy9fl99Uh0FDvy6F6DAYGlu4OxobJqSamaQbGJiZmKalJSYapFoZGhqYGaYZGzs/kWAIYKJgYGRAYRZgZgJzGdgAACt8hhr";

    private PublishedTokens() {
    }
}
