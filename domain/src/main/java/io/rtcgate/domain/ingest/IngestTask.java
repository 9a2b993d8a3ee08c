package io.rtcgate.domain.ingest;

import java.util.Objects;

/** A vendor's ingest task: the channel it publishes in, its robot user and the vendor's id of the task. */
public record IngestTask(String channel, String robotUserId, String taskId) {

    public IngestTask {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(robotUserId, "robotUserId");
        Objects.requireNonNull(taskId, "taskId");
    }
}
