package io.rtcgate.domain.session;

import io.rtcgate.domain.Validation;

/** A user's client device, to which realtime credentials are scoped. */
public record Device(String userId, String deviceId, DeviceType type) {

    public Device {
        Validation.required(userId, "user_id");
        Validation.required(deviceId, "device_id");
        Validation.maxLength(deviceId, 128, "device_id");
    }
}
