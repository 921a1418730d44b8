package dev.sextant.analysis.internal;

import dev.sextant.analysis.internal.dsl.Ast;
import dev.sextant.analysis.internal.dsl.Parser;
import dev.sextant.analytics.indicators.Ema;
import dev.sextant.analytics.indicators.Macd;
import dev.sextant.analytics.indicators.Rsi;
import dev.sextant.analytics.indicators.Sma;
import dev.sextant.analytics.risk.Correlation;
import dev.sextant.analytics.risk.Returns;
import dev.sextant.analytics.risk.RiskMetrics;
import dev.sextant.analytics.series.Alignment;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Universes;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.ProblemType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Runs FK-DSL queries: parse, check every metric's arguments, fetch each symbol's daily bars once
 * (enough history for the longest span and indicator warm-up), then compute each metric on the
 * bars {@code GET /api/v1/bars} serves. Spans count sessions: {@code d} bars, {@code w} a 52nd,
 * {@code m} a 12th and {@code y} a year of the instrument's sessions (252, or 365 for crypto).
 */
@Service
class QueryExecutor {

    static final ProblemType QUERY_INVALID = ProblemType.of("query-invalid", 400, "Invalid query");
    static final int MAX_SYMBOLS = 50;
    static final int MAX_STATEMENTS = 10;
    static final int MAX_SPAN_YEARS = 10;

    /** A typed result table. */
    record Column(String name, String type) {}

    record Table(List<Column> columns, List<List<Object>> rows) {}

    /** What a metric takes: its arguments' kinds and defaults, and how it computes. */
    private record Function(List<Class<? extends Ast.Argument>> kinds, List<Ast.Argument> defaults, Compute compute) {}

    @FunctionalInterface
    private interface Compute {
        Double apply(Context context, List<Ast.Argument> arguments);
    }

    /** One symbol's bars and how many sessions make its year. */
    private record Context(
            String symbol, OhlcvSeries bars, int perYear, java.util.function.Function<String, Context> other) {}

    private static final Ast.Span ONE_DAY = new Ast.Span(1, 'd');
    private static final Ast.Span ONE_YEAR = new Ast.Span(1, 'y');
    private static final Ast.Span THIRTY_DAYS = new Ast.Span(30, 'd');

    private static final Map<String, Function> FUNCTIONS = functions();

    static final int MAX_LIMIT = 1_000;

    private final MarketDataService marketData;
    private final Universes universes;
    private final Clock clock;

    QueryExecutor(MarketDataService marketData, Universes universes, Clock clock) {
        this.marketData = marketData;
        this.universes = universes;
        this.clock = clock;
    }

    static Set<String> functionNames() {
        return FUNCTIONS.keySet();
    }

    /** @param owner the user asking (their watchlists are universes too) */
    List<Table> run(String text, java.util.UUID owner) {
        List<Ast.Statement> statements =
                Parser.parse(text, FUNCTIONS.keySet(), name -> NearestName.to(name, FUNCTIONS.keySet()));
        if (statements.size() > MAX_STATEMENTS) {
            throw new ApiProblem(QUERY_INVALID, "A query holds at most " + MAX_STATEMENTS + " statements.");
        }
        statements.forEach(QueryExecutor::check);
        int days = historyDays(statements);
        Map<String, Context> fetched = new HashMap<>();
        List<Table> tables = new ArrayList<>();
        for (Ast.Statement statement : statements) {
            if (statement instanceof Ast.Scan scan) {
                tables.add(scan(scan, owner, fetched, days));
                continue;
            }
            if (statement instanceof Ast.Correlate correlate) {
                tables.add(correlate(correlate, fetched, days));
                continue;
            }
            if (statement instanceof Ast.Regress regress) {
                tables.add(regress(regress, fetched, days));
                continue;
            }
            List<Column> columns = new ArrayList<>(List.of(new Column("symbol", "string")));
            statement.metrics().forEach(m -> columns.add(new Column(m.text(), "number")));
            List<List<Object>> rows = new ArrayList<>();
            for (String symbol : statement.symbols()) {
                Context context = context(symbol, fetched, days);
                List<Object> row = new ArrayList<>();
                row.add(symbol);
                for (Ast.Metric metric : statement.metrics()) {
                    Function function = FUNCTIONS.get(metric.name());
                    row.add(function.compute().apply(context, withDefaults(metric, function)));
                }
                rows.add(row);
            }
            tables.add(new Table(columns, rows));
        }
        return tables;
    }

