package dev.sextant.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.analytics.indicators.Directional;
import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.analytics.indicators.Macd;
import dev.sextant.analytics.indicators.Stochastic;
import dev.sextant.analytics.series.OhlcvSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every indicator of the catalog in FK-DSL, generated from the catalog: parameters, outputs, errors. */
class IndicatorMetricsTest {

    /** An indicator call with non-default arguments within bounds, so the test sees they are used. */
    static String call(IndicatorCatalog.Definition indicator, Map<String, Double> params) {
        List<String> arguments = new ArrayList<>();
        for (IndicatorCatalog.Param param : indicator.params()) {
            double value = param.integer()
                    ? Math.min(param.max(), param.defaultValue() + 1)
                    : Math.min(param.max(), param.defaultValue() * 1.5);
            params.put(param.name(), value);
            arguments.add(param.integer() ? String.valueOf((long) value) : String.valueOf(value));
        }
        return indicator.name() + (arguments.isEmpty() ? "" : "(" + String.join(",", arguments) + ")");
    }

    static List<String> outputs(IndicatorCatalog.Definition indicator) {
        return indicator.outputs().isEmpty() ? List.of("value") : indicator.outputs();
    }

    @Test
    void test_everyOutputOfEveryIndicator_isTheCatalogsLastValue_withItsUnit() {
        QueryEngineTest.Memory data = new QueryEngineTest.Memory();
        OhlcvSeries bars = QueryEngineTest.walk(3, 700, 80, 0.02);
        data.series.put("S", bars);
        QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);
        int checked = 0;
        for (IndicatorCatalog.Definition indicator : IndicatorCatalog.ALL.values()) {
            Map<String, Double> params = new LinkedHashMap<>();
            String call = call(indicator, params);
            List<double[]> columns = indicator.compute().apply(bars, params);
            for (int k = 0; k < outputs(indicator).size(); k++) {
                String metric = call + "." + outputs(indicator).get(k);
                QueryEngine.Table table =
                        engine.run(engine.parse("EVALUATE S: " + metric), data).getFirst();

                double[] column = columns.get(k);
                assertThat((Double) table.rows().getFirst().get(1)).as(metric).isEqualTo(column[column.length - 1]);
                assertThat(table.columns().get(1).unit()).as(metric).isEqualTo(indicator.unit());
                assertThat(table.columns().get(1).name()).isEqualTo(metric);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(IndicatorCatalog.ALL.size());
    }

    @Test
    void test_defaults_singleOutputs_andMacdsLine_needNoOutputName() {
        QueryEngineTest.Memory data = new QueryEngineTest.Memory();
        OhlcvSeries bars = QueryEngineTest.walk(5, 400, 80, 0.02);
        data.series.put("S", bars);
        QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);

        List<Object> row = engine.run(
                        engine.parse("EVALUATE S: ADX, ADX(14), ADX(14).value, MACD(12,26,9), MACD.macd, "
                                + "MACD_HIST, MACD(12,26,9).histogram, STOCH.k, STOCH(5,3,3).K, STOCH, STOCH 5"),
                        data)
                .getFirst()
                .rows()
                .getFirst();

        // Each spelling is the kernel's value at the last bar, with TA-Lib's defaults.
        int n = bars.size();
        double[] high = new double[n];
        double[] low = new double[n];
        for (int i = 0; i < n; i++) {
            high[i] = bars.high(i);
            low[i] = bars.low(i);
        }
        double[] close = bars.closes();
        Macd.Lines macd = Macd.of(close, 12, 26, 9);
        assertThat(row.subList(1, 4))
                .containsOnly(Directional.of(high, low, close, 14).adx()[n - 1]);
        assertThat(row.subList(4, 6)).containsOnly(macd.macd()[n - 1]);
        assertThat(row.subList(6, 8)).containsOnly(macd.histogram()[n - 1]);
        // FIML's STOCH and STOCH 5 (no parentheses) are the first output, k, at the defaults.
        assertThat(row.subList(8, 12))
                .containsOnly(Stochastic.of(high, low, close, 5, 3, 3).k()[n - 1]);
    }

    @Test
    void test_wrongArityOutputsAndBounds_sayWhereAndWhatIsAllowed() {
        QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);

        assertThatThrownBy(() -> engine.parse("EVALUATE AAPL:\n  PRICE, BBANDS(20,2,3).upper"))
                .isInstanceOfSatisfying(QueryInvalid.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(10);
                })
                .hasMessageContaining("BBANDS takes at most 2 arguments (period, stddev)");
        assertThatThrownBy(() -> engine.parse("EVALUATE AAPL: BBANDS(20,2).uper"))
                .isInstanceOfSatisfying(DslSyntaxError.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(29);
                    assertThat(e.expected()).isEqualTo("one of upper, middle, lower");
                })
                .hasMessageContaining("BBANDS's outputs are upper, middle, lower");
        assertThatThrownBy(() -> engine.parse("EVALUATE AAPL: RSI(14).upper"))
                .isInstanceOf(DslSyntaxError.class)
                .hasMessageContaining("RSI's outputs are value");
        assertThatThrownBy(() -> engine.parse("EVALUATE AAPL: PRICE.upper"))
                .isInstanceOf(DslSyntaxError.class)
                .hasMessageContaining("PRICE has no named outputs");
        assertThatThrownBy(() -> engine.parse("EVALUATE AAPL: STOCH(14,3,3).j"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.column()).isEqualTo(30))
                .hasMessageContaining("STOCH's outputs are k, d");
        assertThatThrownBy(() -> engine.parse("EVALUATE AAPL: BBANDS(20, 11).upper"))
                .isInstanceOf(QueryInvalid.class)
                .hasMessageContaining("stddev (argument 2) is from 0.1 to 10");
        assertThatThrownBy(() -> engine.parse("EVALUATE AAPL: OBV(3)"))
                .isInstanceOf(QueryInvalid.class)
                .hasMessageContaining("OBV takes no arguments");
    }

    @Test
    void test_negativeLiterals_compareWithNegativeValues() {
        QueryEngineTest.Memory data = new QueryEngineTest.Memory();
        data.series.put("S", QueryEngineTest.walk(9, 300, 80, 0.02));
        data.universes.put("one", List.of("S"));
        QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);

        assertThat(engine.run(engine.parse("SCAN one WHERE WILLR(14) >= -100 AND WILLR(14) <= -0.0"), data)
                        .getFirst()
                        .rows())
                .hasSize(1);
        assertThat(engine.run(engine.parse("SCAN one WHERE WILLR(14) < -100"), data)
                        .getFirst()
                        .rows())
                .isEmpty();
    }
}
