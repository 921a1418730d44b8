package dev.sextant.analytics.query;

import dev.sextant.analytics.Units;
import dev.sextant.analytics.check.ComputeCheckpoint;
import dev.sextant.analytics.news.NewsItem;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.analytics.series.Resample;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The tables of FIML's FIND, ANALYZE and GET statements, computed from one symbol's context. */
final class FimlForms {

    /** GET NEWS without FROM ... TO reads this many days up to the evaluation date, that day included. */
    static final int NEWS_DAYS = 30;

    /** GET NEWS answers at most this many articles, the newest. */
    static final int NEWS_ROWS = 50;

    /** The longest headline, source or URL GET NEWS answers, in characters; longer ones are cut. */
    static final int TEXT_CAP = 500;

    /** GET OHLCV without FROM ... TO answers this many bars, the last ones. */
    static final int OHLCV_BARS = 100;

    private FimlForms() {}

    /**
     * {@code FIND X WITH ...}: whether X meets the condition ({@code meets}, false when a value it
     * tests cannot be computed) and the value of every metric the condition names, all computed.
     */
    static QueryEngine.Table find(Ast.Find find, Metrics.Context context) {
        Function<Ast.Metric, Double> value = cached(context);
        boolean meets = Conditions.holds(find.where(), value);
        List<QueryEngine.Column> columns = new ArrayList<>(
                List.of(QueryEngine.Column.text("symbol"), new QueryEngine.Column("meets", "boolean", null)));
        List<Object> row = new ArrayList<>(List.of(find.symbol(), meets));
        for (Ast.Metric metric : find.metrics()) {
            columns.add(QueryEngine.Column.metric(metric));
            row.add(value.apply(metric));
        }
        return new QueryEngine.Table(columns, List.of(row));
    }

    /** {@code ANALYZE X FOR topic}: the bundle's metrics; TECHNICALS adds the trend and signal states. */
    static QueryEngine.Table analyze(Ast.Analyze analyze, Metrics.Context context, ComputeBudget budget) {
        Function<Ast.Metric, Double> value = cached(context);
        List<QueryEngine.Column> columns = new ArrayList<>(List.of(QueryEngine.Column.text("symbol")));
        List<Object> row = new ArrayList<>(List.of(analyze.symbol()));
        for (Ast.Metric metric : analyze.metrics()) {
            budget.check();
            columns.add(QueryEngine.Column.metric(metric));
            row.add(value.apply(metric));
        }
        if (analyze.topic().equals(Bundles.TECHNICALS)) {
            columns.add(QueryEngine.Column.text("trend"));
            row.add(Conditions.trend(value));
            columns.add(QueryEngine.Column.text("signal"));
            row.add(Conditions.signal(value));
        }
        return new QueryEngine.Table(columns, List.of(row));
    }

    /** Each metric computed at most once for the symbol (a null value is remembered too). */
    private static Function<Ast.Metric, Double> cached(Metrics.Context context) {
        Map<String, Double> values = new HashMap<>();
        return metric -> {
            if (values.containsKey(metric.text())) {
                return values.get(metric.text());
            }
            ComputeCheckpoint.reached();
            Double computed = Metrics.of(metric).value(context, metric);
            values.put(metric.text(), computed);
            return computed;
        };
    }

    static QueryEngine.Table get(
            Ast.Get get,
            Metrics.Context context,
            List<NewsItem> news,
            LocalDate asOf,
            int maxRows,
            ComputeBudget budget) {
        return switch (get.item()) {
            case PRICE -> price(get, context);
            case OHLCV -> ohlcv(get, context, maxRows);
            case NEWS -> news(get, news, asOf);
            case FUNDAMENTALS ->
                analyze(
                        new Ast.Analyze(get.symbol(), Bundles.FUNDAMENTALS, get.metrics(), get.when()),
                        context,
                        budget);
        };
    }

    /** The first day of the news GET NEWS reads: the period's, or {@link #NEWS_DAYS} days up to the date. */
    static LocalDate newsFrom(Ast.When when, LocalDate asOf) {
        return when.hasPeriod() ? when.from() : asOf.minusDays(NEWS_DAYS - 1);
    }

    private static OhlcvSeries bars(Ast.Get get, Metrics.Context context) {
        BarInterval interval = BarInterval.fromCode(get.interval()).orElse(BarInterval.ONE_DAY);
        return interval == BarInterval.ONE_DAY ? context.bars() : Resample.to(context.bars(), interval);
    }

