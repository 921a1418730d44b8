package dev.sextant.analytics.query;

import dev.sextant.analytics.Units;
import dev.sextant.analytics.check.ComputeCheckpoint;
import dev.sextant.analytics.risk.Correlation;
import dev.sextant.analytics.risk.Granger;
import dev.sextant.analytics.risk.Ols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MACRO's analyses after the arrow besides REGRESSION, each on the same months: CORRELATION,
 * IMPACT and CAUSALITY (docs/DSL.md defines each).
 */
final class MacroAnalyses {

    /** Granger causality's lag, in months: fixed, so that answers compare across series and queries. */
    static final int GRANGER_LAG = 3;

    /**
     * The symbol's monthly simple returns and each series' monthly changes, aligned: {@code
     * changes[i][t]} is series i's change over the month of {@code returns[t]}.
     */
    record Months(List<String> series, double[] returns, double[][] changes) {}

    private MacroAnalyses() {}

    /** Each series' monthly changes against the symbol's monthly returns (Pearson). */
    static QueryEngine.Table correlation(Months months) {
        List<QueryEngine.Column> columns = List.of(
                QueryEngine.Column.text("series"),
                QueryEngine.Column.number("correlation", Units.CORRELATION),
                QueryEngine.Column.number("observations", Units.COUNT));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < months.series().size(); i++) {
            ComputeCheckpoint.reached();
            rows.add(Arrays.asList(
                    months.series().get(i),
                    Metrics.finite(Correlation.correlation(months.changes()[i], months.returns())),
                    (double) months.returns().length));
        }
        return new QueryEngine.Table(columns, rows);
    }

    /**
     * The regression's effect of a one-standard-deviation move: each series' coefficient in the
     * regression of the returns on all the series' changes, times the sample standard deviation of
     * that series' monthly changes, the change of the month's return (a fraction) the model expects
     * when that series moves one typical month and the others stay.
     */
    static QueryEngine.Table impact(Months months) {
        Ols.Fit fit = QueryEngine.fit(months.returns(), months.changes(), "MACRO impact");
        List<QueryEngine.Column> columns = List.of(
                QueryEngine.Column.text("series"),
                QueryEngine.Column.number("coefficient", Units.COEFFICIENT),
                QueryEngine.Column.number("standardDeviation", Units.SERIES_UNIT),
                QueryEngine.Column.number("impact", Units.FRACTION),
                QueryEngine.Column.number("tStatistic", Units.T_STATISTIC),
                QueryEngine.Column.number("observations", Units.COUNT));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < months.series().size(); i++) {
            double coefficient = fit.coefficients()[i + 1];
            double deviation = sampleDeviation(months.changes()[i]);
            rows.add(Arrays.asList(
                    months.series().get(i),
                    Metrics.finite(coefficient),
                    Metrics.finite(deviation),
                    Metrics.finite(coefficient * deviation),
                    Metrics.finite(fit.tStatistics()[i + 1]),
                    (double) fit.observations()));
        }
        return new QueryEngine.Table(columns, rows);
    }

    /** Granger causality of each series' changes on the symbol's returns at {@link #GRANGER_LAG} months. */
    static QueryEngine.Table causality(Months months) {
        List<QueryEngine.Column> columns = List.of(
                QueryEngine.Column.text("series"),
                QueryEngine.Column.number("lag", Units.COUNT),
                QueryEngine.Column.number("fStatistic", Units.F_STATISTIC),
                QueryEngine.Column.number("df1", Units.COUNT),
                QueryEngine.Column.number("df2", Units.COUNT),
                QueryEngine.Column.number("pValue", Units.PROBABILITY),
                QueryEngine.Column.number("observations", Units.COUNT));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < months.series().size(); i++) {
            ComputeCheckpoint.reached();
            Granger.Result result;
            try {
                result = Granger.test(months.returns(), months.changes()[i], GRANGER_LAG);
            } catch (IllegalArgumentException e) {
                throw new QueryInvalid("MACRO CAUSALITY of " + months.series().get(i) + ": " + e.getMessage() + ".");
            }
            rows.add(Arrays.asList(
                    months.series().get(i),
                    (double) result.lag(),
                    Metrics.finite(result.f()),
                    (double) result.df1(),
                    (double) result.df2(),
                    Metrics.finite(result.pValue()),
                    (double) result.observations()));
        }
        return new QueryEngine.Table(columns, rows);
    }

    private static double sampleDeviation(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
