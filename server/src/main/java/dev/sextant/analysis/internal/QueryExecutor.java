package dev.sextant.analysis.internal;

import dev.sextant.analytics.query.Ast;
import dev.sextant.analytics.query.ComputeBudgetExceeded;
import dev.sextant.analytics.query.MetricHistory;
import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.analytics.query.QueryInvalid;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Universes;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.ProblemType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Runs FK-DSL queries on the market-data layer: the analytics {@link QueryEngine} parses, checks,
 * plans and computes; this class hands it each symbol's daily bars, exactly those
 * {@code GET /api/v1/bars} serves for the range the query needs, and the caller's universes.
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

    QueryExecutor(MarketDataService marketData, Universes universes, Clock clock, QueryProperties properties) {
        this.marketData = marketData;
        this.universes = universes;
        this.clock = clock;
        this.engine = new QueryEngine(properties.limits());
    }

    /** @param owner the user asking (their watchlists are universes too) */
    List<QueryEngine.Table> run(String text, UUID owner) {
        try {
            List<Ast.Statement> statements = engine.parse(text);
            return engine.run(statements, new MarketData(owner, engine.historyDays(statements)));
        } catch (QueryInvalid invalid) {
            throw new ApiProblem(QUERY_INVALID, invalid.getMessage());
        } catch (ComputeBudgetExceeded exceeded) {
            throw new ApiProblem(
                    QUERY_TOO_EXPENSIVE,
                    exceeded.getMessage() + " Ask for fewer symbols, shorter spans or fewer statements.");
        }
    }

    /** Bars through the market-data service, each symbol fetched at most once per query. */
    private final class MarketData implements QueryEngine.Data {
        private final UUID owner;
        private final int days;
        private final java.util.Map<String, QueryEngine.Series> fetched = new java.util.HashMap<>();

        MarketData(UUID owner, int days) {
            this.owner = owner;
            this.days = days;
        }

        @Override
        public QueryEngine.Series series(String symbol) {
            return fetched.computeIfAbsent(symbol, this::fetch);
        }

        private QueryEngine.Series fetch(String symbol) {
            LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            var bars = marketData
                    .bars(new BarRequest(symbol, BarInterval.ONE_DAY, MetricHistory.from(to), to))
                    .bars();
            AssetClass assetClass = marketData.instrument(symbol).orElseThrow().assetClass();
            return new QueryEngine.Series(symbol, bars, assetClass == AssetClass.CRYPTO ? 365 : 252);
        }

        @Override
        public Optional<List<String>> universe(String name) {
            return universes.find(name, owner).map(Universes.Universe::symbols);
        }
    }
}