    private static List<QueryEngine.Column> barColumns() {
        return new ArrayList<>(List.of(
                new QueryEngine.Column("date", "string", Units.DATE),
                QueryEngine.Column.number("open", Units.PRICE),
                QueryEngine.Column.number("high", Units.PRICE),
                QueryEngine.Column.number("low", Units.PRICE),
                QueryEngine.Column.number("close", Units.PRICE),
                QueryEngine.Column.number("volume", Units.VOLUME)));
    }

    private static List<Object> barRow(OhlcvSeries bars, int i) {
        return new ArrayList<>(Arrays.asList(
                date(bars.time(i)), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i)));
    }

    /** The last bar at the interval and its close's change from the bar before, a fraction. */
    private static QueryEngine.Table price(Ast.Get get, Metrics.Context context) {
        OhlcvSeries bars = bars(get, context);
        List<QueryEngine.Column> columns = barColumns();
        columns.addFirst(QueryEngine.Column.text("symbol"));
        columns.add(QueryEngine.Column.number("change", Units.FRACTION));
        List<Object> row = new ArrayList<>(List.of(get.symbol()));
        if (bars.isEmpty()) {
            row.addAll(Arrays.asList(null, null, null, null, null, null, null));
        } else {
            int last = bars.size() - 1;
            row.addAll(barRow(bars, last));
            row.add(last == 0 ? null : Metrics.finite(bars.close(last) / bars.close(last - 1) - 1));
        }
        return new QueryEngine.Table(columns, List.of(row));
    }

    /**
     * The bars at the interval, oldest first: those from the period's first day with FROM ... TO,
     * else the last {@link #OHLCV_BARS}; at most {@code maxRows}, the last ones.
     */
    private static QueryEngine.Table ohlcv(Ast.Get get, Metrics.Context context, int maxRows) {
        OhlcvSeries bars = bars(get, context);
        int first = context.periodFrom() != null
                ? bars.indexAtOrAfter(context.periodFrom())
                : Math.max(0, bars.size() - OHLCV_BARS);
        first = Math.max(first, bars.size() - maxRows);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = first; i < bars.size(); i++) {
            ComputeCheckpoint.reached();
            rows.add(barRow(bars, i));
        }
        return new QueryEngine.Table(barColumns(), rows);
    }

    /**
     * The articles about the symbol published from {@link #newsFrom} to the end of the evaluation
     * date and known by then, newest first, at most {@link #NEWS_ROWS}. Headlines are untrusted
     * text and stay data: a text column, never markup.
     */
    private static QueryEngine.Table news(Ast.Get get, List<NewsItem> news, LocalDate asOf) {
        Instant from = newsFrom(get.when(), asOf).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<QueryEngine.Column> columns = List.of(
                QueryEngine.Column.text("publishedAt"),
                QueryEngine.Column.text("headline"),
                QueryEngine.Column.text("source"),
                QueryEngine.Column.text("url"),
                QueryEngine.Column.number("sentiment", Units.SENTIMENT),
                QueryEngine.Column.text("scorer"),
                QueryEngine.Column.text("provider"),
                new QueryEngine.Column("demo", "boolean", null));
        List<List<Object>> rows = news.stream()
                .filter(item -> item.knownAt().isBefore(end))
                .filter(item ->
                        !item.publishedAt().isBefore(from) && item.publishedAt().isBefore(end))
                .sorted(Comparator.comparing(NewsItem::publishedAt).reversed())
                .limit(NEWS_ROWS)
                .map(item -> Arrays.<Object>asList(
                        item.publishedAt().toString(),
                        untrusted(item.headline()),
                        untrusted(item.source()),
                        untrusted(item.url()),
                        item.sentiment(),
                        item.scorer(),
                        item.provider(),
                        item.demo()))
                .toList();
        return new QueryEngine.Table(columns, rows);
    }

    /**
     * Text from outside Sextant as one line of data: control characters (line breaks among them,
     * which would let a headline forge rows of a text table) become spaces, and it is cut at
     * {@link #TEXT_CAP} characters. Never markup: it is answered as a JSON string, never rendered.
     */
    static String untrusted(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), TEXT_CAP));
        text.codePoints().limit(TEXT_CAP).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.toString();
    }

    private static String date(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond)
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .toString();
    }
}
