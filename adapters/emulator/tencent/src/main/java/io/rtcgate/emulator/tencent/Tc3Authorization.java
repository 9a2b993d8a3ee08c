package io.rtcgate.emulator.tencent;

import io.rtcgate.emulator.tencent.Tc3Signature.CredentialScope;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code Authorization: TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request,
 * SignedHeaders=<names>, Signature=<hex>} header.
 */
record Tc3Authorization(String secretId, CredentialScope scope, String signedHeaders, String signature) {

    /** Empty when the header does not have the TC3 shape. */
    static Optional<Tc3Authorization> parse(String header) {
        String prefix = Tc3Signature.ALGORITHM + " ";
        if (!header.startsWith(prefix)) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : header.substring(prefix.length()).split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                return Optional.empty();
            }
            fields.put(pair[0], pair[1]);
        }
        String credential = fields.get("Credential");
        String signedHeaders = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            return Optional.empty();
        }
        // The service may be "127" or "localhost:18080" (the SDK takes it from the endpoint), never a '/'.
        String[] scope = credential.split("/", -1);
        if (scope.length != 4 || !CredentialScope.TERMINATOR.equals(scope[3])) {
            return Optional.empty();
        }
        return Optional.of(new Tc3Authorization(scope[0], new CredentialScope(scope[1], scope[2]), signedHeaders, signature));
    }
}
