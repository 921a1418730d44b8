package dev.sextant.marketdata.internal.news;

import dev.sextant.platform.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The opaque cursor of a news page: the moment the first page was read as of, and the last article
 * answered. Later pages are read as of the same moment and continue after that article, so paging
 * never skips or repeats an article, even while new ones are stored.
 */
public record NewsCursor(Instant asOf, NewsStore.Position after) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public String encode() {
        String text = micros(asOf) + "|" + micros(after.publishedAt()) + "|" + after.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; refused as the {@code cursor} parameter when it is not one of ours. */
    public static NewsCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3 || !ID.matcher(parts[2]).matches()) {
                throw new IllegalArgumentException("shape");
            }
            return new NewsCursor(
                    instant(Long.parseLong(parts[0])),
                    new NewsStore.Position(instant(Long.parseLong(parts[1])), parts[2]));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            throw DomainException.invalidParameter(
                    "cursor", "The cursor is not one this server gave; send the nextCursor of the previous page.");
        }
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
