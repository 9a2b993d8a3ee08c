package io.rtcgate.app.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that stops reading, as a stalled phone does: a plain socket with a small receive buffer that
 * performs the handshake and then reads nothing until told to. The JDK's client cannot be made to stop: it keeps
 * reading into its own buffers. Reading resumes with {@link #readUntilClose()}, which counts the text frames and
 * returns the server's close frame.
 */
public final class StalledSocket implements AutoCloseable {

    /** What a stalled client got once it read again. */
    public record Outcome(int textFrames, int closeCode, String closeReason) {
    }

    private static final int OPCODE_TEXT = 1;
    private static final int OPCODE_CLOSE = 8;

    private final Socket socket;
    private final DataInputStream in;

    private StalledSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Opens {@code pathAndQuery} on localhost:{@code port} and reads the 101 answer; fails on any other. */
    public static StalledSocket open(int port, String pathAndQuery, String bearer) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("localhost", port), 10_000);
            socket.setSoTimeout(30_000);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String handshake = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                    + "Authorization: Bearer " + bearer + "\r\n\r\n";
            socket.getOutputStream().write(handshake.getBytes(StandardCharsets.US_ASCII));
            StalledSocket client = new StalledSocket(socket);
            String status = client.headerLine();
            if (!status.startsWith("HTTP/1.1 101")) {
                socket.close();
                throw new AssertionError("the handshake did not upgrade: " + status);
            }
            while (!client.headerLine().isEmpty()) {
                // the rest of the answer's headers
            }
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every frame up to the server's close frame. */
    public Outcome readUntilClose() {
        int textFrames = 0;
        try {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0f;
                byte[] payload = new byte[payloadLength()];
                in.readFully(payload);
                if (opcode == OPCODE_TEXT) {
                    textFrames++;
                } else if (opcode == OPCODE_CLOSE) {
                    int code = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
                    return new Outcome(textFrames, code, new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no close frame within 30 s, after " + textFrames + " text frames", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads text frames until none comes for {@code quiet}; their texts. Fails on a close frame: the server was
     * not to cut this client off.
     */
    public List<String> readTextsUntilQuiet(Duration quiet) {
        List<String> texts = new ArrayList<>();
        try {
            socket.setSoTimeout(Math.toIntExact(quiet.toMillis()));
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0f;
                byte[] payload = new byte[payloadLength()];
                in.readFully(payload);
                if (opcode == OPCODE_TEXT) {
                    texts.add(new String(payload, StandardCharsets.UTF_8));
                } else if (opcode == OPCODE_CLOSE) {
                    throw new AssertionError("the server closed the socket after " + texts.size() + " text frames");
                }
            }
        } catch (java.net.SocketTimeoutException quietNow) {
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Server frames are unmasked: a 7-bit length, or 126 and 16 bits, or 127 and 64 bits. */
    private int payloadLength() throws IOException {
        int length = in.readUnsignedByte() & 0x7f;
        if (length == 126) {
            return in.readUnsignedShort();
        }
        if (length == 127) {
            return Math.toIntExact(in.readLong());
        }
        return length;
    }

    private String headerLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the server closed during the handshake");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
