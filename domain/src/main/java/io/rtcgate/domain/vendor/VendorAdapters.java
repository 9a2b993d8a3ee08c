package io.rtcgate.domain.vendor;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The enabled vendors' adapters, found by vendor. */
public final class VendorAdapters {

    private final Map<Vendor, JoinTokenIssuer> issuers = new EnumMap<>(Vendor.class);
    private final Map<Vendor, ChannelAdmin> channelAdmins = new EnumMap<>(Vendor.class);
    private final Map<Vendor, StreamUrlSigner> urlSigners = new EnumMap<>(Vendor.class);

    public VendorAdapters(List<JoinTokenIssuer> issuers, List<ChannelAdmin> channelAdmins,
                          List<StreamUrlSigner> urlSigners) {
        issuers.forEach(issuer -> this.issuers.put(issuer.vendor(), issuer));
        channelAdmins.forEach(admin -> this.channelAdmins.put(admin.vendor(), admin));
        urlSigners.forEach(signer -> this.urlSigners.put(signer.vendor(), signer));
    }

    public Optional<JoinTokenIssuer> issuer(Vendor vendor) {
        return Optional.ofNullable(issuers.get(vendor));
    }

    public Optional<ChannelAdmin> channelAdmin(Vendor vendor) {
        return Optional.ofNullable(channelAdmins.get(vendor));
    }

    public Optional<StreamUrlSigner> urlSigner(Vendor vendor) {
        return Optional.ofNullable(urlSigners.get(vendor));
    }

    /** Everything the vendor's adapters declare. */
    public Set<Capability> capabilities(Vendor vendor) {
        Set<Capability> all = EnumSet.noneOf(Capability.class);
        adaptersOf(vendor).forEach(adapter -> all.addAll(adapter.capabilities()));
        return all;
    }

    /** The vendors with at least one adapter: the enabled ones. */
    public Set<Vendor> vendors() {
        Set<Vendor> all = EnumSet.noneOf(Vendor.class);
        all.addAll(issuers.keySet());
        all.addAll(channelAdmins.keySet());
        all.addAll(urlSigners.keySet());
        return all;
    }

    private List<VendorAdapter> adaptersOf(Vendor vendor) {
        return Stream.of(issuer(vendor), channelAdmin(vendor), urlSigner(vendor))
                .flatMap(Optional::stream)
                .map(VendorAdapter.class::cast)
                .toList();
    }
}
