package dev.sextant.watchlists.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bundled sector and index membership of well-known US companies ({@code us-classification.csv}
 * beside this class; its header says where it comes from and how partial it is). Immutable.
 */
final class UsClassification {

    static final List<String> SECTORS = List.of(
            "US_TECH",
            "US_COMMUNICATION",
            "US_CONSUMER_DISCRETIONARY",
            "US_CONSUMER_STAPLES",
            "US_FINANCIALS",
            "US_HEALTHCARE",
            "US_ENERGY",
            "US_INDUSTRIALS",
            "US_MATERIALS",
            "US_UTILITIES",
            "US_REAL_ESTATE");

    static final List<String> INDICES = List.of("SP500", "NASDAQ100", "DOW30");

    private record Entry(String sector, Set<String> indices) {}

    private final Map<String, Entry> bySymbol;

    private UsClassification(Map<String, Entry> bySymbol) {
        this.bySymbol = Map.copyOf(bySymbol);
    }

    static UsClassification bundled() {
        try (InputStream in = UsClassification.class.getResourceAsStream("us-classification.csv")) {
            if (in == null) {
                throw new IllegalStateException("us-classification.csv is missing from the classpath");
            }
            Map<String, Entry> entries = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != 3 || !SECTORS.contains(fields[1])) {
                    throw new IllegalStateException("us-classification.csv: bad line '" + line + "'");
                }
                Set<String> indices = fields[2].isEmpty() ? Set.of() : Set.of(fields[2].split("\\|"));
                if (!INDICES.containsAll(indices)) {
                    throw new IllegalStateException("us-classification.csv: unknown index in '" + line + "'");
                }
                entries.put(fields[0], new Entry(fields[1], indices));
            }
            return new UsClassification(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> sector(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol)).map(Entry::sector);
    }

    boolean inIndex(String symbol, String index) {
        Entry entry = bySymbol.get(symbol);
        return entry != null && entry.indices().contains(index);
    }
}
