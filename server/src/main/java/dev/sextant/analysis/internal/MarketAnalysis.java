package dev.sextant.analysis.internal;

import dev.sextant.analysis.Analysis;
import dev.sextant.platform.Caller;
import org.springframework.stereotype.Service;

/** The {@link Analysis} face: each kind of analysis is computed by its own class. */
@Service
class MarketAnalysis implements Analysis {

    private final IndicatorAnalysis indicators;
    private final RiskAnalysis risk;
    private final QueryExecutor queries;

    MarketAnalysis(IndicatorAnalysis indicators, RiskAnalysis risk, QueryExecutor queries) {
        this.indicators = indicators;
        this.risk = risk;
        this.queries = queries;
    }

    @Override
    public IndicatorSeries indicator(Caller caller, IndicatorRequest request) {
        return indicators.indicator(caller, request);
    }

    @Override
    public RiskReport risk(Caller caller, RiskRequest request) {
        return risk.risk(caller, request);
    }

    @Override
    public RollingSeries rolling(Caller caller, RollingRequest request) {
        return risk.rolling(caller, request);
    }

    @Override
    public CorrelationMatrix correlation(Caller caller, CorrelationRequest request) {
        return risk.correlation(caller, request);
    }

    @Override
    public RegressionFit regression(Caller caller, RegressionRequest request) {
        return risk.regression(caller, request);
    }

    @Override
    public QueryAnswer query(Caller caller, QueryRequest request) {
        return queries.run(caller, request);
    }
}
