package io.rtcgate.emulator.agora;

import io.rtcgate.emulator.Digests;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * An Agora AccessToken2 ("007") token taken apart, written from the wire format alone (vendors.md
 * §1.1.1) so that it checks the adapter's tokens independently of the library that built them:
 * {@code "007" + Base64(zlib(bytes(signature) ‖ signingInfo))}, all integers little-endian.
 */
public final class DecodedToken {

    public static final String VERSION = "007";
    public static final int SERVICE_RTC = 1;
    public static final int SERVICE_RTM = 2;
    public static final int SERVICE_FPA = 4;
    public static final int SERVICE_CHAT = 5;
    public static final int SERVICE_APAAS = 7;

    /** Inflated tokens are a few hundred bytes; anything far larger is not a token. */
    private static final int MAX_INFLATED_BYTES = 64 * 1024;

    /**
     * One service of the token: its type, its privileges (privilege → seconds after {@code issueTs}),
     * and the strings that name what it grants, in wire order (RTC: channel name, uid — {@code ""}
     * for uid 0; RTM and Chat: user id; FPA: none; APaaS: room uuid, user uuid, role as a decimal).
     */
    public record Service(int type, Map<Integer, Long> privileges, List<String> fields) {

        public Service {
            privileges = Map.copyOf(privileges);
            fields = List.copyOf(fields);
        }
    }

    private final byte[] signature;
    private final byte[] signingInfo;
    private final String appId;
    private final long issueTs;
    private final long expire;
    private final long salt;
    private final List<Service> services;

    private DecodedToken(byte[] signature, byte[] signingInfo, String appId, long issueTs, long expire, long salt,
                         List<Service> services) {
        this.signature = signature;
        this.signingInfo = signingInfo;
        this.appId = appId;
        this.issueTs = issueTs;
        this.expire = expire;
        this.salt = salt;
        this.services = List.copyOf(services);
    }

    /**
     * Decodes a token without checking its signature.
     *
     * @throws IllegalArgumentException saying what is wrong with the token
     */
    public static DecodedToken decode(String token) {
        if (token == null || !token.startsWith(VERSION)) {
            throw new IllegalArgumentException("token is not an AccessToken2 (it must start with " + VERSION + ")");
        }
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(token.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("token is not valid Base64", e);
        }
        return parse(inflate(compressed));
    }

    public String appId() {
        return appId;
    }

    /** Unix seconds at which the token was issued. */
    public long issueTs() {
        return issueTs;
    }

    /** Seconds after {@link #issueTs()} for which the token is valid. */
    public long expire() {
        return expire;
    }

    public long salt() {
        return salt;
    }

    public List<Service> services() {
        return services;
    }

    /** The first service of that type. */
    public Optional<Service> service(int type) {
        return services.stream().filter(service -> service.type() == type).findFirst();
    }

    public Instant expiresAt() {
        return afterIssue(expire);
    }

    /** The instant {@code seconds} after issue, as token and privilege expiries are counted. */
    public Instant afterIssue(long seconds) {
        return Instant.ofEpochSecond(issueTs + seconds);
    }

    /** Whether the embedded signature is the HMAC chain of §1.1.1 under {@code appCertificate}. */
    public boolean isSignedWith(String appCertificate) {
        byte[] firstKey = Digests.hmacSha256(u32(issueTs), appCertificate.getBytes(StandardCharsets.UTF_8));
        byte[] signingKey = Digests.hmacSha256(u32(salt), firstKey);
        return MessageDigest.isEqual(signature, Digests.hmacSha256(signingKey, signingInfo));
    }

    private static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            byte[] buffer = new byte[MAX_INFLATED_BYTES];
            int length = inflater.inflate(buffer);
            if (!inflater.finished()) {
                throw new IllegalArgumentException("token is truncated or too large to be an AccessToken2");
            }
            return Arrays.copyOf(buffer, length);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("token is not zlib-compressed", e);
        } finally {
            inflater.end();
        }
    }

    private static DecodedToken parse(byte[] content) {
        try {
            ByteBuffer in = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
            byte[] signature = bytes(in);
            byte[] signingInfo = Arrays.copyOfRange(content, in.position(), content.length);
            String appId = string(in);
            long issueTs = u32(in);
            long expire = u32(in);
            long salt = u32(in);
            int count = u16(in);
            List<Service> services = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                services.add(service(in));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("token has " + in.remaining() + " bytes after its last service");
            }
            return new DecodedToken(signature, signingInfo, appId, issueTs, expire, salt, services);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("token is truncated", e);
        }
    }

    private static Service service(ByteBuffer in) {
        int type = u16(in);
        Map<Integer, Long> privileges = new TreeMap<>();
        int count = u16(in);
        for (int i = 0; i < count; i++) {
            privileges.put(u16(in), u32(in));
        }
        List<String> fields = switch (type) {
            case SERVICE_RTC -> List.of(string(in), string(in));
            case SERVICE_RTM, SERVICE_CHAT -> List.of(string(in));
            case SERVICE_FPA -> List.of();
            case SERVICE_APAAS -> List.of(string(in), string(in), Integer.toString(u16(in)));
            default -> throw new IllegalArgumentException("token has unknown service type " + type);
        };
        return new Service(type, privileges, fields);
    }

    private static int u16(ByteBuffer in) {
        return Short.toUnsignedInt(in.getShort());
    }

    private static long u32(ByteBuffer in) {
        return Integer.toUnsignedLong(in.getInt());
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] value = new byte[u16(in)];
        in.get(value);
        return value;
    }

    private static String string(ByteBuffer in) {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] u32(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
    }
}
