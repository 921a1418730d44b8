package dev.sextant.identity.internal;

import dev.sextant.platform.ApiProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of sign-in, on {@code /metrics}: {@code sextant.signin.failures} by
 * {@code reason}, and {@code sextant.ratelimit.refusals} by {@code limiter} and {@code route}. Tags
 * name kinds, never who: a username (people type passwords there) or an address would also make
 * the series unbounded. Every series is registered at start with zero, so that a rate over it is
 * defined before the first failure.
 */
@Component
class IdentityMetrics {

    /** Why a sign-in step was refused. */
    enum SignInFailure {
        /** Unknown username or wrong password. */
        BAD_CREDENTIALS,
        /** Refused unchecked: too many recent failures for the username or the address. */
        LOCKED,
        /** Wrong TOTP or recovery code at the second step. */
        TWO_FACTOR_FAILED,
        /** An expired, forged or outdated sign-in ticket at the second step. */
        TICKET_INVALID,
        /** An unknown, expired or already used refresh token. */
        REFRESH_TOKEN_INVALID,
        OTHER;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The step of signing in that a failure happened at. */
    enum SignInStep {
        PASSWORD,
        SECOND_FACTOR,
        REFRESH
    }

    /** Which limiter refused a request. */
    enum Limiter {
        /** The back-off after failed logins ({@link LoginThrottle}). */
        LOGIN_THROTTLE,
        /** A signed-in account's request budget, shared by its sessions and API keys. */
        ACCOUNT,
        /** The budget of a client address: sign-in routes and callers not signed in. */
        ANONYMOUS;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<SignInFailure, Counter> signInFailures = new EnumMap<>(SignInFailure.class);
    private final Map<Limiter, Map<RateLimitFilter.RouteClass, Counter>> refusals = new EnumMap<>(Limiter.class);

    IdentityMetrics(MeterRegistry registry) {
        for (SignInFailure reason : SignInFailure.values()) {
            signInFailures.put(
                    reason,
                    Counter.builder("sextant.signin.failures")
                            .description("Refused sign-in steps (password, second factor, refresh), by reason")
                            .tag("reason", reason.tag())
                            .register(registry));
        }
        for (Limiter limiter : Limiter.values()) {
            Map<RateLimitFilter.RouteClass, Counter> byRoute = new EnumMap<>(RateLimitFilter.RouteClass.class);
            for (RateLimitFilter.RouteClass route : RateLimitFilter.RouteClass.values()) {
                byRoute.put(
                        route,
                        Counter.builder("sextant.ratelimit.refusals")
                                .description("Requests refused with 429, by the limiter that refused them")
                                .tag("limiter", limiter.tag())
                                .tag(
                                        "route",
                                        route.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                                .register(registry));
            }
            refusals.put(limiter, byRoute);
        }
    }

    /** Runs one sign-in step, counting the problem it is refused with (and passing it on). */
    <T> T countingFailures(SignInStep step, Supplier<T> signIn) {
        try {
            return signIn.get();
        } catch (ApiProblem refused) {
            signInFailures.get(failureOf(step, refused)).increment();
            throw refused;
        }
    }

    void refused(Limiter limiter, RateLimitFilter.RouteClass route) {
        refusals.get(limiter).get(route).increment();
    }

    static SignInFailure failureOf(SignInStep step, ApiProblem problem) {
        if (problem.type().equals(IdentityProblems.LOGIN_THROTTLED)) {
            return SignInFailure.LOCKED;
        }
        if (problem.type().equals(IdentityProblems.INVALID_CREDENTIALS)) {
            return step == SignInStep.SECOND_FACTOR ? SignInFailure.TWO_FACTOR_FAILED : SignInFailure.BAD_CREDENTIALS;
        }
        if (problem.type().equals(IdentityProblems.INVALID_TOKEN)) {
            return step == SignInStep.REFRESH ? SignInFailure.REFRESH_TOKEN_INVALID : SignInFailure.TICKET_INVALID;
        }
        return SignInFailure.OTHER;
    }
}
