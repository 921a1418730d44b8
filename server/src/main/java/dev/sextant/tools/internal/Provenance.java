package dev.sextant.tools.internal;

import dev.sextant.analysis.InputSource;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Quote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where an answer's market data came from, in the one shape every tool answers it: the providers,
 * whether any of it is synthetic demo data, whether demo and real data were combined, the time of
 * the newest value used, and whether any of it was served stale.
 */
record Provenance(
        List<String> providers,
        boolean demo,
        boolean mixed,
        @Nullable Instant asOf,
        boolean stale) {

    static final Map<String, Object> SCHEMA = Schemas.object(
            Schemas.properties(
                    "providers", Schemas.arrayOf(Schemas.typed("string")),
                    "demo", Schemas.typed("boolean"),
                    "mixed", Schemas.typed("boolean"),
                    "asOf", Schemas.typed("string", "null"),
                    "stale", Schemas.typed("boolean")),
            "providers",
            "demo",
            "mixed",
            "asOf",
            "stale");

    Provenance {
        providers = List.copyOf(providers);
    }

    static Provenance of(Quote quote) {
        return new Provenance(List.of(quote.provider()), quote.demo(), false, quote.time(), quote.stale());
    }

    static Provenance ofQuotes(List<Quote> quotes) {
        return combine(quotes.stream().map(Provenance::of).toList());
    }

    static Provenance of(BarSeries series) {
        return of(List.of(InputSource.of(series)), series.demo(), false);
    }

    /** The inputs of a computed answer, with the answer's own demo and mixed labels. */
    static Provenance of(List<InputSource> inputs, boolean demo, boolean mixed) {
        LinkedHashSet<String> providers = new LinkedHashSet<>();
        Instant asOf = null;
        boolean stale = false;
        for (InputSource input : inputs) {
            providers.add(input.provider());
            if (input.asOf() != null && (asOf == null || input.asOf().isAfter(asOf))) {
                asOf = input.asOf();
            }
            stale |= input.stale();
        }
        return new Provenance(new ArrayList<>(providers), demo, mixed, asOf, stale);
    }

    static Provenance combine(List<Provenance> parts) {
        LinkedHashSet<String> providers = new LinkedHashSet<>();
        Instant asOf = null;
        boolean demo = false;
        boolean real = false;
        boolean stale = false;
        for (Provenance part : parts) {
            providers.addAll(part.providers());
            if (part.asOf() != null && (asOf == null || part.asOf().isAfter(asOf))) {
                asOf = part.asOf();
            }
            demo |= part.demo();
            real |= !part.demo();
            stale |= part.stale();
        }
        return new Provenance(new ArrayList<>(providers), demo, demo && real, asOf, stale);
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("providers", providers);
        json.put("demo", demo);
        json.put("mixed", mixed);
        json.put("asOf", asOf == null ? null : asOf.toString());
        json.put("stale", stale);
        return json;
    }

    /** One line for the text form, e.g. {@code source: demo (DEMO data, synthetic), as of 2025-06-10T00:00:00Z}. */
    String line() {
        return "source: " + String.join(", ", providers)
                + (demo ? " (DEMO data: synthetic, not market facts)" : "")
                + (mixed ? " (demo and real data combined)" : "")
                + (asOf == null ? "" : ", as of " + asOf)
                + (stale ? ", stale: the provider could not refresh it" : "");
    }
}
