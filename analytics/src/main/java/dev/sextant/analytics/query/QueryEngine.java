package dev.sextant.analytics.query;

import dev.sextant.analytics.Units;
import dev.sextant.analytics.risk.Correlation;
import dev.sextant.analytics.risk.Ols;
import dev.sextant.analytics.risk.Returns;
import dev.sextant.analytics.series.Alignment;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.analytics.series.Resample;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Runs FK-DSL: parses and checks a query against its {@link QueryLimits}, then, statement by
 * statement, fetches every series the statement needs once (through {@link Data}, on the calling
 * thread) and computes it. A SCAN evaluates its universe's symbols in parallel; each symbol
 * computes each metric once, however often the condition names it. Framework-free: the server
 * supplies the data.
 */
public final class QueryEngine {

    /**
     * A column of a result table: its name, its type ({@code string} or {@code number}) and, for a
     * number, its unit ({@link Units}: fractions for returns, changes, drawdowns and volatility).
     *
     * @param unit null for a text column
     */
    public record Column(String name, String type, String unit) {
        static Column text(String name) {
            return new Column(name, "string", null);
        }

        static Column number(String name, String unit) {
            return new Column(name, "number", unit);
        }

        static Column metric(Ast.Metric metric) {
            return number(metric.text(), Metrics.of(metric).unit());
        }
    }

    /** A typed result table. */
    public record Table(List<Column> columns, List<List<Object>> rows) {}

    /** One symbol's daily bars and how many sessions make its year (252, or 365 for crypto). */
    public record Series(String symbol, OhlcvSeries bars, int sessionsPerYear) {}

    /** Where a query's data comes from. Called on the thread that runs the query. */
    public interface Data {
        /** Daily bars reaching back at least {@link #historyDays} calendar days. */
        Series series(String symbol);

        /** The symbols of a named universe, if there is one by that name. */
        Optional<List<String>> universe(String name);
    }

    /** Without {@code OVER}, MACRO ... -> REGRESSION uses five years of monthly data. */
    static final Ast.Span MACRO_SPAN = new Ast.Span(5, 'y');

    /** Scans over fewer symbols than this run on the calling thread alone. */
    private static final int PARALLEL_FROM = 64;

    private final QueryLimits limits;

    public QueryEngine(QueryLimits limits) {
        this.limits = limits;
    }

    /** The metric names, for error hints elsewhere. */
    public static Set<String> metricNames() {
        return Metrics.ALL.keySet();
    }

    /**
     * Parses and checks a query before anything is fetched.
     *
     * @throws DslSyntaxError when it does not parse
     * @throws QueryInvalid when it breaks a limit or a metric's rules
     */
    public List<Ast.Statement> parse(String text) {
        List<Ast.Statement> statements = Parser.parse(
                text, metricNames(), name -> NearestName.to(name, metricNames()), Metrics::outputs, limits.maxDepth());
        if (statements.size() > limits.maxStatements()) {
            throw new QueryInvalid("A query holds at most " + limits.maxStatements() + " statements.");
        }
        statements.forEach(this::check);
        return statements;
    }

    /**
     * Calendar days of history the statements need: the longest span, plus three calendar days per
     * session of the longest indicator period so that recursive indicators have warmed up.
     */
    public int historyDays(List<Ast.Statement> statements) {
        double years = 0;
        double period = 0;
        for (Ast.Statement statement : statements) {
            for (Ast.Metric metric : statement.metrics()) {
                for (Ast.Argument argument : Metrics.of(metric).withDefaults(metric)) {
                    if (argument instanceof Ast.Span span) {
                        years = Math.max(years, Metrics.years(span));
                    } else if (argument instanceof Ast.Number number) {
                        period = Math.max(period, number.value());
                    }
                }
            }
            Ast.Span span = statementSpan(statement);
            if (span != null) {
                years = Math.max(years, Metrics.years(span));
            }
            if (statement instanceof Ast.Macro macro) {
                // A year for the latest values' change; a month more for the first monthly difference.
                years = Math.max(years, macro.regressOn() == null ? 1 : Metrics.years(macroSpan(macro)) + 1 / 12.0);
            }
        }
        return (int) Math.ceil(years * 366) + (int) period * 3 + 10;
    }

