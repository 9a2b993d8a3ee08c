package io.rtcgate.domain.messaging;

import io.rtcgate.domain.session.DeviceTokens;
import java.util.Optional;

/** The credentials for each messaging service a client asked for; absent for those it did not. */
public record MessagingCredentials(Optional<MessagingToken> aliyunNew, Optional<DeviceTokens> aliyunOld) {
}
