package io.rtcgate.emulator.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature code the emulator checks requests with, against vendors.md §3.1. */
class AliyunRpcSignatureTest {

    /** The documented worked example, [VERIFIED] in vendors.md §3.1. */
    @Test
    void reproducesTheDocumentedWorkedExampleByteForByte() {
        Map<String, String> parameters = Map.of(
                "AccessKeyId", "testid",
                "Action", "DescribeRegions",
                "Format", "XML",
                "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                "SignatureVersion", "1.0",
                "Timestamp", "2016-02-23T12:46:24Z",
                "Version", "2014-05-26");

        String stringToSign = AliyunRpcSignature.stringToSign("GET", parameters);

        assertEquals("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26", stringToSign);
        assertEquals("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", AliyunRpcSignature.sign(stringToSign, "testsecret"));
    }

    @Test
    void theSignatureParameterItselfIsNeverSigned() {
        Map<String, String> parameters = Map.of("Action", "ForbidLiveStream", "Signature", "anything");

        assertEquals("POST&%2F&Action%3DForbidLiveStream", AliyunRpcSignature.stringToSign("POST", parameters));
    }

    @Test
    void percentEncodesTheRfc3986Way() {
        assertEquals("a%20b%2Ac~d-e_f.g", AliyunRpcSignature.percentEncode("a b*c~d-e_f.g"));
        assertEquals("%2F%3A%3D%26%2B", AliyunRpcSignature.percentEncode("/:=&+"));
        assertEquals("%E4%B8%AD", AliyunRpcSignature.percentEncode("中"));
    }
}
