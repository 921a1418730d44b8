package dev.sextant.marketdata.internal.news;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What makes two listings one article. <b>URL</b>: the canonical form of its address is the same
 * (scheme and host lower-cased, a default port, the fragment and tracking parameters dropped, the
 * remaining parameters sorted, a trailing slash removed). <b>Headline</b>: the normalised headline is
 * the same (accents folded, lower case, punctuation dropped, whitespace collapsed), it has at least
 * {@value #MIN_TITLE_WORDS} words (shorter ones, "Market update", are too common to say anything) and
 * the two were published within {@link NewsStore#SAME_TITLE_WINDOW} of each other. The keys are
 * SHA-256 digests, so the unique index stays small whatever the URL's length.
 */
public final class ArticleKeys {

    static final int MIN_TITLE_WORDS = 4;

    private static final Set<String> TRACKING = Set.of(
            "fbclid",
            "gclid",
            "dclid",
            "msclkid",
            "mc_cid",
            "mc_eid",
            "igshid",
            "yclid",
            "_hsenc",
            "_hsmi",
            "ref",
            "ref_src",
            "cmpid",
            "ncid",
            "guccounter",
            "guce_referrer",
            "guce_referrer_sig",
            "soc_src",
            "soc_trk",
            "taid",
            "mod",
            "ito",
            "smid",
            "cid");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ArticleKeys() {}

    /** The canonical form of an article's address; the stripped text itself when it is no URL. */
    public static String canonicalUrl(String url) {
        String text = url.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return text;
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.isOpaque()) {
            return text;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null
                ? uri.getRawAuthority().toLowerCase(Locale.ROOT)
                : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (!parameter.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                    kept.add(parameter);
                }
            }
        }
        kept.sort(null);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /** The headline as compared: accents folded, lower case, words separated by one space. */
    public static String normalisedTitle(String headline) {
        String folded = MARKS.matcher(Normalizer.normalize(headline, Normalizer.Form.NFKD))
                .replaceAll("");
        return NOT_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    static String urlKey(String url) {
        return sha256(canonicalUrl(url));
    }

    /** The headline's key, or null when it is too short to identify an article. */
    static @Nullable String titleKey(String headline) {
        String normalised = normalisedTitle(headline);
        return normalised.isEmpty() || normalised.split(" ").length < MIN_TITLE_WORDS ? null : sha256(normalised);
    }

    /** An article's stable id: from its canonical URL, so it is the same on every node and every run. */
    public static String id(String url) {
        return urlKey(url).substring(0, 32);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