    /**
     * A SCAN: every symbol of the universe that meets the condition, with the value of each metric
     * the statement uses, ordered and limited. A metric is computed once per symbol however often
     * the condition names it; a condition on a value that cannot be computed is false.
     */
    private Table scan(Ast.Scan scan, java.util.UUID owner, Map<String, Context> fetched, int days) {
        if (scan.limit() < 1 || scan.limit() > MAX_LIMIT) {
            throw new ApiProblem(QUERY_INVALID, "LIMIT runs from 1 to " + MAX_LIMIT + ".");
        }
        Universes.Universe universe = universes
                .find(scan.universe(), owner)
                .orElseThrow(() -> new ApiProblem(
                        QUERY_INVALID,
                        "Unknown universe '" + scan.universe() + "'; GET /api/v1/universes lists them."));
        List<Ast.Metric> metrics = scan.metrics();
        List<Column> columns = new ArrayList<>(List.of(new Column("symbol", "string")));
        metrics.forEach(m -> columns.add(new Column(m.text(), "number")));
        record Match(String symbol, Map<String, Double> values) {}
        List<Match> matches = new ArrayList<>();
        for (String symbol : universe.symbols()) {
            Context context = context(symbol, fetched, days);
            Map<String, Double> values = new HashMap<>();
            java.util.function.Function<Ast.Metric, Double> value =
                    metric -> values.computeIfAbsent(metric.text(), t -> {
                        Function function = FUNCTIONS.get(metric.name());
                        return function.compute().apply(context, withDefaults(metric, function));
                    });
            if (scan.where() == null || holds(scan.where(), value)) {
                metrics.forEach(value::apply);
                matches.add(new Match(symbol, values));
            }
        }
        if (scan.orderBy() != null) {
            String key = scan.orderBy().text();
            java.util.Comparator<Match> order = java.util.Comparator.comparing(
                    m -> m.values().get(key),
                    java.util.Comparator.nullsLast(
                            scan.descending()
                                    ? java.util.Comparator.<Double>reverseOrder()
                                    : java.util.Comparator.<Double>naturalOrder()));
            matches.sort(order);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Match match : matches.subList(0, Math.min(scan.limit(), matches.size()))) {
            List<Object> row = new ArrayList<>();
            row.add(match.symbol());
            metrics.forEach(m -> row.add(match.values().get(m.text())));
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    /** Correlations of log returns over the span, each pair on the bars both have. */
    private Table correlate(Ast.Correlate statement, Map<String, Context> fetched, int days) {
        List<Column> columns = new ArrayList<>(List.of(new Column("symbol", "string")));
        statement.columns().forEach(symbol -> columns.add(new Column(symbol, "number")));
        List<List<Object>> rows = new ArrayList<>();
        for (String rowSymbol : statement.rows()) {
            Context row = context(rowSymbol, fetched, days);
            List<Object> values = new ArrayList<>(List.of(rowSymbol));
            for (String columnSymbol : statement.columns()) {
                if (columnSymbol.equals(rowSymbol)) {
                    values.add(1.0);
                    continue;
                }
                Alignment.Aligned aligned = Alignment.closes(
                        List.of(row.bars(), context(columnSymbol, fetched, days).bars()));
                int n = Math.min(aligned.times().length, bars(row, statement.span()) + 1);
                values.add(
                        n < 3
                                ? null
                                : finite(Correlation.correlation(
                                        Returns.log(tail(aligned.closes()[0], n)),
                                        Returns.log(tail(aligned.closes()[1], n)))));
            }
            rows.add(values);
        }
        return new Table(columns, rows);
    }

    /** Least squares of one symbol's simple returns on others', over the span of common bars. */
    private Table regress(Ast.Regress statement, Map<String, Context> fetched, int days) {
        List<OhlcvSeries> series = new ArrayList<>();
        for (String symbol : statement.symbols()) {
            series.add(context(symbol, fetched, days).bars());
        }
        Alignment.Aligned aligned = Alignment.closes(series);
        Context dependent = context(statement.dependent(), fetched, days);
        int n = Math.min(aligned.times().length, bars(dependent, statement.span()) + 1);
        if (n - 1 <= statement.regressors().size() + 1) {
            throw new ApiProblem(
                    QUERY_INVALID, "REGRESS needs more common bars than regressors; the span holds " + n + ".");
        }
        double[] y = Returns.simple(tail(aligned.closes()[0], n));
        double[][] x = new double[statement.regressors().size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = Returns.simple(tail(aligned.closes()[i + 1], n));
        }
        dev.sextant.analytics.risk.Ols.Fit fit;
        try {
            fit = dev.sextant.analytics.risk.Ols.fit(y, x);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(QUERY_INVALID, "REGRESS: " + e.getMessage() + ".");
        }
        List<Column> columns = List.of(
                new Column("term", "string"),
                new Column("coefficient", "number"),
                new Column("standardError", "number"),
                new Column("tStatistic", "number"),
                new Column("rSquared", "number"),
                new Column("observations", "number"));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < fit.coefficients().length; i++) {
            rows.add(Arrays.asList(
                    i == 0 ? "INTERCEPT" : statement.regressors().get(i - 1),
                    finite(fit.coefficients()[i]),
                    finite(fit.standardErrors()[i]),
                    finite(fit.tStatistics()[i]),
                    finite(fit.rSquared()),
                    (double) fit.observations()));
        }
        return new Table(columns, rows);
    }

    private static boolean holds(Ast.Condition condition, java.util.function.Function<Ast.Metric, Double> value) {
        return switch (condition) {
            case Ast.And and -> holds(and.left(), value) && holds(and.right(), value);
            case Ast.Or or -> holds(or.left(), value) || holds(or.right(), value);
            case Ast.Between between -> {
                Double x = evaluate(between.value(), value);
                Double low = evaluate(between.low(), value);
                Double high = evaluate(between.high(), value);
                yield x != null && low != null && high != null && x >= low && x <= high;
            }
            case Ast.State state -> state.state().equals(state(state, value));
            case Ast.Comparison comparison -> {
                Double left = evaluate(comparison.left(), value);
                Double right = evaluate(comparison.right(), value);
                yield left != null
                        && right != null
                        && switch (comparison.op()) {
                            case "<" -> left < right;
                            case "<=" -> left <= right;
                            case ">" -> left > right;
                            case ">=" -> left >= right;
                            case "=" -> left.doubleValue() == right.doubleValue();
                            default -> left.doubleValue() != right.doubleValue();
                        };
            }
        };
    }

    /** The state a TREND or SIGNAL test reads from its metrics; NEUTRAL or HOLD when one cannot be computed. */
    private static String state(Ast.State state, java.util.function.Function<Ast.Metric, Double> value) {
        if (state.subject().equals("TREND")) {
            Double price = value.apply(Ast.State.PRICE);
            Double fast = value.apply(Ast.State.SMA_50);
            Double slow = value.apply(Ast.State.SMA_200);
            if (price == null || fast == null || slow == null) {
                return "NEUTRAL";
            }
            return price > fast && fast > slow ? "BULLISH" : price < fast && fast < slow ? "BEARISH" : "NEUTRAL";
        }
        Double rsi = value.apply(Ast.State.RSI_14);
        Double histogram = value.apply(Ast.State.MACD_HIST);
        if (rsi == null || histogram == null) {
            return "HOLD";
        }
        return rsi < 30 && histogram > 0 ? "BUY" : rsi > 70 && histogram < 0 ? "SELL" : "HOLD";
    }

    private static Double evaluate(Ast.Expression expression, java.util.function.Function<Ast.Metric, Double> value) {
        return switch (expression) {
            case Ast.Literal literal -> literal.value();
            case Ast.MetricValue metric -> value.apply(metric.metric());
            case Ast.Arithmetic arithmetic -> {
                Double left = evaluate(arithmetic.left(), value);
                Double right = evaluate(arithmetic.right(), value);
                if (left == null || right == null) {
                    yield null;
                }
                double result = switch (arithmetic.op()) {
                    case '*' -> left * right;
                    case '/' -> left / right;
                    default -> left + right;
                };
                yield Double.isFinite(result) ? result : null;
            }
        };
    }

    /** Arity and argument kinds, before anything is fetched. */
    private static void check(Ast.Statement statement) {
        Ast.Span statementSpan =
                statement instanceof Ast.Correlate c ? c.span() : statement instanceof Ast.Regress r ? r.span() : null;
        if (statementSpan != null && (statementSpan.amount() < 1 || years(statementSpan) > MAX_SPAN_YEARS)) {
            throw new ApiProblem(QUERY_INVALID, "Spans run from 1d to " + MAX_SPAN_YEARS + "y.");
        }
        Set<String> symbols = new java.util.HashSet<>(statement.symbols());
        for (Ast.Metric metric : statement.metrics()) {
            Function function = FUNCTIONS.get(metric.name());
            if (metric.arguments().size() > function.kinds().size()) {
                throw new ApiProblem(
                        QUERY_INVALID,
                        metric.name() + " takes at most " + function.kinds().size() + " arguments; " + metric.text()
                                + " has " + metric.arguments().size() + ".");
            }
            List<Ast.Argument> arguments = withDefaults(metric, function);
            for (int i = 0; i < arguments.size(); i++) {
                Ast.Argument argument = arguments.get(i);
                if (argument == null) {
                    throw new ApiProblem(
                            QUERY_INVALID,
                            metric.name() + " needs argument " + (i + 1) + ", e.g. " + metric.name() + "(SPY, 1y).");
                }
                Class<? extends Ast.Argument> kind = function.kinds().get(i);
                if (!kind.isInstance(argument)) {
                    throw new ApiProblem(
                            QUERY_INVALID,
                            metric.text() + ": argument " + (i + 1) + " must be " + describe(kind) + ".");
                }
                if (argument instanceof Ast.Number number
                        && (number.value() < 1
                                || number.value() > 1_000
                                || number.value() != Math.rint(number.value()))) {
                    throw new ApiProblem(QUERY_INVALID, metric.text() + ": periods are whole numbers from 1 to 1000.");
                }
                if (argument instanceof Ast.Span span && (span.amount() < 1 || years(span) > MAX_SPAN_YEARS)) {
                    throw new ApiProblem(
                            QUERY_INVALID, metric.text() + ": spans run from 1d to " + MAX_SPAN_YEARS + "y.");
                }
                if (argument instanceof Ast.Symbol symbol) {
                    symbols.add(symbol.symbol());
                }
            }
        }
        if (symbols.size() > MAX_SYMBOLS) {
            throw new ApiProblem(QUERY_INVALID, "A statement reaches at most " + MAX_SYMBOLS + " symbols.");
        }
    }

    private static List<Ast.Argument> withDefaults(Ast.Metric metric, Function function) {
        List<Ast.Argument> arguments = new ArrayList<>(function.defaults());
        for (int i = 0; i < metric.arguments().size(); i++) {
            arguments.set(i, metric.arguments().get(i));
        }
        return arguments;
    }

    /**
     * Calendar days of history the query needs: its longest span, plus three calendar days per
     * session of its longest indicator period so that recursive indicators have warmed up.
     */
    private static int historyDays(List<Ast.Statement> statements) {
        double years = 0;
        double period = 0;
        for (Ast.Statement statement : statements) {
            for (Ast.Metric metric : statement.metrics()) {
                for (Ast.Argument argument : withDefaults(metric, FUNCTIONS.get(metric.name()))) {
                    if (argument instanceof Ast.Span span) {
                        years = Math.max(years, years(span));
                    } else if (argument instanceof Ast.Number number) {
                        period = Math.max(period, number.value());
                    }
                }
            }
        }
        for (Ast.Statement statement : statements) {
            if (statement instanceof Ast.Correlate correlate) {
                years = Math.max(years, years(correlate.span()));
            } else if (statement instanceof Ast.Regress regress) {
                years = Math.max(years, years(regress.span()));
            }
        }
        return (int) Math.ceil(years * 366) + (int) period * 3 + 10;
    }

    private Context context(String symbol, Map<String, Context> fetched, int days) {
        Context known = fetched.get(symbol);
        if (known != null) {
            return known;
        }
        LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        // Fetched once per symbol and query, however many metrics and statements use it.
        OhlcvSeries bars = marketData
                .bars(BarRequest.withDefaults(symbol, BarInterval.ONE_DAY, to.minusDays(days), to, clock))
                .bars();
        AssetClass assetClass = marketData.instrument(symbol).orElseThrow().assetClass();
        Context context = new Context(
                symbol, bars, assetClass == AssetClass.CRYPTO ? 365 : 252, other -> context(other, fetched, days));
        fetched.put(symbol, context);
        return context;
    }

    private static Map<String, Function> functions() {
        Map<String, Function> all = new LinkedHashMap<>();
        all.put(
                "PRICE",
                new Function(List.of(), List.of(), (c, a) -> last(c.bars().closes())));
        all.put(
                "VOLUME",
                new Function(
                        List.of(),
                        List.of(),
                        (c, a) -> c.bars().isEmpty()
                                ? null
                                : c.bars().volume(c.bars().size() - 1)));
        all.put("CHANGE", new Function(List.of(Ast.Span.class), Arrays.asList(ONE_DAY), (c, a) -> {
            double[] closes = tail(c.bars().closes(), bars(c, a.get(0)) + 1);
            return closes.length < 2 ? null : (closes[closes.length - 1] / closes[0] - 1) * 100;
        }));
        all.put("PRICE_CHANGE", all.get("CHANGE"));
        all.put("VOLATILITY", new Function(List.of(Ast.Span.class), Arrays.asList(ONE_YEAR), (c, a) -> {
            double[] closes = tail(c.bars().closes(), bars(c, a.get(0)) + 1);
            return closes.length < 3 ? null : RiskMetrics.volatility(Returns.simple(closes), c.perYear());
        }));
        all.put("SHARPE", new Function(List.of(Ast.Span.class), Arrays.asList(ONE_YEAR), (c, a) -> {
            double[] closes = tail(c.bars().closes(), bars(c, a.get(0)) + 1);
            return closes.length < 3 ? null : finite(RiskMetrics.sharpe(Returns.simple(closes), 0, c.perYear()));
        }));
        all.put("MAX_DRAWDOWN", new Function(List.of(Ast.Span.class), Arrays.asList(ONE_YEAR), (c, a) -> {
            double[] closes = tail(c.bars().closes(), bars(c, a.get(0)) + 1);
            return closes.length < 2 ? null : RiskMetrics.maxDrawdown(closes).depth() * 100;
        }));
        all.put("AVG_VOLUME", new Function(List.of(Ast.Span.class), Arrays.asList(THIRTY_DAYS), (c, a) -> {
            int n = Math.min(c.bars().size(), bars(c, a.get(0)));
            double total = 0;
            for (int i = c.bars().size() - n; i < c.bars().size(); i++) {
                total += c.bars().volume(i);
            }
            return n == 0 ? null : total / n;
        }));
        all.put(
                "RSI",
                new Function(
                        List.of(Ast.Number.class),
                        Arrays.asList(new Ast.Number(14)),
                        (c, a) -> last(Rsi.of(c.bars().closes(), period(a.get(0))))));
        all.put(
                "SMA",
                new Function(
                        List.of(Ast.Number.class),
                        Arrays.asList(new Ast.Number(30)),
                        (c, a) -> last(Sma.of(c.bars().closes(), period(a.get(0))))));
        all.put(
                "EMA",
                new Function(
                        List.of(Ast.Number.class),
                        Arrays.asList(new Ast.Number(30)),
                        (c, a) -> last(Ema.of(c.bars().closes(), period(a.get(0))))));
        all.put(
                "MACD",
                new Function(
                        List.of(Ast.Number.class, Ast.Number.class, Ast.Number.class),
                        Arrays.asList(new Ast.Number(12), new Ast.Number(26), new Ast.Number(9)),
                        (c, a) -> last(Macd.of(c.bars().closes(), period(a.get(0)), period(a.get(1)), period(a.get(2)))
                                .macd())));
        all.put(
                "MACD_HIST",
                new Function(
                        List.of(Ast.Number.class, Ast.Number.class, Ast.Number.class),
                        Arrays.asList(new Ast.Number(12), new Ast.Number(26), new Ast.Number(9)),
                        (c, a) -> last(Macd.of(c.bars().closes(), period(a.get(0)), period(a.get(1)), period(a.get(2)))
                                .histogram())));
        all.put(
                "CORRELATE",
                new Function(List.of(Ast.Symbol.class, Ast.Span.class), Arrays.asList(null, ONE_YEAR), (c, a) -> {
                    Context other = c.other().apply(((Ast.Symbol) a.get(0)).symbol());
                    Alignment.Aligned aligned = Alignment.closes(List.of(c.bars(), other.bars()));
                    int n = Math.min(aligned.times().length, bars(c, a.get(1)) + 1);
                    if (n < 3) {
                        return null;
                    }
                    double[] mine = Returns.log(tail(aligned.closes()[0], n));
                    double[] theirs = Returns.log(tail(aligned.closes()[1], n));
                    return finite(Correlation.correlation(mine, theirs));
                }));
        return java.util.Collections.unmodifiableMap(all);
    }

    /** Sessions in a span for this instrument. */
    private static int bars(Context context, Ast.Argument argument) {
        Ast.Span span = (Ast.Span) argument;
        double perUnit = switch (span.unit()) {
            case 'd' -> 1;
            case 'w' -> context.perYear() / 52.0;
            case 'm' -> context.perYear() / 12.0;
            default -> context.perYear();
        };
        return (int) Math.round(span.amount() * perUnit);
    }

    private static double years(Ast.Span span) {
        return switch (span.unit()) {
            case 'd' -> span.amount() / 252.0;
            case 'w' -> span.amount() / 52.0;
            case 'm' -> span.amount() / 12.0;
            default -> span.amount();
        };
    }

    private static int period(Ast.Argument argument) {
        return (int) ((Ast.Number) argument).value();
    }

    private static double[] tail(double[] values, int n) {
        return Arrays.copyOfRange(values, Math.max(0, values.length - n), values.length);
    }

    private static Double last(double[] values) {
        return values.length == 0 ? null : finite(values[values.length - 1]);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String describe(Class<? extends Ast.Argument> kind) {
        return kind == Ast.Span.class
                ? "a span such as 30d or 1y"
                : kind == Ast.Number.class ? "a whole number" : "a symbol";
    }
}
