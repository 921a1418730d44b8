package dev.sextant.analytics.query;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metrics {@code ANALYZE X FOR <topic>} answers, by topic, in one place (docs/DSL.md lists
 * them from here). Each entry is a metric as a query writes it; a topic answers the entries whose
 * metric the registry has, so a bundle grows as metrics are added to {@link Metrics}.
 */
public final class Bundles {

    /** {@code TECHNICALS} also answers the {@code trend} and {@code signal} states (docs/DSL.md, Conditions). */
    public static final String TECHNICALS = "TECHNICALS";

    public static final String FUNDAMENTALS = "FUNDAMENTALS";

    /** Each topic's metrics, in the order of the answer's columns. */
    public static final Map<String, List<String>> TOPICS = topics();

    private Bundles() {}

    private static Map<String, List<String>> topics() {
        Map<String, List<String>> topics = new LinkedHashMap<>();
        topics.put(
                TECHNICALS,
                List.of(
                        "PRICE",
                        "RSI(14)",
                        "MACD(12,26,9)",
                        "MACD(12,26,9).signal",
                        "MACD_HIST",
                        "SMA(20)",
                        "SMA(50)",
                        "SMA(200)",
                        "EMA(20)",
                        "BBANDS(20,2).upper",
                        "BBANDS(20,2).lower",
                        "ATR(14)",
                        "STOCH(14,3,3).k",
                        "STOCH(14,3,3).d",
                        "ADX(14)"));
        topics.put(
                FUNDAMENTALS,
                List.of("PE", "EPS", "ROE", "PB", "PS", "DEBT_TO_EQUITY", "DIVIDEND_YIELD", "MARKET_CAP"));
        topics.put("SENTIMENT", List.of("SENTIMENT", "BUZZ", "NEWS_SCORE"));
        topics.put(
                "CORRELATIONS",
                List.of("CORRELATE(SPY)", "CORRELATE(QQQ)", "CORRELATE(TLT)", "CORRELATE(GLD)", "CORRELATE(BTC-USD)"));
        topics.put("RISK", List.of("VOLATILITY", "MAX_DRAWDOWN", "SHARPE", "SORTINO", "VAR", "BETA(SPY)", "LIQUIDITY"));
        return java.util.Collections.unmodifiableMap(topics);
    }

    /** The entries of {@code topic} whose metric is among {@code known}, in order. */
    static List<String> available(String topic, Collection<String> known) {
        return TOPICS.getOrDefault(topic, List.of()).stream()
                .filter(entry -> known.contains(name(entry)))
                .toList();
    }

    /** The metric an entry names: the word before its arguments or output. */
    static String name(String entry) {
        int end = entry.length();
        for (char stop : new char[] {'(', '.'}) {
            int at = entry.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return entry.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
