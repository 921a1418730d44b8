package dev.sextant.platform;

import dev.sextant.analytics.check.Check;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A module face's refusal: which {@link Refusal}, a message written for the person or program
 * asking (never a secret, never a stack trace), the facts that explain it (the offending field,
 * the unknown symbols, the providers asked) and, for refusals that pass, when to ask again. It says
 * nothing of HTTP: the platform maps it to problem+json once, the same over HTTP, in a tool call or
 * in a stream message.
 */
public class DomainException extends RuntimeException {

    private final Refusal refusal;
    private final Map<String, Object> details;
    private final @Nullable Duration retryAfter;

    public DomainException(Refusal refusal, String message) {
        this(refusal, message, Map.of(), null);
    }

    public DomainException(Refusal refusal, String message, Map<String, ?> details) {
        this(refusal, message, details, null);
    }

    /** @param retryAfter when asking again may succeed (null: no advice) */
    public DomainException(Refusal refusal, String message, Map<String, ?> details, @Nullable Duration retryAfter) {
        super(Check.notBlank(message, "message"), null, false, false);
        this.refusal = Check.notNull(refusal, "refusal");
        this.details = Map.copyOf(new LinkedHashMap<>(details));
        this.retryAfter = retryAfter;
    }

    /** An unusable parameter: {@link Refusal#INVALID_PARAMETER} naming it, as every face states it. */
    public static DomainException invalidParameter(String parameter, String message) {
        return new DomainException(Refusal.INVALID_PARAMETER, message, Map.of("parameter", parameter));
    }

    public Refusal refusal() {
        return refusal;
    }

    public Map<String, Object> details() {
        return details;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
