package dev.sextant.analysis.internal;

import dev.sextant.analytics.query.Ast;
import dev.sextant.analytics.query.ComputeBudgetExceeded;
import dev.sextant.analytics.query.MetricHistory;
import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.analytics.query.QueryInvalid;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Caller;
import dev.sextant.platform.ProblemType;
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

    static final ProblemType QUERY_INVALID = ProblemType.of("query-invalid", 400, "Invalid query");
    static final ProblemType QUERY_TOO_EXPENSIVE =
            ProblemType.of("query-too-expensive", 422, "Query needs too much computing");

    private final MarketDataService marketData;
    private final Universes universes;
    private final Clock clock;
    private final QueryEngine engine;
    private final QueryAdmission admission;
    private final QueryPool pool;
    private final QueryMetrics metrics;

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
    }

    /** A query's tables and the series they were computed from. */
    record Answer(List<QueryEngine.Table> tables, Provenance provenance) {}

    /**
     * @param caller who asks (their watchlists are universes too; their keys fetch the bars)
     * @param allowDemo compute even when demo and real series meet (refused otherwise)
     */
    Answer run(String text, Caller caller, boolean allowDemo) {
        try {
            List<Ast.Statement> statements = engine.parse(text);
            try (QueryAdmission.Ticket ticket = admission.admit(caller.user().value())) {
                MarketData data = new MarketData(caller, allowDemo);
                List<QueryEngine.Table> tables = engine.run(statements, data, charging(ticket));
                return new Answer(tables, data.provenance());
            }
        } catch (QueryInvalid invalid) {
            Map<String, Integer> where =
                    invalid.line() > 0 ? Map.of("line", invalid.line(), "column", invalid.column()) : Map.of();
            throw new ApiProblem(QUERY_INVALID, invalid.getMessage(), where);
        } catch (ComputeBudgetExceeded exceeded) {
            throw new ApiProblem(
                    QUERY_TOO_EXPENSIVE,
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
