package io.rtcgate.testkit;

import io.rtcgate.domain.vendor.JoinCredential;
import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.JoinTokenIssuer;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each request and answers with {@link #credentialFor}. */
public final class FakeJoinTokenIssuer extends FakeVendorPort implements JoinTokenIssuer {

    private final List<JoinRequest> requests = new CopyOnWriteArrayList<>();

    public FakeJoinTokenIssuer(Vendor vendor) {
        super(vendor);
    }

    /** The credential the fake issues for {@code request}: every field derived from the request. */
    public static JoinCredential credentialFor(Vendor vendor, JoinRequest request) {
        return new JoinCredential(vendor, vendor.wireName() + "-app", request.channel(), request.userId(),
                Optional.empty(), "token:" + request.userId() + "@" + request.channel(),
                Instant.EPOCH.plus(request.ttl()), request.role(), Map.of());
    }

    @Override
    public JoinCredential issue(JoinRequest request) {
        requests.add(request);
        act("issue");
        return credentialFor(vendor(), request);
    }

    public List<JoinRequest> requests() {
        return List.copyOf(requests);
    }
}
