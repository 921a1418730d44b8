package dev.sextant.marketdata.internal.live;

import dev.sextant.marketdata.internal.provider.ProviderProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;

/**
 * Outbound budgets that replace a provider's published free-tier limit, for users on paid plans:
 * {@code SEXTANT_PROVIDERS_BUDGETS=polygon=100/1s,alphavantage=75/1m}.
 */
final class ProviderBudgets {

    private ProviderBudgets() {}

    /** By provider id; a malformed entry fails start-up with the variable and the entry named. */
    static Map<String, ProviderProfile.RateLimit> parse(List<String> entries) {
        Map<String, ProviderProfile.RateLimit> budgets = new HashMap<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            String[] idAndLimit = entry.strip().split("=", 2);
            String[] limit = idAndLimit.length == 2 ? idAndLimit[1].split("/", 2) : new String[0];
            try {
                int requests = Integer.parseInt(limit[0].strip());
                Duration per = DurationStyle.detectAndParse(limit[1].strip());
                if (requests < 1 || per.isNegative() || per.isZero()) {
                    throw new IllegalArgumentException("not positive");
                }
                budgets.put(
                        idAndLimit[0].strip().toLowerCase(Locale.ROOT), new ProviderProfile.RateLimit(requests, per));
            } catch (RuntimeException e) {
                throw new IllegalStateException("SEXTANT_PROVIDERS_BUDGETS has '" + entry
                        + "'; write provider=requests/period, e.g. polygon=100/1s or alphavantage=75/1m");
            }
        }
        return Map.copyOf(budgets);
    }
}
