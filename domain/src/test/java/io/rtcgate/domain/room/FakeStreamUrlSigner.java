package io.rtcgate.domain.room;

/** Signs nothing: the URLs just name the stream, so tests can tell which stream they are for. */
final class FakeStreamUrlSigner implements StreamUrlSigner {

    static StreamUrls.Push pushFor(String stream) {
        return new StreamUrls.Push(
                "rtmp://push.test/live/" + stream, "artc://push.test/live/" + stream, "srt://push.test/live/" + stream);
    }

    static StreamUrls.Pull pullFor(String stream) {
        return new StreamUrls.Pull(
                "rtmp://play.test/live/" + stream,
                "https://play.test/live/" + stream + ".flv",
                "https://play.test/live/" + stream + ".m3u8",
                "artc://play.test/live/" + stream);
    }

    @Override
    public StreamUrls sign(String streamName) {
        return new StreamUrls(pushFor(streamName), pullFor(streamName));
    }
}
