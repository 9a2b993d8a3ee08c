package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code rtcgate.recording.*}: the recordings' reconciler. */
@ConfigurationProperties("rtcgate.recording")
public class RecordingProperties extends JobProperties {
}
