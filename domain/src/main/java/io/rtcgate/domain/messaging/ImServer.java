package io.rtcgate.domain.messaging;

import io.rtcgate.domain.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The messaging (IM) services an AUI client may ask for in {@code im_server}: Aliyun's new interactive
 * messaging ({@code aliyun_new}), and the old one ({@code aliyun_old}), whose credentials are the
 * gateway's own device token pair.
 */
public enum ImServer {
    ALIYUN_NEW("aliyun_new"),
    ALIYUN_OLD("aliyun_old");

    private final String wireName;

    ImServer(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * The services named in {@code field}: a non-empty list of known names, else an input error on
     * {@code field}.
     */
    public static Set<ImServer> parseAll(List<String> names, String field) {
        if (names == null || names.isEmpty()) {
            throw new InvalidInputException(field, field + " is required: a non-empty list of " + choices());
        }
        Set<ImServer> servers = EnumSet.noneOf(ImServer.class);
        for (String name : names) {
            servers.add(Arrays.stream(values()).filter(server -> server.wireName.equals(name)).findFirst()
                    .orElseThrow(() -> new InvalidInputException(field, field + " may only name " + choices())));
        }
        return servers;
    }

    private static String choices() {
        return Arrays.stream(values()).map(ImServer::wireName).collect(Collectors.joining(" and "));
    }
}
