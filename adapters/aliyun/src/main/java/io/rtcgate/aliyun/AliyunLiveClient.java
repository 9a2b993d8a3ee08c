package io.rtcgate.aliyun;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.policy.retry.RetryPolicy;
import com.aliyuncs.profile.DefaultProfile;
import io.rtcgate.domain.vendor.VendorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the live OpenAPI through {@code aliyun-java-sdk-core}, one attempt per call, with the
 * configured endpoint, protocol and timeout set on every request.
 */
final class AliyunLiveClient {

    private static final Logger LOG = LoggerFactory.getLogger(AliyunLiveClient.class);

    private final IAcsClient client;
    private final String endpoint;
    private final ProtocolType protocol;
    private final int timeoutMillis;

    AliyunLiveClient(AliyunSettings settings) {
        this.client = new DefaultAcsClient(
                DefaultProfile.getProfile(settings.region(), settings.accessKeyId(), settings.accessKeySecret()));
        this.endpoint = settings.endpoint();
        this.protocol = settings.https() ? ProtocolType.HTTPS : ProtocolType.HTTP;
        this.timeoutMillis = Math.toIntExact(settings.timeout().toMillis());
    }

    /** Sends {@code request}; any failure becomes a {@link VendorException} for {@code operation}. */
    <T extends AcsResponse> T call(String operation, AcsRequest<T> request) {
        configure(request);
        try {
            return client.getAcsResponse(request);
        } catch (ClientException failure) { // ServerException is a ClientException
            VendorException mapped = AliyunErrors.toVendorException(operation, request.getSysActionName(), failure);
            LOG.debug("aliyun {} ({}) failed: {} {}", operation, request.getSysActionName(), mapped.kind(), mapped.vendorCode());
            throw mapped;
        }
    }

    private void configure(AcsRequest<?> request) {
        // Per request rather than DefaultProfile.addEndpoint, which is JVM-wide and would pin every client to one endpoint.
        request.setSysEndpoint(endpoint);
        // 70 live request classes force HTTPS in their constructors; the configured protocol wins.
        request.setSysProtocol(protocol);
        // The SDK shares one Apache client per JVM, set up by whichever profile came first, so timeouts go on each request.
        request.setSysConnectTimeout(timeoutMillis);
        request.setSysReadTimeout(timeoutMillis);
        // One attempt per call: vendor health and routing decide about retries, and each failure is counted once.
        request.setSysRetryPolicy(RetryPolicy.none());
        // A fresh connection per call: a pooled connection the far end has closed would otherwise fail the
        // next call as "unreachable". Admin calls are rare enough for the extra handshake.
        request.putHeaderParameter("Connection", "close");
    }
}