    /** Runs checked statements, one table each. */
    public List<Table> run(List<Ast.Statement> statements, Data data) {
        ComputeBudget budget = new ComputeBudget(limits.computeTime());
        List<Table> tables = new ArrayList<>();
        for (Ast.Statement statement : statements) {
            if (statement instanceof Ast.Scan scan && scan.where() != null) {
                checkDepth(scan.where()); // statements may be built without the parser
            }
            List<String> universe = statement instanceof Ast.Scan scan ? universe(scan, data) : List.of();
            Map<String, Metrics.Context> contexts = fetch(statement, universe, data);
            budget.start();
            try {
                tables.add(
                        switch (statement) {
                            case Ast.Scan scan ->
                                scan(scan, universe.stream().map(contexts::get).toList(), budget);
                            case Ast.Correlate correlate -> correlate(correlate, contexts);
                            case Ast.Regress regress -> regress(regress, contexts);
                            case Ast.Macro macro ->
                                macro.regressOn() == null
                                        ? macroLatest(macro, contexts)
                                        : macroRegression(macro, contexts);
                            case Ast.Evaluate evaluate -> metricRows(evaluate, contexts, budget);
                            case Ast.Compare compare -> metricRows(compare, contexts, budget);
                        });
            } finally {
                budget.stop();
            }
        }
        return tables;
    }

    private List<String> universe(Ast.Scan scan, Data data) {
        List<String> universe = data.universe(scan.universe())
                .orElseThrow(() -> new QueryInvalid(
                        "Unknown universe '" + scan.universe() + "'; GET /api/v1/universes lists them."));
        if (universe.size() > limits.maxUniverseSymbols()) {
            throw new QueryInvalid("A SCAN runs over at most " + limits.maxUniverseSymbols() + " symbols; "
                    + scan.universe() + " has " + universe.size() + ".");
        }
        return List.copyOf(new LinkedHashSet<>(universe));
    }

    /** Every series the statement reads, fetched once, before computing starts. */
    private static Map<String, Metrics.Context> fetch(Ast.Statement statement, List<String> universe, Data data) {
        Set<String> symbols = new LinkedHashSet<>(statement.symbols());
        symbols.addAll(universe);
        for (Ast.Metric metric : statement.metrics()) {
            for (Ast.Argument argument : Metrics.of(metric).withDefaults(metric)) {
                if (argument instanceof Ast.Symbol symbol) {
                    symbols.add(symbol.symbol());
                }
            }
        }
        Map<String, Metrics.Context> contexts = new HashMap<>();
        for (String symbol : symbols) {
            Series series = data.series(symbol);
            contexts.put(symbol, new Metrics.Context(symbol, series.bars(), series.sessionsPerYear(), contexts::get));
        }
        return contexts;
    }

