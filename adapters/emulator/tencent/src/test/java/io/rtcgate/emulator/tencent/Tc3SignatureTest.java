package io.rtcgate.emulator.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rtcgate.emulator.Digests;
import io.rtcgate.emulator.tencent.Tc3Signature.CredentialScope;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The worked "Signature v3" example of vendors.md §2.1, reproduced byte for byte. */
class Tc3SignatureTest {

    private static final long TIMESTAMP = 1551113065L;
    /** Python {@code json.dumps} output: ASCII escapes, a space after ':' and ','. */
    private static final byte[] PAYLOAD = ("{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], "
            + "\"Name\": \"instance-name\"}]}").getBytes(StandardCharsets.UTF_8);
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final String HOST = "cvm.tencentcloudapi.com";
    private static final CredentialScope SCOPE = CredentialScope.at(TIMESTAMP, "cvm");

    @Test
    void hashesThePayload() {
        assertEquals("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064", Digests.sha256Hex(PAYLOAD));
    }

    @Test
    void hashesTheCanonicalRequest() {
        assertEquals("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
                Digests.sha256Hex(canonicalRequest()));
    }

    @Test
    void derivesTheScopeDateInUtc() {
        assertEquals("2019-02-25/cvm/tc3_request", SCOPE.toString());
    }

    @Test
    void signsWithTheMaskedKeyAsPublished() {
        assertEquals("2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
                Tc3Signature.signature("Gu5t9xGARNpq86cd98joQYCN3*******", SCOPE, stringToSign()));
    }

    @Test
    void signsWithTheExampleKey() {
        assertEquals("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
                Tc3Signature.signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", SCOPE, stringToSign()));
    }

    @Test
    void buildsTheAuthorizationHeader() {
        assertEquals("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
                        + "SignedHeaders=content-type;host, "
                        + "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
                Tc3Signature.sign("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", TIMESTAMP,
                        "cvm", CONTENT_TYPE, HOST, PAYLOAD));
    }

    private static String canonicalRequest() {
        return Tc3Signature.canonicalRequest("POST", CONTENT_TYPE, HOST, PAYLOAD);
    }

    private static String stringToSign() {
        return Tc3Signature.stringToSign(TIMESTAMP, SCOPE, canonicalRequest());
    }
}
