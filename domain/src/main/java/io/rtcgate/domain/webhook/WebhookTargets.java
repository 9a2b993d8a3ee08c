package io.rtcgate.domain.webhook;

/** Port: which URLs webhooks may go to (http or https; loopback and private addresses only where allowed). */
public interface WebhookTargets {

    /**
     * @throws io.rtcgate.domain.InvalidInputException naming {@code url} when webhooks may not go there
     */
    void requireAllowed(String url);
}
