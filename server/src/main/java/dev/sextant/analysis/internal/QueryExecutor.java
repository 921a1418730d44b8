package dev.sextant.analysis.internal;

import dev.sextant.alerts.Alerts;
import dev.sextant.analysis.Analysis;
import dev.sextant.analysis.AnalysisRefusals;
import dev.sextant.analysis.InputSource;
import dev.sextant.analytics.fundamentals.ReportedFact;
import dev.sextant.analytics.news.NewsItem;
import dev.sextant.analytics.query.Ast;
import dev.sextant.analytics.query.ComputeBudgetExceeded;
import dev.sextant.analytics.query.DslSyntaxError;
import dev.sextant.analytics.query.MetricHistory;
import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.analytics.query.QueryInvalid;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Fundamentals;
import dev.sextant.marketdata.MarketDataRefusals;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.NewsPage;
import dev.sextant.marketdata.NewsQuery;
import dev.sextant.marketdata.NewsService;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.watchlists.Universes;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Runs FK-DSL queries on the market-data layer: the analytics {@link QueryEngine} parses, checks,
 * plans and computes; this class hands it each symbol's daily bars over the {@link MetricHistory}
 * every metric is computed on, exactly those {@code GET /api/v1/bars} serves, and the caller's
 * universes.
 */
@Service
class QueryExecutor {

    private final MarketDataService marketData;
    private final NewsService news;
    private final Universes universes;
    private final Alerts alerts;
    private final Clock clock;
    private final QueryEngine engine;
    private final QueryAdmission admission;
    private final QueryPool pool;
    private final QueryMetrics metrics;
    private final int maxLength;
    private final int fetchConcurrency;

    QueryExecutor(
            MarketDataService marketData,
            NewsService news,
            Universes universes,
            Alerts alerts,
            Clock clock,
            QueryProperties properties,
            QueryAdmission admission,
            QueryPool pool,
            QueryMetrics metrics) {
        this.marketData = marketData;
        this.news = news;
        this.universes = universes;
        this.alerts = alerts;
        this.clock = clock;
        this.engine = new QueryEngine(properties.limits(), clock);
        this.admission = admission;
        this.pool = pool;
        this.metrics = metrics;
        this.maxLength = properties.maxLength();
        this.fetchConcurrency = properties.fetchConcurrency();
    }

    /**
     * Parses, admits and runs a query for {@code caller} (their watchlists are universes too; their
     * keys fetch the bars); a TRACK statement is stored as the caller's alert through the alerts face.
     *
     * @throws DomainException the query's syntax error, invalid query, compute limit or the caller's
     *     or the pool's limits ({@link AnalysisRefusals})
     */
    Analysis.QueryAnswer run(Caller caller, Analysis.QueryRequest request) {
        String text = request.text();
        if (text == null || text.isBlank()) {
            throw AnalysisRefusals.invalidParameter("query", "Send a query, e.g. EVALUATE AAPL: PRICE, RSI(14).");
        }
        if (text.length() > maxLength) {
            throw AnalysisRefusals.invalidParameter("query", "A query has at most " + maxLength + " characters.");
        }
        try {
            List<Ast.Statement> statements = engine.parse(text);
            List<Ast.Statement> computed = statements.stream()
                    .filter(statement -> !(statement instanceof Ast.Track))
                    .toList();
            List<QueryEngine.Table> tables = List.of();
            Provenance provenance = Provenance.of(List.of(), request.allowDemo(), "\"allowDemo\": true");
            if (!computed.isEmpty()) {
                try (QueryAdmission.Ticket ticket =
                        admission.admit(caller.user().value())) {
                    MarketData data = new MarketData(caller, request.allowDemo());
                    tables = engine.run(computed, data, charging(ticket));
                    provenance = data.provenance();
                }
            }
            // TRACKs are stored once every other statement has answered: a query that fails stores nothing.
            return new Analysis.QueryAnswer(
                    tracked(caller, statements, tables), provenance.demo(), provenance.mixed(), provenance.inputs());
        } catch (DslSyntaxError error) {
            throw new DomainException(
                    AnalysisRefusals.QUERY_SYNTAX,
                    error.getMessage(),
                    Map.of("line", error.line(), "column", error.column(), "expected", error.expected()));
        } catch (QueryInvalid invalid) {
            Map<String, Integer> where =
                    invalid.line() > 0 ? Map.of("line", invalid.line(), "column", invalid.column()) : Map.of();
            throw new DomainException(AnalysisRefusals.QUERY_INVALID, invalid.getMessage(), where);
        } catch (DomainException refused) {
            throw refused.refusal() == MarketDataRefusals.AMBIGUOUS_SYMBOL ? located(refused, text) : refused;
        } catch (ComputeBudgetExceeded exceeded) {
            throw new DomainException(
                    AnalysisRefusals.QUERY_TOO_EXPENSIVE,
                    exceeded.getMessage() + " Ask for fewer symbols, shorter spans or fewer statements.");
        }
    }

