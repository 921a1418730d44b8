package dev.sextant.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.analytics.series.Bar;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamingIndicatorTest {

    @Test
    void test_stream_byName_readsEachOutputAtTheLastBar() {
        StreamingIndicator bands = IndicatorCatalog.ALL.get("BBANDS").stream(Map.of("period", 3.0));
        Bollinger kernel = new Bollinger(3, 2, 2);

        assertThat(bands.outputs()).containsExactly("upper", "middle", "lower");
        assertThat(bands.lookback()).isEqualTo(2);
        assertThat(bands.value("middle")).isNaN();
        Bollinger.Point expected = null;
        for (double close : new double[] {10, 11, 12.5, 12}) {
            double upper = bands.next(new Bar(0, close, close + 1, close - 1, close, 100));
            expected = kernel.next(close);
            assertThat(Double.doubleToLongBits(upper)).isEqualTo(Double.doubleToLongBits(expected.upper()));
        }
        assertThat(bands.value(0)).isEqualTo(expected.upper());
        assertThat(bands.value("middle")).isEqualTo(expected.middle()).isEqualTo((11 + 12.5 + 12) / 3);
        assertThat(bands.value("lower")).isEqualTo(expected.lower());
    }

    @Test
    void test_stream_singleOutput_isNamedValue() {
        StreamingIndicator rsi = IndicatorCatalog.ALL.get("RSI").stream(Map.of());

        assertThat(rsi.outputs()).containsExactly("value");
        assertThat(rsi.lookback()).isEqualTo(14);
    }

    @Test
    void test_value_unknownOutput_isRefusedNamingTheOutputs() {
        StreamingIndicator macd = IndicatorCatalog.ALL.get("MACD").stream(Map.of());

        assertThatThrownBy(() -> macd.value("hist"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no output 'hist'")
                .hasMessageContaining("[macd, signal, histogram]");
        assertThatThrownBy(() -> macd.value(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output must be between 0 and 2");
    }

    @Test
    void test_next_allocatesNothingPerBar() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        StreamingIndicator ema = IndicatorCatalog.ALL.get("EMA").stream(Map.of("period", 20.0));
        PriceWalks walk = PriceWalks.of(7, 100_000);
        double[] close = walk.close();
        double sum = 0;

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < close.length; i++) {
            double value = ema.next(i, walk.open()[i], walk.high()[i], walk.low()[i], close[i], walk.volume()[i]);
            sum += Double.isNaN(value) ? 0 : value;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sum).isFinite();
        // One object per bar would be at least 1.6 MB here; what is left is the measurement's own.
        assertThat(allocated).isLessThan(16_384);
    }
}
