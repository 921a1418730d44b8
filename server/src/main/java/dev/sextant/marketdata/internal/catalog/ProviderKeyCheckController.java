package dev.sextant.marketdata.internal.catalog;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.identity.SessionOnly;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.internal.live.GuardedProvider;
import dev.sextant.marketdata.internal.live.LivePrices;
import dev.sextant.marketdata.internal.provider.MarketDataProvider;
import dev.sextant.marketdata.internal.provider.ProviderFailure;
import dev.sextant.marketdata.internal.provider.ProviderKey;
import dev.sextant.marketdata.internal.provider.ProviderProfile.Capability;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Caller;
import dev.sextant.platform.ProblemType;
import dev.sextant.vault.Vault;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks one of the user's own provider keys (vault purpose {@code provider:<id>}) by asking that
 * provider one small question with it, through the same guards as any call (budget, circuit,
 * timeout). The answer says whether the provider took the key; the key itself never leaves.
 */
@RestController
@Tag(name = "Your provider keys")
@PreAuthorize("hasRole('USER')")
@SessionOnly
class ProviderKeyCheckController {

    static final String PURPOSE_PREFIX = "provider:";
    static final ProblemType NOT_A_PROVIDER_KEY = ProblemType.of("not-a-provider-key", 422, "Not a provider key");
    static final ProblemType PROVIDER_NOT_ENABLED = ProblemType.of("provider-not-enabled", 409, "Provider not enabled");
    private static final String PROBE_SYMBOL = "AAPL";

    /**
     * @param ok whether the provider answered with the key
     * @param outcome {@code accepted}, {@code refused} (the provider turned the key down),
     *     {@code rate-limited}, {@code unavailable} (no answer: network, timeout, 5xx, bad data) or
     *     {@code held-back} (Sextant did not call: circuit open or budget used up)
     */
    record KeyCheck(String id, String provider, boolean ok, String outcome, String detail, Instant checkedAt) {}

    private final Vault vault;
    private final LivePrices live;
    private final Clock clock;

    ProviderKeyCheckController(Vault vault, LivePrices live, Clock clock) {
        this.vault = vault;
        this.live = live;
        this.clock = clock;
    }

    @PostMapping(
            path = "/api/v1/me/secrets/{id}/test",
            consumes = MediaType.ALL_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Test one of your provider keys: the provider is asked one small question with it; "
                    + "answers whether it took the key (never the key)")
    KeyCheck test(Caller caller, @PathVariable UUID id) {
        Vault.StoredSecret secret = vault.list(caller.user()).stream()
                .filter(s -> s.id().equals(id) && !s.purpose().startsWith(Vault.SYSTEM_PURPOSE_PREFIX))
                .findFirst()
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "You have no stored key with that id."));
        if (!secret.purpose().startsWith(PURPOSE_PREFIX)) {
            throw new ApiProblem(
                    NOT_A_PROVIDER_KEY,
                    "Only data-provider keys (purpose provider:<id>) can be tested; this one is for '"
                            + secret.purpose() + "'.");
        }
        String providerId = secret.purpose().substring(PURPOSE_PREFIX.length());
        GuardedProvider provider = live.arbitrator()
                .provider(providerId)
                .orElseThrow(() -> new ApiProblem(
                        PROVIDER_NOT_ENABLED,
                        "This server does not use the provider '" + providerId
                                + "' (SEXTANT_PROVIDERS_ENABLED), so it neither uses nor can test this key."));
        String value = vault.reveal(caller.user(), id, secret.purpose())
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "You have no stored key with that id."));
        ProviderKey key = new ProviderKey(value, caller.user().value());
        Instant now = clock.instant();
        try {
            provider.call("key check", true, () -> probe(provider.provider(), key, now));
            return check(id, providerId, true, "accepted", "The provider answered with this key.", now);
        } catch (ProviderFailure failure) {
            return switch (failure.kind()) {
                // It answered, and only did not carry the symbol asked about: the key got in.
                case NOT_FOUND -> check(id, providerId, true, "accepted", "The provider answered with this key.", now);
                case NO_KEY -> check(id, providerId, false, "refused", "The provider refused this key.", now);
                case RATE_LIMITED ->
                    check(
                            id,
                            providerId,
                            false,
                            "rate-limited",
                            "The provider is limiting requests with this key; try again later.",
                            now);
                case SKIPPED ->
                    check(
                            id,
                            providerId,
                            false,
                            "held-back",
                            "Sextant did not call the provider just now (its circuit is open or its budget is used "
                                    + "up); try again in a minute.",
                            now);
                case UNAVAILABLE, BAD_DATA ->
                    check(
                            id,
                            providerId,
                            false,
                            "unavailable",
                            "The provider did not answer properly, so the key could not be checked; try again later.",
                            now);
            };
        }
    }

    private static KeyCheck check(UUID id, String provider, boolean ok, String outcome, String detail, Instant at) {
        return new KeyCheck(id.toString(), provider, ok, outcome, detail, at);
    }

    /** The smallest question the provider answers: a quote, else a day of bars, news or fundamentals. */
    private static Object probe(MarketDataProvider provider, ProviderKey key, Instant now) {
        var capabilities = provider.profile().capabilities();
        if (capabilities.contains(Capability.QUOTES)) {
            return provider.quote(PROBE_SYMBOL, AssetClass.EQUITY, key);
        }
        if (capabilities.contains(Capability.BARS)) {
            return provider.bars(
                    PROBE_SYMBOL, AssetClass.EQUITY, BarInterval.ONE_DAY, now.minus(Duration.ofDays(7)), now, key);
        }
        if (capabilities.contains(Capability.NEWS)) {
            return provider.news(PROBE_SYMBOL, AssetClass.EQUITY, now.minus(Duration.ofDays(7)), now, 1, key);
        }
        return provider.fundamentals(PROBE_SYMBOL, key);
    }
}
