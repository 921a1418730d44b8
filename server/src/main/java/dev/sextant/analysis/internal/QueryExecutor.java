package dev.sextant.analysis.internal;

import dev.sextant.analysis.Analysis;
import dev.sextant.analysis.AnalysisRefusals;
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
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.watchlists.Universes;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Universes universes;
    private final Clock clock;
    private final QueryEngine engine;
    private final QueryAdmission admission;
    private final QueryPool pool;
    private final QueryMetrics metrics;
    private final int maxLength;

    QueryExecutor(
            MarketDataService marketData,
            Universes universes,
            Clock clock,
            QueryProperties properties,
            QueryAdmission admission,
            QueryPool pool,
            QueryMetrics metrics) {
        this.marketData = marketData;
        this.universes = universes;
        this.clock = clock;
        this.engine = new QueryEngine(properties.limits(), clock);
        this.admission = admission;
        this.pool = pool;
        this.metrics = metrics;
        this.maxLength = properties.maxLength();
    }

    /**
     * Parses, admits and runs a query for {@code caller} (their watchlists are universes too; their
     * keys fetch the bars).
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
            try (QueryAdmission.Ticket ticket = admission.admit(caller.user().value())) {
                MarketData data = new MarketData(caller, request.allowDemo());
                List<QueryEngine.Table> tables = engine.run(statements, data, charging(ticket));
                Provenance provenance = data.provenance();
                return new Analysis.QueryAnswer(tables, provenance.demo(), provenance.mixed(), provenance.inputs());
            }
        } catch (DslSyntaxError error) {
            throw new DomainException(
                    AnalysisRefusals.QUERY_SYNTAX,
                    error.getMessage(),
                    Map.of("line", error.line(), "column", error.column(), "expected", error.expected()));
        } catch (QueryInvalid invalid) {
            Map<String, Integer> where =
                    invalid.line() > 0 ? Map.of("line", invalid.line(), "column", invalid.column()) : Map.of();
            throw new DomainException(AnalysisRefusals.QUERY_INVALID, invalid.getMessage(), where);
        } catch (ComputeBudgetExceeded exceeded) {
            throw new DomainException(
                    AnalysisRefusals.QUERY_TOO_EXPENSIVE,
                    exceeded.getMessage() + " Ask for fewer symbols, shorter spans or fewer statements.");
        }
    }

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

    /**
     * Bars through the market-data service, each symbol fetched at most once per query, recording
     * each series served. A query is one computation: once demo and real series meet in it, it is
     * refused (unless allowed) before anything more is fetched or computed.
     */
    private final class MarketData implements QueryEngine.Data {
        private final Caller caller;
        private final boolean allowDemo;
        private final java.util.Map<String, QueryEngine.Series> fetched = new java.util.HashMap<>();
        private final List<BarSeries> served = new java.util.ArrayList<>();
        private boolean anyDemo;
        private boolean anyReal;

        MarketData(Caller caller, boolean allowDemo) {
            this.caller = caller;
            this.allowDemo = allowDemo;
        }

        /** The series served so far; refuses them when demo and real data meet without the opt-in. */
        Provenance provenance() {
            return Provenance.of(served, allowDemo, "\"allowDemo\": true");
        }

        @Override
        public QueryEngine.Series series(String symbol) {
            return series(symbol, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        }

        /** The bars up to {@code to} (a statement's AS OF), each symbol and date fetched once per query. */
        @Override
        public QueryEngine.Series series(String symbol, LocalDate to) {
            return fetched.computeIfAbsent(symbol + "@" + to, key -> fetch(symbol, to));
        }

        private QueryEngine.Series fetch(String symbol, LocalDate to) {
            BarSeries series =
                    marketData.bars(caller, new BarRequest(symbol, BarInterval.ONE_DAY, MetricHistory.from(to), to));
            served.add(series);
            anyDemo |= series.demo();
            anyReal |= !series.demo();
            if (anyDemo && anyReal && !allowDemo) {
                provenance(); // refuses, naming the demo series met so far
            }
            AssetClass assetClass =
                    marketData.instrument(caller, symbol).orElseThrow().assetClass();
            return new QueryEngine.Series(symbol, series.bars(), assetClass == AssetClass.CRYPTO ? 365 : 252);
        }

        @Override
        public Optional<List<String>> universe(String name) {
            return universes.find(caller, name).map(Universes.Universe::symbols);
        }
    }
}
