package io.rtcgate.emulator.aliyun;

/** A live stream as the OpenAPI names it: ingest domain, application and stream name. */
public record LiveStreamRef(String domainName, String appName, String streamName) {
}
