package dev.sextant.analytics.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.analytics.series.OhlcvSeries;
import org.junit.jupiter.api.Test;

class LookAheadTest {

    @Test
    void smaCross_passes() {
        OhlcvSeries series = Walks.of(7, 300);
        LookAheadReport report = Backtest.lookAhead(series, s -> Backtest.smaCross(5, 20), 12, 99);
        assertThat(report.probed()).hasSize(12);
        assertThat(report.clean()).isTrue();
    }

    /** Given the raw series, it buys when tomorrow closes higher and sells when it closes lower. */
    private record Clairvoyant(OhlcvSeries raw) implements Strategy {
        @Override
        public String name() {
            return "clairvoyant";
        }

        @Override
        public int minimumBars() {
            return 2;
        }

        @Override
        public Decider start() {
            return history -> {
                int t = history.size() - 1;
                if (t + 1 >= raw.size()) {
                    return Signal.HOLD;
                }
                return raw.close(t + 1) > raw.close(t) ? Signal.ENTER : Signal.EXIT;
            };
        }
    }

    @Test
    void aStrategyReadingTomorrowsClose_isCaught() {
        OhlcvSeries series = Walks.of(7, 300);
        // It would look brilliant: far above the sma-cross on the same bars.
        BacktestResult cheat = Backtest.run(series, new Clairvoyant(series), BacktestConfig.of(1000));
        assertThat(cheat.finalEquity()).isGreaterThan(1000);

        LookAheadReport report = Backtest.lookAhead(series, Clairvoyant::new, 12, 99);
        assertThat(report.clean()).isFalse();
        // Each probe t changes the decision at t itself: the one that read bar t+1.
        for (LookAheadReport.Violation violation : report.violations()) {
            assertThat(violation.bar()).isEqualTo(violation.probe());
        }
        assertThat(report.violations().size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theWindowAStrategySees_cannotBeReadPastNow() {
        OhlcvSeries series = Walks.of(3, 50);
        Strategy peeking = new Strategy() {
            @Override
            public String name() {
                return "peeking";
            }

            @Override
            public int minimumBars() {
                return 1;
            }

            @Override
            public Decider start() {
                return history -> history.close(history.size()) > 0 ? Signal.ENTER : Signal.HOLD;
            }
        };
        assertThatThrownBy(() -> Backtest.run(series, peeking, BacktestConfig.of(1000)))
                .isInstanceOf(IndexOutOfBoundsException.class);
        Strategy searching = new Strategy() {
            @Override
            public String name() {
                return "searching";
            }

            @Override
            public int minimumBars() {
                return 1;
            }

            @Override
            public Decider start() {
                // Asks for bars after now by time: the window answers with none.
                return history -> history.between(history.time(history.size() - 1) + 1, Long.MAX_VALUE)
                                .isEmpty()
                        ? Signal.HOLD
                        : Signal.ENTER;
            }
        };
        assertThat(Backtest.run(series, searching, BacktestConfig.of(1000)).tradeCount())
                .isZero();
    }
}
