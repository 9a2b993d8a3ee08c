package io.rtcgate.emulator.aliyun;

import com.sun.net.httpserver.HttpExchange;
import io.rtcgate.emulator.QueryString;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An OpenAPI RPC call as received: its HTTP method and every parameter from the query string and, for
 * form posts, the body (the signature covers both). A parameter given twice keeps its first value, and
 * one in the query string wins over the body.
 */
final class RpcRequest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final String method;
    private final Map<String, String> parameters;

    RpcRequest(String method, Map<String, String> parameters) {
        this.method = method;
        this.parameters = Map.copyOf(parameters);
    }

    static RpcRequest from(HttpExchange exchange, String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        addEncoded(exchange.getRequestURI().getRawQuery(), parameters);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith(FORM)) {
            addEncoded(body, parameters);
        }
        return new RpcRequest(exchange.getRequestMethod(), parameters);
    }

    String method() {
        return method;
    }

    Map<String, String> parameters() {
        return parameters;
    }

    /** The parameter's value; absent or empty → {@code Missing<name>}. */
    String required(String name) {
        return optional(name).orElseThrow(() -> AliyunApiError.missing(name));
    }

    /** The parameter's value when given and not empty. */
    Optional<String> optional(String name) {
        return Optional.ofNullable(parameters.get(name)).filter(value -> !value.isEmpty());
    }

    /** Checks that the required parameter equals {@code expected}; otherwise {@code Invalid<name>.Malformed}. */
    void requireEqualTo(String name, String expected) {
        if (!required(name).equals(expected)) {
            throw AliyunApiError.malformed(name);
        }
    }

    private static void addEncoded(String encoded, Map<String, String> into) {
        try {
            QueryString.parse(encoded).forEach(into::putIfAbsent);
        } catch (IllegalArgumentException e) {
            throw new AliyunApiError(400, "InvalidParameter.Malformed", "The request contains malformed percent-encoding.");
        }
    }
}
