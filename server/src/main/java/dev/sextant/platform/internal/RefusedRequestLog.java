package dev.sextant.platform.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One short line per request refused as malformed (bad encoding, a path or header Tomcat rejects,
 * an unreadable body): no stack trace, the path cut to a bounded printable form, and at most
 * {@link #LINES_PER_WINDOW} lines per {@link #WINDOW}, so a flood of hostile requests cannot
 * flood the log. Lines left out are counted and reported by the next line written.
 */
@Component
class RefusedRequestLog {

    static final int LINES_PER_WINDOW = 20;
    static final Duration WINDOW = Duration.ofSeconds(10);
    private static final int MAX_PATH = 120;
    private static final Logger log = LoggerFactory.getLogger(RefusedRequestLog.class);

    private final Bucket lines = Bucket.builder()
            .addLimit(Bandwidth.builder()
                    .capacity(LINES_PER_WINDOW)
                    .refillGreedy(LINES_PER_WINDOW, WINDOW)
                    .build())
            .build();
    private final AtomicLong left = new AtomicLong();

    void refused(HttpServletRequest request, int status, String slug, String reason) {
        if (!lines.tryConsume(1)) {
            left.incrementAndGet();
            return;
        }
        long skipped = left.getAndSet(0);
        log.info(
                "Refused {} {}: {} {} ({}){}",
                printable(request.getMethod(), 16),
                printable(request.getRequestURI(), MAX_PATH),
                status,
                slug,
                reason,
                skipped > 0 ? "; " + skipped + " more refusals not logged" : "");
    }

    /** At most {@code max} characters, anything but printable ASCII shown as '?'. */
    static String printable(String text, int max) {
        if (text == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return text.length() > max ? out.append('…').toString() : out.toString();
    }
}
