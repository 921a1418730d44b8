package dev.sextant.support;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An authenticator app for tests: RFC 6238 codes, written apart from the server's own implementation. */
public final class TotpCodes {

    private TotpCodes() {}

    /** The code for the step {@code offset} steps away from the fixed test clock's step. */
    public static String at(String base32Secret, int offset) {
        long step = Math.floorDiv(FixedClockConfiguration.NOW.getEpochSecond(), 30) + offset;
        return code(base32Secret, step);
    }

    public static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(decode(base32Secret), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[19] & 0xf;
            int value = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff))
                    % 1_000_000;
            return String.format(Locale.ROOT, "%06d", value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long stepOf(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), 30);
    }

    private static byte[] decode(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(base32.length() * 5 / 8);
        long buffer = 0;
        int bits = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