    /** An ambiguous symbol's refusal with where the query first writes it (its line and column). */
    private static DomainException located(DomainException refused, String text) {
        Object symbol = refused.details().get("symbol");
        int[] at = symbol == null ? null : wordAt(text, symbol.toString());
        if (at == null) {
            return refused;
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>(refused.details());
        details.put("line", at[0]);
        details.put("column", at[1]);
        return new DomainException(
                refused.refusal(), refused.getMessage() + " (line " + at[0] + ", column " + at[1] + ")", details);
    }

    /** Line and column (1-based) of the first whole-word, case-insensitive {@code word} in {@code text}. */
    static int[] wordAt(String text, String word) {
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        for (int from = upper.indexOf(word); from >= 0; from = upper.indexOf(word, from + 1)) {
            int end = from + word.length();
            if ((from == 0 || !symbolChar(upper.charAt(from - 1)))
                    && (end == upper.length() || !symbolChar(upper.charAt(end)))) {
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < from; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                return new int[] {line, from - lineStart + 1};
            }
        }
        return null;
    }

    private static boolean symbolChar(char c) {
        return Character.isLetterOrDigit(c) || c == '^' || c == '.' || c == '=' || c == '_' || c == '-';
    }

    /**
     * The statements' tables in order: each TRACK stored as the caller's alert (one row: its id,
     * symbol, condition and state), the others' tables as computed.
     */
    private List<QueryEngine.Table> tracked(
            Caller caller, List<Ast.Statement> statements, List<QueryEngine.Table> computed) {
        List<QueryEngine.Table> tables = new ArrayList<>();
        java.util.Iterator<QueryEngine.Table> next = computed.iterator();
        for (Ast.Statement statement : statements) {
            if (statement instanceof Ast.Track track) {
                Alerts.Alert alert = alerts.track(caller, track);
                tables.add(new QueryEngine.Table(
                        TRACK_COLUMNS,
                        List.of(List.of(
                                alert.id().toString(),
                                alert.symbol(),
                                alert.condition(),
                                alert.state().wireName())),
                        null,
                        null,
                        List.of()));
            } else {
                tables.add(next.next());
            }
        }
        return tables;
    }

    private static final List<QueryEngine.Column> TRACK_COLUMNS = List.of(
            new QueryEngine.Column("id", "string", null),
            new QueryEngine.Column("symbol", "string", null),
            new QueryEngine.Column("condition", "string", null),
            new QueryEngine.Column("state", "string", null));

    /**
     * Computes on the query pool, charging the time each statement computes (not the time it waits
     * for a thread) to the caller's budget.
     */
    private QueryEngine.Computer charging(QueryAdmission.Ticket ticket) {
        return new QueryEngine.Computer() {
            @Override
            public <T> T compute(Supplier<T> work) {
                return pool.compute(ticket.caller(), () -> {
                    long started = System.nanoTime();
                    try {
                        return work.get();
                    } finally {
                        Duration computed = Duration.ofNanos(System.nanoTime() - started);
                        ticket.charge(computed);
                        metrics.computed(computed);
                    }
                });
            }
        };
    }

    /** A symbol's bars as served, and how many sessions make its year. */
    private record Fetched(BarSeries bars, int sessionsPerYear) {}

    /** At most this many articles per symbol and statement: a decade of a busy symbol's news. */
    static final int MAX_NEWS = 10_000;

    /**
     * Bars through the market-data service, each symbol fetched at most once per query, recording
     * each series served. The symbols a statement announces ({@link #prefetch}) are fetched
     * concurrently, at most {@link QueryProperties#fetchConcurrency()} at a time; the engine then
     * takes them in its own order, so what is recorded, refused or failed is what a fetch one
     * symbol after the other would give. A query is one computation: once demo and real series meet
     * in it, it is refused (unless allowed) before anything is computed.
     */
    private final class MarketData implements QueryEngine.Data {
        private final Caller caller;
        private final boolean allowDemo;
        private final Map<String, QueryEngine.Series> fetched = new HashMap<>();
        private final Map<String, FanOut.Outcome<Fetched>> ahead = new HashMap<>();
        private final List<BarSeries> served = new ArrayList<>();
        private final List<Fundamentals> filings = new ArrayList<>();
        private final List<InputSource> newsRead = new ArrayList<>();
        private boolean anyDemo;
        private boolean anyReal;

        MarketData(Caller caller, boolean allowDemo) {
            this.caller = caller;
            this.allowDemo = allowDemo;
        }

        /**
         * Counts an input just recorded (bars, filings or news) as demo or real; once both have met
         * without the opt-in, refuses, naming the demo inputs met so far.
         */
        private void met(boolean demo) {
            anyDemo |= demo;
            anyReal |= !demo;
            if (anyDemo && anyReal && !allowDemo) {
                provenance();
            }
        }

        /** The series served so far; refuses them when demo and real data meet without the opt-in. */
        Provenance provenance() {
            return Provenance.of(served, filings, newsRead, allowDemo, "\"allowDemo\": true");
        }

        @Override
        public void prefetch(List<String> symbols, LocalDate asOf) {
            List<String> missing = symbols.stream()
                    .filter(symbol -> !fetched.containsKey(key(symbol, asOf)))
                    .toList();
            if (missing.size() < 2) {
                return;
            }
            FanOut.run(missing, fetchConcurrency, symbol -> fetchAhead(symbol, asOf))
                    .forEach((symbol, outcome) -> ahead.put(key(symbol, asOf), outcome));
        }

        /**
         * A series whose fetch waits on a provider or the bar store; null for a demo instrument,
         * whose bars are computed, not fetched: in parallel they would only take the cores that
         * request handling keeps, so the query's own thread computes them in turn.
         */
        private Fetched fetchAhead(String symbol, LocalDate to) {
            boolean demo =
                    marketData.instrument(caller, symbol).map(i -> i.demo()).orElse(false);
            return demo ? null : fetch(symbol, to);
        }

        @Override
        public QueryEngine.Series series(String symbol) {
            return series(symbol, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        }

        /** The bars up to {@code to} (a statement's AS OF), each symbol and date fetched once per query. */
        @Override
        public QueryEngine.Series series(String symbol, LocalDate to) {
            return fetched.computeIfAbsent(key(symbol, to), key -> take(symbol, to, ahead.remove(key)));
        }

        private static String key(String symbol, LocalDate to) {
            return symbol + "@" + to;
        }

        /** A series fetched ahead, or fetched now: recorded, and refused if it mixes demo with real data. */
        private QueryEngine.Series take(String symbol, LocalDate to, FanOut.Outcome<Fetched> ahead) {
            Fetched got = switch (ahead) {
                case null -> fetch(symbol, to);
                case FanOut.Outcome.Done<Fetched> done -> done.value();
                case FanOut.Outcome.Failed<Fetched> failed -> throw failed.failure();
            };
            BarSeries series = got.bars();
            served.add(series);
            met(series.demo());
            return new QueryEngine.Series(symbol, series.bars(), got.sessionsPerYear());
        }

        /** Safe on any thread: the caller is explicit, nothing is read from the request. */
        private Fetched fetch(String symbol, LocalDate to) {
            BarSeries series =
                    marketData.bars(caller, new BarRequest(symbol, BarInterval.ONE_DAY, MetricHistory.from(to), to));
            AssetClass assetClass =
                    marketData.instrument(caller, symbol).orElseThrow().assetClass();
            return new Fetched(series, assetClass == AssetClass.CRYPTO ? 365 : 252);
        }

        /**
         * The symbol's articles from the news layer, point in time: known by the end of {@code asOf}
         * (for today, now, after the news is brought up to date), every page of them, at most
         * {@value #MAX_NEWS} (the newest).
         */
        @Override
        public List<NewsItem> news(String symbol, LocalDate from, LocalDate asOf) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            List<NewsItem> items = new ArrayList<>();
            String cursor = null;
            do {
                NewsPage page =
                        news.news(caller, NewsQuery.days(symbol, from, asOf, asOf, today, NewsQuery.MAX_LIMIT, cursor));
                items.addAll(page.items());
                cursor = page.nextCursor();
                if (newsRead.stream().noneMatch(input -> input.symbol().equals(symbol))) {
                    newsRead.add(InputSource.of(page)); // once per symbol: the first page says where it came from
                    met(page.provenance().demo());
                }
            } while (cursor != null && items.size() < MAX_NEWS);
            return items.size() > MAX_NEWS ? List.copyOf(items.subList(0, MAX_NEWS)) : items;
        }

        /**
         * The symbol's facts filed by {@code asOf}, from the same market-data service the fundamentals
         * endpoint reads (the demo market's synthetic filings for a demo company). An instrument
         * without filings (a fund, a crypto pair, a company no provider reports) has none, and its
         * fundamental metrics are not computed; a provider that fails fails the statement, as bars do.
         * The filings read are recorded as inputs beside the bars, and count as demo or real like them.
         */
        @Override
        public List<ReportedFact> facts(String symbol, LocalDate asOf) {
            Fundamentals fundamentals;
            try {
                fundamentals = marketData.fundamentals(caller, symbol, asOf, Set.of());
            } catch (DomainException refused) {
                if (refused.refusal() == MarketDataRefusals.NO_DATA) {
                    return List.of();
                }
                throw refused;
            }
            filings.add(fundamentals);
            met(fundamentals.demo());
            return fundamentals.facts().stream()
                    .map(fact -> new ReportedFact(
                            fact.concept(),
                            fact.unit(),
                            fact.value(),
                            fact.periodStart(),
                            fact.periodEnd(),
                            fact.fiscalPeriod(),
                            fact.filed()))
                    .toList();
        }

        @Override
        public List<String> universeNames() {
            return universes.available(caller).stream()
                    .map(Universes.Universe::name)
                    .toList();
        }

        @Override
        public Optional<List<String>> universe(String name) {
            return universes.find(caller, name).map(Universes.Universe::symbols);
        }
    }
}
