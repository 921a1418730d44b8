package dev.sextant.marketdata.internal.live;

import dev.sextant.marketdata.internal.provider.ProviderFailure;
import java.util.List;
import java.util.Map;

/** Every eligible provider was tried (or none was eligible) and none answered. */
public final class NoProviderAnswered extends RuntimeException {

    private final List<ProviderFailure> failures;

    public NoProviderAnswered(String what, List<ProviderFailure> failures) {
        super("No provider answered " + what, null, false, false);
        this.failures = List.copyOf(failures);
    }

    public List<ProviderFailure> failures() {
        return failures;
    }

    /** True when the providers asked do not know the thing at all (rather than being unwell). */
    public boolean notFound() {
        return failures.stream()
                .allMatch(failure -> failure.kind() == ProviderFailure.Kind.NOT_FOUND
                        || failure.kind() == ProviderFailure.Kind.NO_KEY);
    }

    /** Per provider, what happened: safe to show (failure messages never hold keys). */
    public List<Map<String, String>> outcomes() {
        return failures.stream()
                .map(failure -> Map.of(
                        "provider", failure.provider(),
                        "outcome", failure.kind().name().toLowerCase(java.util.Locale.ROOT),
                        "reason", failure.reason()))
                .toList();
    }
}
