package io.rtcgate.app.api.callback;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Vendors do not always escape their callbacks' query strings: seed 001 reports an Aliyun MixResult whose
 * {@code Message} carried raw spaces, and captured stream callbacks carry {@code usrargs} raw. The HTTP server
 * refuses a request line with characters a URI may not hold ({@code |}, {@code "}, UTF-8 bytes, a {@code %}
 * without two hex digits) as "Malformed URI" before any controller sees it, and the vendor would retry a
 * refused callback until it gives up. So for the callback paths only, this percent-encodes exactly those
 * characters as the request line arrives, before the URI is parsed: the callback's own decoding then reads
 * what the vendor meant, and every well-formed escape passes unchanged.
 */
@Singleton
final class LenientCallbackUris implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** The paths vendors call back on: the gateway's own and the AUI AppServer's. */
    static final List<String> CALLBACK_PATHS = List.of("/callbacks/", StreamCallbackController.AUI_PATH, "/ali/");

    private static final String HANDLER_NAME = "rtcgate-lenient-callback-uris";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** What RFC 3986 lets a request target hold besides letters, digits and {@code %}. */
    private static final String URI_PUNCTUATION = "-._~:/?@!$&'()*+,;=";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new RootCustomizer());
        return event.getBean();
    }

    /** The request target with every character a URI may not hold percent-encoded; a well-formed target is returned as it is. */
    static String encodeIllegalCharacters(String target) {
        StringBuilder encoded = null;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean legal = c < 0x80 && (Character.isLetterOrDigit(c) || URI_PUNCTUATION.indexOf(c) >= 0
                    || (c == '%' && isEscape(target, i)));
            if (legal && encoded == null) {
                continue;
            }
            if (encoded == null) {
                encoded = new StringBuilder(target.length() + 16).append(target, 0, i);
            }
            if (legal) {
                encoded.append(c);
            } else {
                // the server's decoder turns each byte of the request line into one char, so c is a byte
                encoded.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        return encoded == null ? target : encoded.toString();
    }

    private static boolean isEscape(String target, int percent) {
        return percent + 2 < target.length() && isHex(target.charAt(percent + 1)) && isHex(target.charAt(percent + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isCallback(String target) {
        return CALLBACK_PATHS.stream().anyMatch(target::startsWith);
    }

    private static final class RootCustomizer implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            // the listening channel is specialized first; each accepted connection is specialized from it
            return role == ChannelRole.CONNECTION ? new ConnectionCustomizer(channel) : this;
        }
    }

    private record ConnectionCustomizer(Channel channel) implements NettyServerCustomizer {

        @Override
        public void onStreamPipelineBuilt() {
            // HTTP/1 connections only: the codec is where request lines become requests
            if (channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(HANDLER_NAME) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER_NAME, new Encoder());
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class Encoder extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpRequest request && isCallback(request.uri())) {
                request.setUri(encodeIllegalCharacters(request.uri()));
            }
            ctx.fireChannelRead(message);
        }
    }
}
