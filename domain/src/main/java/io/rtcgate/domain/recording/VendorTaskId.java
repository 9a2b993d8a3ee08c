package io.rtcgate.domain.recording;

import java.util.Objects;
import java.util.Optional;

/**
 * How a vendor knows a recording task: Agora by a resource id and a session id ({@code sid}), Tencent
 * and Aliyun by a task id alone. The task id can be unknown for a while when the vendor said the task
 * is already running without naming it (Agora's "already started"); a callback that names the recorder
 * tells it later.
 */
public record VendorTaskId(Optional<String> resourceId, Optional<String> taskId) {

    public VendorTaskId {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(taskId, "taskId");
        if (resourceId.isEmpty() && taskId.isEmpty()) {
            throw new IllegalArgumentException("a vendor task has a resource id, a task id, or both");
        }
        resourceId.ifPresent(id -> requireText(id, "resourceId"));
        taskId.ifPresent(id -> requireText(id, "taskId"));
    }

    /** Agora's task: its resource id and sid. */
    public static VendorTaskId agora(String resourceId, String sid) {
        return new VendorTaskId(Optional.of(resourceId), Optional.of(sid));
    }

    /** A task known by its task id alone (Tencent, Aliyun). */
    public static VendorTaskId of(String taskId) {
        return new VendorTaskId(Optional.empty(), Optional.of(taskId));
    }

    /** A task whose resource is known but whose id the vendor has not told yet. */
    public static VendorTaskId unnamed(String resourceId) {
        return new VendorTaskId(Optional.of(resourceId), Optional.empty());
    }

    private static void requireText(String value, String name) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
