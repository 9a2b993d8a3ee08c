package io.rtcgate.emulator.aliyun;

import io.rtcgate.emulator.Digests;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Aliyun OpenAPI RPC signature v1 (HMAC-SHA1), as {@code aliyun-java-sdk-core} computes it
 * (vendors.md §3.1).
 */
public final class AliyunRpcSignature {

    /** The parameter that carries the signature; it is never part of what is signed. */
    public static final String SIGNATURE = "Signature";

    private AliyunRpcSignature() {
    }

    /**
     * {@code METHOD&%2F&percentEncode(canonicalized query)} over every parameter but {@code Signature},
     * sorted by key.
     */
    public static String stringToSign(String httpMethod, Map<String, String> parameters) {
        String canonicalized = new TreeMap<>(parameters).entrySet().stream()
                .filter(entry -> !entry.getKey().equals(SIGNATURE))
                .map(entry -> percentEncode(entry.getKey()) + "=" + percentEncode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return httpMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalized);
    }

    /** {@code Base64(HMAC-SHA1(secret + "&", stringToSign))} */
    public static String sign(String stringToSign, String accessKeySecret) {
        byte[] key = (accessKeySecret + "&").getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(Digests.hmacSha1(key, stringToSign));
    }

    /** RFC 3986 encoding: {@link URLEncoder} with {@code +}, {@code *} and {@code %7E} corrected. */
    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
