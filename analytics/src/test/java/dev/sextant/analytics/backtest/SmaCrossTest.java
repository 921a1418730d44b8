package dev.sextant.analytics.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.series.OhlcvSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmaCrossTest {

    // The hand-worked example: sma-cross(2,3), capital 1000, no costs, daily bars.
    //
    // bar open  close SMA2  SMA3                     decision on the close
    //  0  10    10    -     -                        HOLD
    //  1  10     9    9.5   -                        HOLD
    //  2   9     8    8.5   (10+9+8)/3    = 9        HOLD (no SMA3 the bar before)
    //  3   8     9    8.5   (9+8+9)/3     = 8.667    HOLD (below, but already below)
    //  4   9.5  10.8  9.9   (8+9+10.8)/3  = 9.267    ENTER (9.9 > 9.267, was 8.5 <= 8.667)
    //  5  11    12    11.4  (9+10.8+12)/3 = 10.6     HOLD  <- buy at open 11: 1000/11 = 90.909 units
    //  6  12.5  12    12    (10.8+12+12)/3 = 11.6    HOLD
    //  7  12    11    11.5  (12+12+11)/3  = 11.667   EXIT (11.5 < 11.667, was 12 >= 11.6)
    //  8  11.55  9    10    (12+11+9)/3   = 10.667   HOLD  <- sell at open 11.55: 1000/11*11.55 = 1050
    //  9   9     8    8.5   (11+9+8)/3    = 9.333    HOLD
    // 10   8.5  10.6  9.3   (9+8+10.6)/3  = 9.2      ENTER (9.3 > 9.2, was 8.5 <= 9.333)
    // 11  10.5  11.2  10.9  (8+10.6+11.2)/3 = 9.933  HOLD  <- buy at open 10.5: 1050/10.5 = 100 units,
    //                                                       sold at the last close 11.2: 1120
    //
    // Equity at each close: bars 0-4 1000; 5 and 6: 1000/11*12 = 1090.909; 7: 1000/11*11 = 1000;
    // 8-10: 1050; 11: 1120. Final 1120, total return 0.12. Trades: +50 (90.909 units 11 -> 11.55),
    // +70 (100 units 10.5 -> 11.2): win rate 1, profit factor infinite (no loss).
    // Max drawdown: peak 1090.909 at bar 5 (bar 6 only equals it), trough 1000 at bar 7:
    // 1 - 1000/1090.909 = 1 - 11/12 = 1/12. Each fill's open differs from the close before it, so a
    // fill at the deciding close instead of the next open shows.
    private static final double[] OPEN = {10, 10, 9, 8, 9.5, 11, 12.5, 12, 11.55, 9, 8.5, 10.5};
    private static final double[] CLOSE = {10, 9, 8, 9, 10.8, 12, 12, 11, 9, 8, 10.6, 11.2};

    private static long day(int bar) {
        return Walks.START + bar * Walks.DAY;
    }

    @Test
    void handWorkedTwelveBars() {
        BacktestResult result = Backtest.run(Walks.of(OPEN, CLOSE), Backtest.smaCross(2, 3), BacktestConfig.of(1000));

        assertThat(result.strategy()).isEqualTo("sma-cross(2,3)");
        assertThat(result.finalEquity()).isCloseTo(1120, within(1120 * 1e-12));
        assertThat(result.totalReturn()).isCloseTo(0.12, within(1e-12));
        double[] expected = {1000, 1000, 1000, 1000, 1000, 12000 / 11.0, 12000 / 11.0, 1000, 1050, 1050, 1050, 1120};
        assertThat(result.equity()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(result.equity().get(i).time()).isEqualTo(day(i));
            assertThat(result.equity().get(i).value()).as("bar " + i).isCloseTo(expected[i], within(1e-9));
        }
        List<Trade> trades = result.trades();
        assertThat(result.tradeCount()).isEqualTo(2);
        assertThat(trades.get(0).entryTime()).isEqualTo(day(5));
        assertThat(trades.get(0).entryPrice()).isEqualTo(11);
        assertThat(trades.get(0).exitTime()).isEqualTo(day(8));
        assertThat(trades.get(0).exitPrice()).isEqualTo(11.55);
        assertThat(trades.get(0).units()).isCloseTo(1000 / 11.0, within(1e-12));
        assertThat(trades.get(0).pnl()).isCloseTo(50, within(1e-9));
        assertThat(trades.get(1).entryTime()).isEqualTo(day(11));
        assertThat(trades.get(1).entryPrice()).isEqualTo(10.5);
        assertThat(trades.get(1).exitTime()).isEqualTo(day(11));
        assertThat(trades.get(1).exitPrice()).isEqualTo(11.2);
        assertThat(trades.get(1).units()).isCloseTo(100, within(1e-9));
        assertThat(trades.get(1).pnl()).isCloseTo(70, within(1e-9));
        assertThat(result.winRate()).isEqualTo(1.0);
        assertThat(result.profitFactor()).isInfinite();
        assertThat(result.maxDrawdown().depth()).isCloseTo(1 / 12.0, within(1e-12));
        assertThat(result.maxDrawdown().peakTime()).isEqualTo(day(5));
        assertThat(result.maxDrawdown().troughTime()).isEqualTo(day(7));
        // 11 days of calendar time: CAGR = 1.12^(365.25/11) - 1.
        assertThat(result.cagr()).isCloseTo(Math.pow(1.12, 365.25 / 11) - 1, within(1e-9));
        assertThat(result.annualVolatility()).isPositive();
        assertThat(result.sharpe()).isPositive();
    }

    @Test
    void volatilityAndSharpe_areOfBarReturnsAnnualisedBy252() {
        BacktestResult result = Backtest.run(Walks.of(OPEN, CLOSE), Backtest.smaCross(2, 3), BacktestConfig.of(1000));
        double[] returns = new double[11];
        for (int i = 1; i < 12; i++) {
            returns[i - 1] =
                    result.equity().get(i).value() / result.equity().get(i - 1).value() - 1;
        }
        double mean = java.util.Arrays.stream(returns).average().orElseThrow();
        double variance = java.util.Arrays.stream(returns)
                        .map(r -> (r - mean) * (r - mean))
                        .sum()
                / 10;
        assertThat(result.annualVolatility()).isCloseTo(Math.sqrt(variance * 252), within(1e-12));
        assertThat(result.sharpe()).isCloseTo(mean / Math.sqrt(variance) * Math.sqrt(252), within(1e-9));
    }

    @Test
    void costs_lowerTheResult_byTheirRates() {
        BacktestResult result = Backtest.run(
                Walks.of(OPEN, CLOSE),
                Backtest.smaCross(2, 3),
                BacktestConfig.of(1000).withCosts(0.001, 0.002));
        // First trade: buy at 11 * 1.002, units = 1000 / (11.022 * 1.001); sell at 11.55 * 0.998, less 0.1 %.
        double units = 1000 / (11 * 1.002 * 1.001);
        double cash = units * 11.55 * 0.998 * 0.999;
        assertThat(result.trades().get(0).entryPrice()).isCloseTo(11 * 1.002, within(1e-12));
        assertThat(result.trades().get(0).pnl()).isCloseTo(cash - 1000, within(1e-9));
        double units2 = cash / (10.5 * 1.002 * 1.001);
        assertThat(result.finalEquity()).isCloseTo(units2 * 11.2 * 0.998 * 0.999, within(1e-9));
    }

    @Test
    void sameInput_sameOutput_bitForBit() {
        OhlcvSeries series = Walks.of(42, 500);
        BacktestConfig config = BacktestConfig.of(10_000).withCosts(0.0005, 0.001);
        BacktestResult first = Backtest.run(series, Backtest.smaCross(5, 20), config);
        BacktestResult second = Backtest.run(series, Backtest.smaCross(5, 20), config);
        assertThat(first.tradeCount()).isPositive();
        assertThat(second).isEqualTo(first);
        assertThat(Double.doubleToRawLongBits(second.sharpe())).isEqualTo(Double.doubleToRawLongBits(first.sharpe()));
        // The same strategy value run again starts afresh: no state leaks between runs.
        Strategy strategy = Backtest.smaCross(5, 20);
        assertThat(Backtest.run(series, strategy, config)).isEqualTo(Backtest.run(series, strategy, config));
    }

    @Test
    void tradeFigures_addUp_onARandomWalk() {
        BacktestConfig config = BacktestConfig.of(10_000).withCosts(0.001, 0.001);
        BacktestResult result = Backtest.run(Walks.of(42, 500), Backtest.smaCross(5, 20), config);
        assertThat(result.tradeCount()).isGreaterThan(5);
        double gains = 0;
        double losses = 0;
        int wins = 0;
        double total = 0;
        for (Trade trade : result.trades()) {
            total += trade.pnl();
            if (trade.pnl() > 0) {
                wins++;
                gains += trade.pnl();
            } else {
                losses -= trade.pnl();
            }
            assertThat(trade.exitTime()).isGreaterThan(trade.entryTime());
        }
        assertThat(losses).as("some trades lose").isPositive();
        // All in, all out: the trades' profits are the whole change of the account.
        assertThat(total).isCloseTo(result.finalEquity() - 10_000, within(1e-6));
        assertThat(result.winRate()).isEqualTo((double) wins / result.tradeCount());
        assertThat(result.profitFactor()).isCloseTo(gains / losses, within(1e-12));
        assertThat(result.maxDrawdown().depth()).isBetween(0.0, 1.0);
        assertThat(result.maxDrawdown().troughTime())
                .isGreaterThan(result.maxDrawdown().peakTime());
    }

    @Test
    void badInput_isRefusedWithItsReason() {
        assertThatThrownBy(() -> Backtest.smaCross(0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive")
                .hasMessageContaining("fast=0");
        assertThatThrownBy(() -> Backtest.smaCross(2, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slow=-1");
        assertThatThrownBy(() -> Backtest.smaCross(3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter than slow");
        assertThatThrownBy(() -> Backtest.smaCross(5, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter than slow");
        assertThatThrownBy(() -> BacktestConfig.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capital");
        assertThatThrownBy(() -> BacktestConfig.of(-5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capital");
        assertThatThrownBy(() -> BacktestConfig.of(100).withCosts(-0.1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commission");
        OhlcvSeries threeBars = Walks.of(1, 3);
        assertThatThrownBy(() -> Backtest.run(threeBars, Backtest.smaCross(2, 3), BacktestConfig.of(100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sma-cross(2,3) needs at least 4 bars, the series has 3");
        assertThat(Backtest.run(Walks.of(1, 4), Backtest.smaCross(2, 3), BacktestConfig.of(100))
                        .equity())
                .hasSize(4);
    }
}
