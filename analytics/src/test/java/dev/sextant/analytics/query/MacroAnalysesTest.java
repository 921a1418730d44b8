package dev.sextant.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.series.OhlcvSeries;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * MACRO's CORRELATION, IMPACT and CAUSALITY through the engine against an independent
 * re-computation: month-end closes grouped here by calendar month (not by Resample), returns and
 * changes written out, and Commons Math's correlation, QR least squares and F distribution.
 */
class MacroAnalysesTest {

    private final QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);
    private final QueryEngineTest.Memory data = FimlCorpusTest.data();

    /** The last close of each calendar month, oldest first. */
    private static TreeMap<YearMonth, Double> monthEnds(OhlcvSeries bars) {
        TreeMap<YearMonth, Double> months = new TreeMap<>();
        for (int i = 0; i < bars.size(); i++) {
            YearMonth month = YearMonth.from(Instant.ofEpochSecond(bars.time(i)).atZone(ZoneOffset.UTC));
            months.put(month, bars.close(i));
        }
        return months;
    }

    /** The last {@code months + 1} common month-ends: SPY's simple returns (row 0), then each series' differences. */
    private double[][] months(List<String> series, int months) {
        TreeMap<YearMonth, Double> spy = monthEnds(data.series.get("SPY"));
        List<TreeMap<YearMonth, Double>> others = new ArrayList<>();
        for (String name : series) {
            others.add(monthEnds(data.series.get(name)));
        }
        List<YearMonth> common = spy.keySet().stream()
                .filter(m -> others.stream().allMatch(o -> o.containsKey(m)))
                .toList();
        common = common.subList(Math.max(0, common.size() - months - 1), common.size());
        double[][] out = new double[series.size() + 1][common.size() - 1];
        for (int t = 1; t < common.size(); t++) {
            out[0][t - 1] = spy.get(common.get(t)) / spy.get(common.get(t - 1)) - 1;
            for (int i = 0; i < series.size(); i++) {
                out[i + 1][t - 1] =
                        others.get(i).get(common.get(t)) - others.get(i).get(common.get(t - 1));
            }
        }
        return out;
    }

    private QueryEngine.Table run(String query) {
        return engine.run(engine.parse(query), data).getFirst();
    }

    @Test
    void test_correlation_isPearsonOfMonthlyChangesAndReturns() {
        double[][] m = months(List.of("US10Y", "CPI", "VIX"), 60);
        QueryEngine.Table table = run("MACRO: US10Y, CPI, VIX -> CORRELATION ON SPY");
        for (int i = 0; i < 3; i++) {
            double expected = new PearsonsCorrelation().correlation(m[i + 1], m[0]);
            assertThat((Double) table.rows().get(i).get(1)).isCloseTo(expected, within(1e-12));
            assertThat(table.rows().get(i).get(2)).isEqualTo((double) m[0].length);
        }
    }

    @Test
    void test_impact_isTheCoefficientTimesTheSeriesStandardDeviation() {
        double[][] m = months(List.of("US10Y", "CPI", "VIX"), 36);
        double[][] x = new double[m[0].length][3];
        for (int t = 0; t < m[0].length; t++) {
            for (int i = 0; i < 3; i++) {
                x[t][i] = m[i + 1][t];
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(m[0], x);
        double[] beta = ols.estimateRegressionParameters();
        QueryEngine.Table table = run("MACRO: US10Y, CPI, VIX \u2192 IMPACT ON SPY OVER 3y");
        for (int i = 0; i < 3; i++) {
            double sd = new StandardDeviation(true).evaluate(m[i + 1]);
            List<Object> row = table.rows().get(i);
            assertThat((Double) row.get(1)).isCloseTo(beta[i + 1], within(1e-9 * Math.max(1, Math.abs(beta[i + 1]))));
            assertThat((Double) row.get(2)).isCloseTo(sd, within(1e-12 * Math.max(1, sd)));
            assertThat((Double) row.get(3)).isCloseTo(beta[i + 1] * sd, within(1e-9));
        }
    }

    @Test
    void test_causality_isGrangersFTest_atThreeMonths() {
        double[][] m = months(List.of("US10Y", "VIX"), 60);
        QueryEngine.Table table = run("MACRO: US10Y, VIX -> CAUSALITY ON SPY");
        int p = 3;
        for (int i = 0; i < 2; i++) {
            double[] y = m[0];
            double[] cause = m[i + 1];
            int n = y.length - p;
            double[] target = new double[n];
            double[][] restricted = new double[n][p];
            double[][] unrestricted = new double[n][2 * p];
            for (int row = 0; row < n; row++) {
                target[row] = y[row + p];
                for (int k = 0; k < p; k++) {
                    restricted[row][k] = y[row + p - k - 1];
                    unrestricted[row][k] = y[row + p - k - 1];
                    unrestricted[row][p + k] = cause[row + p - k - 1];
                }
            }
            OLSMultipleLinearRegression r = new OLSMultipleLinearRegression();
            r.newSampleData(target, restricted);
            OLSMultipleLinearRegression u = new OLSMultipleLinearRegression();
            u.newSampleData(target, unrestricted);
            int df2 = n - 2 * p - 1;
            double f = (r.calculateResidualSumOfSquares() - u.calculateResidualSumOfSquares())
                    / p
                    / (u.calculateResidualSumOfSquares() / df2);
            double pValue = 1 - new FDistribution(null, p, df2, 1e-14).cumulativeProbability(f);
            List<Object> row = table.rows().get(i);
            assertThat(row.subList(0, 2)).containsExactly(i == 0 ? "US10Y" : "VIX", 3.0);
            assertThat((Double) row.get(2)).isCloseTo(f, within(1e-8 * Math.max(1, f)));
            assertThat(row.subList(3, 5)).containsExactly(3.0, (double) df2);
            assertThat((Double) row.get(5)).isCloseTo(pValue, within(1e-9));
            assertThat(row.get(6)).isEqualTo((double) n);
        }
    }
}
