package dev.sextant.analytics.query;

import dev.sextant.analytics.Units;
import dev.sextant.analytics.check.ComputeCheckpoint;
import dev.sextant.analytics.fundamentals.ReportedFact;
import dev.sextant.analytics.news.NewsItem;
import dev.sextant.analytics.risk.Correlation;
import dev.sextant.analytics.risk.Ols;
import dev.sextant.analytics.risk.Returns;
import dev.sextant.analytics.series.Alignment;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.analytics.series.Resample;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import java.util.function.Supplier;
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
     * A column of a result table: its name, its type ({@code string}, {@code number} or, for FIND's
     * {@code meets} and GET NEWS's {@code demo}, {@code boolean}) and, for a
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
            return number(metric.text(), Metrics.unit(metric));
        }
    }

    /**
     * A typed result table, and when it was evaluated.
     *
     * @param asOf the evaluation date (the {@code AS OF} or {@code TO} date, or today)
     * @param from the first day of the statement's {@code FROM ... TO} period, null without one
     * @param notes a note for each symbol not evaluated at that date: its data ends earlier (it is
     *     evaluated at its last bar, and the note says which) or it has no bars up to it
     */
    public record Table(List<Column> columns, List<List<Object>> rows, String asOf, String from, List<Note> notes) {
        public Table(List<Column> columns, List<List<Object>> rows) {
            this(columns, rows, null, null, List.of());
        }

        Table at(LocalDate asOf, LocalDate from, List<Note> notes) {
            return new Table(columns, rows, asOf.toString(), from == null ? null : from.toString(), notes);
        }
    }

    /**
     * A symbol evaluated at another date than the statement's.
     *
     * @param asOf the date of the bar it was evaluated at, null when it has none
     */
    public record Note(String symbol, String asOf, String note) {}

    /** A symbol whose last bar is more than this before the evaluation date gets a {@link Note}. */
    static final int STALE_AFTER_DAYS = 7;

    /** One symbol's daily bars and how many sessions make its year (252, or 365 for crypto). */
    public record Series(String symbol, OhlcvSeries bars, int sessionsPerYear) {}

    /**
     * Where a query's data comes from. Called on the thread that runs the query: {@link #prefetch}
     * first with every symbol a statement reads, then {@link #series(String, LocalDate)} for each
     * of them in the statement's order.
     */
    public interface Data {
        /** Daily bars of the {@link MetricHistory} up to today. */
        Series series(String symbol);

        /**
         * Daily bars of the {@link MetricHistory} up to {@code asOf}, inclusive. The engine uses only
         * those (it cuts off any later bar itself), so a source may answer more.
         */
        default Series series(String symbol, LocalDate asOf) {
            return series(symbol);
        }

        /** The symbols of a named universe, if there is one by that name. */
        Optional<List<String>> universe(String name);

        /** The universes' names, for the hint of an unknown one; none by default. */
        default List<String> universeNames() {
            return List.of();
        }

        /**
         * The series of {@code symbols} up to {@code asOf} are asked for next, in this order: a
         * source may fetch them ahead, e.g. concurrently. Best effort: a symbol it could not fetch
         * ahead is asked for again, and its failure is then the statement's. Nothing by default.
         */
        default void prefetch(List<String> symbols, LocalDate asOf) {}

        /**
         * The reported facts of {@code symbol}'s filings published on or before {@code asOf}, in any
         * order; empty for an instrument without filings (a fund, a crypto pair, the demo market
         * unless it has synthetic ones). A source may answer later filings too: the engine uses
         * only those filed by {@code asOf}.
         */
        default List<ReportedFact> facts(String symbol, LocalDate asOf) {
            return List.of();
        }

        /**
         * The articles about {@code symbol} published from {@code from} (inclusive) to the end of
         * {@code asOf} (UTC), among those known by the end of {@code asOf}, newest first. A source
         * may answer more: the engine uses only those known by the end of {@code asOf}.
         */
        default List<NewsItem> news(String symbol, LocalDate from, LocalDate asOf) {
            return List.of();
        }
    }

    /** Without {@code OVER}, MACRO ... -> REGRESSION uses five years of monthly data. */
    static final Ast.Span MACRO_SPAN = new Ast.Span(5, 'y');

    /** Scans over fewer symbols than this run on the calling thread alone. */
    private static final int PARALLEL_FROM = 64;

    private final QueryLimits limits;
    private final Clock clock;

    public QueryEngine(QueryLimits limits) {
        this(limits, Clock.systemUTC());
    }

    /** @param clock today's date (UTC) is the default evaluation date and the latest AS OF allowed */
    public QueryEngine(QueryLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
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
        statements.forEach(this::checkWhen);
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
                years = Math.max(
                        years,
                        macro.analysis() == Ast.MacroAnalysis.LATEST ? 1 : Metrics.years(macroSpan(macro)) + 1 / 12.0);
            }
        }
        return (int) Math.ceil(years * 366) + (int) period * 3 + 10;
    }

    /**
     * Where a statement's computing runs, once its data is fetched: the server puts it on a bounded
     * pool so that queries never take every core; a SCAN's parallel parts run where it runs.
     */
    public interface Computer {
        /** Computes on the calling thread. */
        Computer CALLING_THREAD = new Computer() {
            @Override
            public <T> T compute(Supplier<T> work) {
                return work.get();
            }
        };

        <T> T compute(Supplier<T> work);
    }

    /** Runs checked statements, one table each, computing on the calling thread. */
    public List<Table> run(List<Ast.Statement> statements, Data data) {
        return run(statements, data, Computer.CALLING_THREAD);
    }

    /**
     * Runs checked statements, one table each: fetches on the calling thread, computes through
     * {@code computer} under the query's compute budget, checked inside the kernels' loops too.
     */
    public List<Table> run(List<Ast.Statement> statements, Data data, Computer computer) {
        ComputeBudget budget = new ComputeBudget(limits.computeTime());
        List<Table> tables = new ArrayList<>();
        for (Ast.Statement statement : statements) {
            if (statement instanceof Ast.Scan scan && scan.where() != null) {
                checkDepth(scan.where()); // statements may be built without the parser
            }
            if (statement instanceof Ast.Track track) {
                checkDepth(track.condition());
            }
            List<String> universe = statement instanceof Ast.Scan scan ? universe(scan, data) : List.of();
            Ast.When when = statement.when();
            LocalDate asOf = when.asOf() != null ? when.asOf() : today();
            Map<String, Metrics.Context> contexts = fetch(statement, universe, data, asOf);
            List<NewsItem> news = statement instanceof Ast.Get get && get.item() == Ast.GetItem.NEWS
                    ? data.news(get.symbol(), FimlForms.newsFrom(when, asOf), asOf)
                    : List.of();
            Table table = computer.compute(() -> {
                budget.start();
                try {
                    return ComputeCheckpoint.under(
                            budget, () -> compute(statement, universe, contexts, news, asOf, budget));
                } finally {
                    budget.stop();
                }
            });
            tables.add(table.at(asOf, when.from(), notes(statement, table, contexts, asOf)));
        }
        return tables;
    }

    /**
     * A metric a condition reads and its value; null when it cannot be computed (which makes any
     * test on it false).
     */
    public record Reading(String metric, String unit, Double value) {}

    /**
     * Whether a TRACK's condition holds for its symbol at the last bar the data gives, and the value
     * of each metric it reads, in order of appearance.
     *
     * @param asOf the date of the last bar evaluated, null when the symbol has none
     */
    public record Evaluation(String symbol, boolean met, List<Reading> readings, String asOf) {
        public Evaluation {
            readings = List.copyOf(readings);
        }

        /** One row: the symbol, whether the condition is met, then each metric's value. */
        Table table() {
            List<Column> columns = new ArrayList<>(List.of(Column.text("symbol"), new Column("met", "boolean", null)));
            List<Object> row = new ArrayList<>(List.of(symbol, met));
            for (Reading reading : readings) {
                columns.add(Column.number(reading.metric(), reading.unit()));
                row.add(reading.value());
            }
            List<List<Object>> rows = new ArrayList<>();
            rows.add(row);
            return new Table(columns, rows);
        }
    }

    /**
     * Evaluates a checked TRACK (from {@link #parse}) for its symbol now: the data's latest daily bars,
     * which a caller watching a live price ends with a bar for today closing at that price. The
     * same metrics and condition evaluator as a SCAN, under the query's compute budget, on the
     * calling thread. Alerts evaluate their conditions here, so an alert and the query that tests it
     * by hand never disagree.
     */
    public Evaluation evaluate(Ast.Track track, Data data) {
        checkDepth(track.condition());
        Map<String, Metrics.Context> contexts = fetch(track, List.of(), data, today());
        ComputeBudget budget = new ComputeBudget(limits.computeTime());
        budget.start();
        try {
            return ComputeCheckpoint.under(budget, () -> evaluation(track, contexts.get(track.symbol())));
        } finally {
            budget.stop();
        }
    }

    private static Evaluation evaluation(Ast.Track track, Metrics.Context context) {
        Map<String, Double> values = new HashMap<>();
        java.util.function.Function<Ast.Metric, Double> value = metric -> {
            if (values.containsKey(metric.text())) {
                return values.get(metric.text());
            }
            ComputeCheckpoint.reached();
            Double computed = Metrics.of(metric).value(context, metric);
            values.put(metric.text(), computed);
            return computed;
        };
        boolean met = Conditions.holds(track.condition(), value);
        List<Reading> readings = new ArrayList<>();
        for (Ast.Metric metric : track.metrics()) {
            readings.add(new Reading(metric.text(), Metrics.of(metric).unit(), value.apply(metric)));
        }
        OhlcvSeries bars = context.bars();
        String asOf = bars.isEmpty()
                ? null
                : Instant.ofEpochSecond(bars.time(bars.size() - 1))
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .toString();
        return new Evaluation(track.symbol(), met, readings, asOf);
    }

    private Table compute(
            Ast.Statement statement,
            List<String> universe,
            Map<String, Metrics.Context> contexts,
            List<NewsItem> news,
            LocalDate asOf,
            ComputeBudget budget) {
        return switch (statement) {
            case Ast.Scan scan ->
                scan(scan, universe.stream().map(contexts::get).toList(), budget);
            case Ast.Correlate correlate -> correlate(correlate, contexts);
            case Ast.Regress regress -> regress(regress, contexts);
            case Ast.Macro macro ->
                switch (macro.analysis()) {
                    case LATEST -> macroLatest(macro, contexts);
                    case REGRESSION -> macroRegression(macro, contexts);
                    case CORRELATION -> MacroAnalyses.correlation(macroMonths(macro, contexts));
                    case IMPACT -> MacroAnalyses.impact(macroMonths(macro, contexts));
                    case CAUSALITY -> MacroAnalyses.causality(macroMonths(macro, contexts));
                };
            case Ast.Evaluate evaluate -> metricRows(evaluate, contexts, budget);
            case Ast.Compare compare -> metricRows(compare, contexts, budget);
            case Ast.Find find -> FimlForms.find(find, contexts.get(find.symbol()));
            case Ast.Analyze analyze -> FimlForms.analyze(analyze, contexts.get(analyze.symbol()), budget);
            case Ast.Get get -> FimlForms.get(get, contexts.get(get.symbol()), news, asOf, limits.maxRows(), budget);
            case Ast.Track track ->
                evaluation(track, contexts.get(track.symbol())).table();
        };
    }

    /**
     * A note for each symbol of the answer whose data ends more than {@link #STALE_AFTER_DAYS} before
     * the evaluation date (it was evaluated at its last bar) or that has no bars up to it. A SCAN
     * notes the symbols it answers, not every symbol of its universe.
     */
    private static List<Note> notes(
            Ast.Statement statement, Table table, Map<String, Metrics.Context> contexts, LocalDate asOf) {
        Set<String> symbols = new LinkedHashSet<>();
        if (statement instanceof Ast.Scan) {
            table.rows().forEach(row -> symbols.add((String) row.getFirst()));
        } else {
            symbols.addAll(statement.symbols());
        }
        symbols.addAll(argumentSymbols(statement));
        List<Note> notes = new ArrayList<>();
        for (String symbol : symbols) {
            Metrics.Context context = contexts.get(symbol);
            if (context == null) {
                continue;
            }
            OhlcvSeries bars = context.bars();
            if (bars.isEmpty()) {
                notes.add(new Note(symbol, null, symbol + " has no bars up to " + asOf + "."));
                continue;
            }
            LocalDate last = Instant.ofEpochSecond(bars.time(bars.size() - 1))
                    .atZone(ZoneOffset.UTC)
                    .toLocalDate();
            if (last.isBefore(asOf.minusDays(STALE_AFTER_DAYS))) {
                notes.add(new Note(
                        symbol,
                        last.toString(),
                        symbol + "'s data ends on " + last + ": evaluated at its last bar (" + last + "), not at "
                                + asOf + "."));
            }
        }
        return List.copyOf(notes);
    }

    private static Set<String> argumentSymbols(Ast.Statement statement) {
        Set<String> symbols = new LinkedHashSet<>();
        for (Ast.Metric metric : statement.metrics()) {
            for (Ast.Argument argument : Metrics.of(metric).withDefaults(metric)) {
                if (argument instanceof Ast.Symbol symbol) {
                    symbols.add(symbol.symbol());
                }
            }
        }
        return symbols;
    }

    private List<String> universe(Ast.Scan scan, Data data) {
        List<String> universe = data.universe(scan.universe())
                .orElseThrow(() -> new QueryInvalid(
                        "Unknown universe '" + scan.universe() + "'"
                                + NearestName.to(
                                                scan.universe().toUpperCase(java.util.Locale.ROOT),
                                                data.universeNames())
                                        .map(name -> "; did you mean " + name + "?")
                                        .orElse("")
                                + "; GET /api/v1/universes lists them.",
                        scan.line(),
                        scan.column()));
        if (universe.size() > limits.maxUniverseSymbols()) {
            throw new QueryInvalid("A SCAN runs over at most " + limits.maxUniverseSymbols() + " symbols; "
                    + scan.universe() + " has " + universe.size() + ".");
        }
        return List.copyOf(new LinkedHashSet<>(universe));
    }

    /**
     * Every series the statement reads, fetched once before computing starts, and cut at the
     * evaluation date's close: no bar after it is ever seen by a metric.
     */
    private static Map<String, Metrics.Context> fetch(
            Ast.Statement statement, List<String> universe, Data data, LocalDate asOf) {
        Set<String> symbols = new LinkedHashSet<>(statement.symbols());
        symbols.addAll(universe);
        symbols.addAll(argumentSymbols(statement));
        long end = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        LocalDate from = statement.when().from();
        Long periodFrom =
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        Map<String, Metrics.Context> contexts = new HashMap<>();
        boolean fundamental = statement.metrics().stream().anyMatch(m -> Metrics.FUNDAMENTAL.contains(m.name()));
        data.prefetch(List.copyOf(symbols), asOf);
        LocalDate newsFrom = newsFrom(statement, asOf);
        for (String symbol : symbols) {
            Series series = data.series(symbol, asOf);
            OhlcvSeries bars = series.bars().window(0, series.bars().indexAtOrAfter(end));
            // Facts as the bars: only what was public by the evaluation date counts (a source may
            // answer more; PointInTimeFigures leaves out every fact filed after asOf).
            Metrics.Figures figures =
                    fundamental ? new Metrics.Figures(data.facts(symbol, asOf), asOf) : Metrics.Figures.NONE;
            NewsFeed news = newsFrom == null ? NewsFeed.NONE : NewsFeed.of(data.news(symbol, newsFrom, asOf), end);
            contexts.put(
                    symbol,
                    new Metrics.Context(
                            symbol, bars, series.sessionsPerYear(), contexts::get, periodFrom, news, figures));
        }
        return contexts;
    }

    /** The first day of news the statement's news metrics read; null when it names none (nothing is fetched). */
    private static LocalDate newsFrom(Ast.Statement statement, LocalDate asOf) {
        LocalDate first = null;
        for (Ast.Metric metric : statement.metrics()) {
            if (NewsMetrics.isNews(metric)) {
                LocalDate day =
                        NewsMetrics.firstDay(metric, asOf, statement.when().from());
                first = first == null || day.isBefore(first) ? day : first;
            }
        }
        return first;
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
                budget.check();
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
        // Forked parts do not inherit the caller's checkpoint limit: each symbol binds it again.
        List<Match> matches = new ArrayList<>(indexes.mapToObj(i -> {
                    budget.check();
                    return ComputeCheckpoint.under(budget, () -> match(scan, metrics, universe.get(i)));
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
            ComputeCheckpoint.reached();
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
                ComputeCheckpoint.reached();
                if (columnSymbol.equals(rowSymbol)) {
                    values.add(1.0);
                    continue;
                }
                Alignment.Aligned aligned = Alignment.closes(
                        List.of(row.bars(), contexts.get(columnSymbol).bars()));
                int n = Metrics.closes(row, spanOrPeriod(statement.span()), aligned.times());
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
        int n = Metrics.closes(dependent, spanOrPeriod(statement.span()), aligned.times());
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
        MacroAnalyses.Months months = macroMonths(statement, contexts);
        return olsTable(fit(months.returns(), months.changes(), "MACRO regression"), statement.series());
    }

    /**
     * The months every analysis after MACRO's arrow works on: the symbol's monthly simple returns
     * and each series' monthly changes over the months all of them have, the span's last ones.
     */
    private static MacroAnalyses.Months macroMonths(Ast.Macro statement, Map<String, Metrics.Context> contexts) {
        List<OhlcvSeries> monthly = new ArrayList<>();
        monthly.add(Resample.to(contexts.get(statement.regressOn()).bars(), BarInterval.ONE_MONTH));
        for (String symbol : statement.series()) {
            monthly.add(Resample.to(contexts.get(symbol).bars(), BarInterval.ONE_MONTH));
        }
        Alignment.Aligned aligned = Alignment.closes(monthly);
        int n;
        if (statement.span() == null && statement.when().hasPeriod()) {
            n = Metrics.closes(contexts.get(statement.regressOn()), Metrics.PERIOD, aligned.times());
        } else {
            int months = (int) Math.round(Metrics.years(macroSpan(statement)) * 12);
            n = Math.min(aligned.times().length, months + 1);
        }
        int needed = statement.analysis() == Ast.MacroAnalysis.CAUSALITY
                ? 3 * MacroAnalyses.GRANGER_LAG + 2
                : statement.series().size() + 2;
        if (n - 1 < needed) {
            throw new QueryInvalid("MACRO " + statement.analysis() + " needs at least " + (needed + 1)
                    + " common months; the span holds " + Math.max(0, n) + ".");
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
        return new MacroAnalyses.Months(statement.series(), y, x);
    }

    static Ols.Fit fit(double[] y, double[][] x, String what) {
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

    /** An evaluation date no later than today; MACRO's latest values take AS OF, not a period. */
    private void checkWhen(Ast.Statement statement) {
        Ast.When when = statement.when();
        LocalDate today = today();
        if (when.asOf() != null && when.asOf().isAfter(today)) {
            throw new QueryInvalid(
                    (when.hasPeriod() ? "TO " : "AS OF ") + when.asOf() + " is in the future; today is " + today + ".",
                    when.line(),
                    when.column());
        }
        if (statement instanceof Ast.Macro macro && macro.analysis() == Ast.MacroAnalysis.LATEST && when.hasPeriod()) {
            throw new QueryInvalid(
                    "MACRO's latest values take AS OF, not FROM ... TO (the period is for -> REGRESSION).",
                    when.line(),
                    when.column());
        }
    }

    /** Spans, metrics' arguments and symbol counts, before anything is fetched. */
    private void check(Ast.Statement statement) {
        if (statement instanceof Ast.Scan scan && scan.where() != null) {
            checkDepth(scan.where());
        }
        if (statement instanceof Ast.Track track) {
            checkDepth(track.condition());
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

    /** A statement's span, or the period when FROM ... TO gives it. */
    private static Ast.Span spanOrPeriod(Ast.Span span) {
        return span == null ? Metrics.PERIOD : span;
    }

    private static Ast.Span macroSpan(Ast.Macro macro) {
        return macro.span() == null ? MACRO_SPAN : macro.span();
    }
}
