package dev.sextant.marketdata.internal.news;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Untrusted article text made into the plain text Sextant stores: markup tags dropped, the common
 * character references decoded, control and invisible format characters (bidirectional overrides,
 * zero-width joiners) removed, whitespace collapsed, and the result capped without splitting a
 * surrogate pair. What comes out is data to show, never HTML to render.
 */
public final class NewsText {

    public static final int MAX_HEADLINE = 300;
    public static final int MAX_SUMMARY = 2_000;
    public static final int MAX_SOURCE = 100;
    public static final int MAX_URL = 2_000;

    /** A tag: {@code <} then a letter, {@code /}, {@code !} or {@code ?}, up to the next {@code >}. */
    private static final Pattern TAG = Pattern.compile("<[A-Za-z/!?][^>]*>");

    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Zl}\\p{Zp}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private NewsText() {}

    /** The plain text of {@code text}, at most {@code max} characters (an ellipsis marks a cut); null stays null. */
    public static @Nullable String clean(@Nullable String text, int max) {
        if (text == null) {
            return null;
        }
        // Tags go before references are decoded: "&lt;b&gt;" is text about a tag, and stays as text.
        String plain = decode(TAG.matcher(text).replaceAll(" "));
        plain = SPACES.matcher(INVISIBLE.matcher(plain).replaceAll(" "))
                .replaceAll(" ")
                .strip();
        return cap(plain, max);
    }

    static String cap(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(reference(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String reference(String name, String whole) {
        if (name.startsWith("#")) {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int code;
            try {
                code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
            } catch (NumberFormatException e) {
                return whole;
            }
            return Character.isValidCodePoint(code) ? Character.toString(code) : " ";
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "mdash" -> "—";
            case "ndash" -> "–";
            case "hellip" -> "…";
            case "rsquo", "lsquo" -> "'";
            case "rdquo", "ldquo" -> "\"";
            default -> whole;
        };
    }
}
