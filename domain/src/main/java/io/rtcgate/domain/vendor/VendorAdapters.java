package io.rtcgate.domain.vendor;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The enabled vendors' adapters, found by vendor. */
public final class VendorAdapters {

    private final Map<Vendor, JoinTokenIssuer> issuers = new EnumMap<>(Vendor.class);
    private final Map<Vendor, ChannelAdmin> channelAdmins = new EnumMap<>(Vendor.class);

    public VendorAdapters(List<JoinTokenIssuer> issuers, List<ChannelAdmin> channelAdmins) {
        issuers.forEach(issuer -> this.issuers.put(issuer.vendor(), issuer));
        channelAdmins.forEach(admin -> this.channelAdmins.put(admin.vendor(), admin));
    }

    public Optional<JoinTokenIssuer> issuer(Vendor vendor) {
        return Optional.ofNullable(issuers.get(vendor));
    }

    public Optional<ChannelAdmin> channelAdmin(Vendor vendor) {
        return Optional.ofNullable(channelAdmins.get(vendor));
    }

    /** Everything the vendor's adapters declare. */
    public Set<Capability> capabilities(Vendor vendor) {
        Set<Capability> all = EnumSet.noneOf(Capability.class);
        issuer(vendor).ifPresent(issuer -> all.addAll(issuer.capabilities()));
        channelAdmin(vendor).ifPresent(admin -> all.addAll(admin.capabilities()));
        return all;
    }

    public Set<Vendor> vendors() {
        Set<Vendor> all = EnumSet.noneOf(Vendor.class);
        all.addAll(issuers.keySet());
        all.addAll(channelAdmins.keySet());
        return all;
    }
}
