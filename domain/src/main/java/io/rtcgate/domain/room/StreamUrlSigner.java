package io.rtcgate.domain.room;

/** Port: builds signed push and pull URLs for a stream on the configured live domains. */
public interface StreamUrlSigner {

    StreamUrls sign(String streamName);
}
