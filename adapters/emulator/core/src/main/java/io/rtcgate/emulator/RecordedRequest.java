package io.rtcgate.emulator;

import java.util.List;
import java.util.Map;

/** A request an emulator received, for tests to check what reached the vendor. */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
                              String action, int status) {

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst()
                .orElse(null);
    }
}
