package io.rtcgate.app.webhook;

import io.rtcgate.app.config.EmbeddedMode;
import io.rtcgate.app.config.WebhookProperties;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.webhook.WebhookTargets;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Webhooks go to http(s) URLs only, and, unless {@code rtcgate.webhooks.allow-private-targets} is on, only to hosts
 * whose every address is public: not loopback, private (RFC 1918, IPv6 unique local), link-local, carrier-grade NAT,
 * unspecified or multicast, so a subscription cannot make the gateway call into its own network.
 */
@Singleton
public class AddressWebhookTargets implements WebhookTargets {

    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final boolean allowPrivate;

    public AddressWebhookTargets(WebhookProperties properties, EmbeddedMode embedded) {
        this.allowPrivate = embedded.defaultOn(properties.getAllowPrivateTargets());
    }

    @Override
    public void requireAllowed(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "url is not a URL");
        }
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
            throw new InvalidInputException("url", "url must be an http or https URL with a host");
        }
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidInputException("url", "the host of url does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw new InvalidInputException("url", "url resolves to a loopback or private address, which webhooks may "
                        + "not reach unless rtcgate.webhooks.allow-private-targets is on");
            }
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            // 100.64.0.0/10, carrier-grade NAT
            return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        }
        // fc00::/7, IPv6 unique local
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
    }
}