    private static Table metricRows(
            Ast.Statement statement, Map<String, Metrics.Context> contexts, ComputeBudget budget) {
        List<Column> columns = new ArrayList<>(List.of(Column.text("symbol")));
        statement.metrics().forEach(m -> columns.add(Column.metric(m)));
        List<List<Object>> rows = new ArrayList<>();
        for (String symbol : statement.symbols()) {
            budget.check();
            Metrics.Context context = contexts.get(symbol);
            List<Object> row = new ArrayList<>();
            row.add(symbol);
            for (Ast.Metric metric : statement.metrics()) {
                row.add(Metrics.of(metric).value(context, metric));
            }
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    private record Match(String symbol, Map<String, Double> values) {}

    /**
     * Every symbol of the universe that meets the condition, with the value of each metric the
     * statement uses, ordered and limited. A condition on a value that cannot be computed is false.
     */
    private static Table scan(Ast.Scan scan, List<Metrics.Context> universe, ComputeBudget budget) {
        List<Ast.Metric> metrics = scan.metrics();
        IntStream indexes = IntStream.range(0, universe.size());
        if (universe.size() >= PARALLEL_FROM) {
            indexes = indexes.parallel();
        }
        List<Match> matches = new ArrayList<>(indexes.mapToObj(i -> {
                    budget.check();
                    return match(scan, metrics, universe.get(i));
                })
                .filter(Objects::nonNull)
                .toList());
        if (scan.orderBy() != null) {
            String key = scan.orderBy().text();
            Comparator<Double> direction =
                    scan.descending() ? Comparator.<Double>reverseOrder() : Comparator.<Double>naturalOrder();
            matches.sort(Comparator.comparing(m -> m.values().get(key), Comparator.nullsLast(direction)));
        }
        List<Column> columns = new ArrayList<>(List.of(Column.text("symbol")));
        metrics.forEach(m -> columns.add(Column.metric(m)));
        List<List<Object>> rows = new ArrayList<>();
        for (Match match : matches.subList(0, Math.min(scan.limit(), matches.size()))) {
            List<Object> row = new ArrayList<>();
            row.add(match.symbol());
            metrics.forEach(m -> row.add(match.values().get(m.text())));
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    private static Match match(Ast.Scan scan, List<Ast.Metric> metrics, Metrics.Context context) {
        Map<String, Double> values = new HashMap<>();
        java.util.function.Function<Ast.Metric, Double> value = metric -> {
            // Not computeIfAbsent: a null value (not computable) is remembered too.
            if (values.containsKey(metric.text())) {
                return values.get(metric.text());
            }
            Double computed = Metrics.of(metric).value(context, metric);
            values.put(metric.text(), computed);
            return computed;
        };
        if (scan.where() != null && !Conditions.holds(scan.where(), value)) {
            return null;
        }
        metrics.forEach(value::apply);
        return new Match(context.symbol(), values);
    }

    /** Correlations of log returns over the span, each pair on the bars both have. */
    private static Table correlate(Ast.Correlate statement, Map<String, Metrics.Context> contexts) {
        List<Column> columns = new ArrayList<>(List.of(Column.text("symbol")));
        statement.columns().forEach(symbol -> columns.add(Column.number(symbol, Units.CORRELATION)));
        List<List<Object>> rows = new ArrayList<>();
        for (String rowSymbol : statement.rows()) {
            Metrics.Context row = contexts.get(rowSymbol);
            List<Object> values = new ArrayList<>(List.of(rowSymbol));
            for (String columnSymbol : statement.columns()) {
                if (columnSymbol.equals(rowSymbol)) {
                    values.add(1.0);
                    continue;
                }
                Alignment.Aligned aligned = Alignment.closes(
                        List.of(row.bars(), contexts.get(columnSymbol).bars()));
                int n = Math.min(aligned.times().length, Metrics.sessions(row, statement.span()) + 1);
                values.add(
                        n < 3
                                ? null
                                : Metrics.finite(Correlation.correlation(
                                        Returns.log(Metrics.tail(aligned.closes()[0], n)),
                                        Returns.log(Metrics.tail(aligned.closes()[1], n)))));
            }
            rows.add(values);
        }
        return new Table(columns, rows);
    }

    /** Least squares of one symbol's simple returns on others', over the span of common bars. */
    private static Table regress(Ast.Regress statement, Map<String, Metrics.Context> contexts) {
        List<OhlcvSeries> series = new ArrayList<>();
        for (String symbol : statement.symbols()) {
            series.add(contexts.get(symbol).bars());
        }
        Alignment.Aligned aligned = Alignment.closes(series);
        Metrics.Context dependent = contexts.get(statement.dependent());
        int n = Math.min(aligned.times().length, Metrics.sessions(dependent, statement.span()) + 1);
        if (n - 1 <= statement.regressors().size() + 1) {
            throw new QueryInvalid("REGRESS needs more common bars than regressors; the span holds " + n + ".");
        }
        double[] y = Returns.simple(Metrics.tail(aligned.closes()[0], n));
        double[][] x = new double[statement.regressors().size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = Returns.simple(Metrics.tail(aligned.closes()[i + 1], n));
        }
        return olsTable(fit(y, x, "REGRESS"), statement.regressors());
    }

    /** Each series' latest value, when it was observed, and its change from a year before. */
    private static Table macroLatest(Ast.Macro statement, Map<String, Metrics.Context> contexts) {
        List<Column> columns = List.of(
                Column.text("symbol"),
                Column.number("value", Units.SERIES_UNIT),
                new Column("asOf", "string", Units.DATE),
                Column.number("change1y", Units.SERIES_UNIT));
        List<List<Object>> rows = new ArrayList<>();
        for (String symbol : statement.series()) {
            OhlcvSeries bars = contexts.get(symbol).bars();
            if (bars.isEmpty()) {
                rows.add(Arrays.asList(symbol, null, null, null));
                continue;
            }
            int last = bars.size() - 1;
            long yearBefore = Instant.ofEpochSecond(bars.time(last))
                    .atZone(ZoneOffset.UTC)
                    .minusYears(1)
                    .toEpochSecond();
            int before = bars.indexAtOrAfter(yearBefore + 1) - 1;
            rows.add(Arrays.asList(
                    symbol,
                    bars.close(last),
                    Instant.ofEpochSecond(bars.time(last))
                            .atZone(ZoneOffset.UTC)
                            .toLocalDate()
                            .toString(),
                    before < 0 ? null : Metrics.finite(bars.close(last) - bars.close(before))));
        }
        return new Table(columns, rows);
    }

    /**
     * The symbol's monthly simple returns on the series' monthly changes (differences of their
     * month-end values), over the months all of them have: macro series are monthly or daily and
     * in levels or percent, so months and differences are what they share.
     */
    private static Table macroRegression(Ast.Macro statement, Map<String, Metrics.Context> contexts) {
        List<OhlcvSeries> monthly = new ArrayList<>();
        monthly.add(Resample.to(contexts.get(statement.regressOn()).bars(), BarInterval.ONE_MONTH));
        for (String symbol : statement.series()) {
            monthly.add(Resample.to(contexts.get(symbol).bars(), BarInterval.ONE_MONTH));
        }
        Alignment.Aligned aligned = Alignment.closes(monthly);
        int months = (int) Math.round(Metrics.years(macroSpan(statement)) * 12);
        int n = Math.min(aligned.times().length, months + 1);
        if (n - 1 <= statement.series().size() + 1) {
            throw new QueryInvalid("MACRO regression needs more common months than series; the span holds " + n + ".");
        }
        double[] y = Returns.simple(Metrics.tail(aligned.closes()[0], n));
        double[][] x = new double[statement.series().size()][];
        for (int i = 0; i < x.length; i++) {
            double[] levels = Metrics.tail(aligned.closes()[i + 1], n);
            x[i] = new double[n - 1];
            for (int t = 1; t < n; t++) {
                x[i][t - 1] = levels[t] - levels[t - 1];
            }
        }
        return olsTable(fit(y, x, "MACRO regression"), statement.series());
    }

    private static Ols.Fit fit(double[] y, double[][] x, String what) {
        try {
            return Ols.fit(y, x);
        } catch (IllegalArgumentException e) {
            throw new QueryInvalid(what + ": " + e.getMessage() + ".");
        }
    }

    private static Table olsTable(Ols.Fit fit, List<String> regressors) {
        List<Column> columns = List.of(
                Column.text("term"),
                Column.number("coefficient", Units.COEFFICIENT),
                Column.number("standardError", Units.COEFFICIENT),
                Column.number("tStatistic", Units.T_STATISTIC),
                Column.number("rSquared", Units.FRACTION),
                Column.number("observations", Units.COUNT));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < fit.coefficients().length; i++) {
            rows.add(Arrays.asList(
                    i == 0 ? "INTERCEPT" : regressors.get(i - 1),
                    Metrics.finite(fit.coefficients()[i]),
                    Metrics.finite(fit.standardErrors()[i]),
                    Metrics.finite(fit.tStatistics()[i]),
                    Metrics.finite(fit.rSquared()),
                    (double) fit.observations()));
        }
        return new Table(columns, rows);
    }

    /** Spans, metrics' arguments and symbol counts, before anything is fetched. */
    private void check(Ast.Statement statement) {
        if (statement instanceof Ast.Scan scan && scan.where() != null) {
            checkDepth(scan.where());
        }
        Ast.Span span = statementSpan(statement);
        if (span != null) {
            Metrics.checkSpan(span, limits.maxSpanYears(), "Spans");
        }
        if (statement instanceof Ast.Scan scan && (scan.limit() < 1 || scan.limit() > limits.maxRows())) {
            throw new QueryInvalid("LIMIT runs from 1 to " + limits.maxRows() + ".");
        }
        Set<String> symbols = new HashSet<>(statement.symbols());
        for (Ast.Metric metric : statement.metrics()) {
            Metrics.check(metric, limits, symbols);
        }
        if (symbols.size() > limits.maxSymbols()) {
            throw new QueryInvalid("A statement reaches at most " + limits.maxSymbols() + " symbols.");
        }
    }

    /**
     * The evaluator recurses once per level of a condition: a tree deeper than the limit (one not
     * built by the parser, which refuses them with their line and column) is refused here, walked
     * without recursion so that the check itself cannot overflow.
     */
    private void checkDepth(Ast.Condition where) {
        record Level(Object node, int depth) {}
        java.util.ArrayDeque<Level> pending = new java.util.ArrayDeque<>();
        pending.push(new Level(where, 0));
        while (!pending.isEmpty()) {
            Level level = pending.pop();
            List<Object> children = switch (level.node()) {
                case Ast.And and -> List.of(and.left(), and.right());
                case Ast.Or or -> List.of(or.left(), or.right());
                case Ast.Comparison comparison -> List.of(comparison.left(), comparison.right());
                case Ast.Between between -> List.of(between.value(), between.low(), between.high());
                case Ast.Arithmetic arithmetic -> List.of(arithmetic.left(), arithmetic.right());
                default -> List.of();
            };
            if (!children.isEmpty() && level.depth() + 1 > limits.maxDepth()) {
                throw new QueryInvalid(
                        "A condition nests at most " + limits.maxDepth() + " levels of operators and parentheses.");
            }
            children.forEach(child -> pending.push(new Level(child, level.depth() + 1)));
        }
    }

    private static Ast.Span statementSpan(Ast.Statement statement) {
        return switch (statement) {
            case Ast.Correlate correlate -> correlate.span();
            case Ast.Regress regress -> regress.span();
            case Ast.Macro macro -> macro.span();
            default -> null;
        };
    }

    private static Ast.Span macroSpan(Ast.Macro macro) {
        return macro.span() == null ? MACRO_SPAN : macro.span();
    }
}
