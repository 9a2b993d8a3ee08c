package io.rtcgate.emulator.aliyun;

import java.util.Map;

/**
 * One try of one mix callback (MixAvailable or MixResult): the parameters the fake meant to send, the request
 * target as it went on the wire (the query as written, raw characters and all), the headers, which try it was
 * and the receiver's status (0: no answer in time or no connection).
 */
public record MixCallbackAttempt(Map<String, String> parameters, String requestTarget, Map<String, String> headers,
                                 int attempt, int status) {

    public MixCallbackAttempt {
        parameters = Map.copyOf(parameters);
        headers = Map.copyOf(headers);
    }

    public String event() {
        return parameters.get("Event");
    }
}
