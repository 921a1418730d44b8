package dev.sextant.analytics.indicators;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.analytics.series.Resample;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real market data from the {@code org.ta4j:ta4j-examples} jar (test scope): Apple's daily bars of
 * 2013, ETH/USD 5-minute bars from Binance US (March 2023), and 100,000 Bitstamp BTC/USD trades
 * from November 2013, made into 5-minute bars here through {@link Resample}.
 */
enum RealMarketData {
    AAPL_DAILY,
    ETH_5_MINUTES,
    BTC_5_MINUTES_FROM_TRADES;

    private OhlcvSeries bars;

    synchronized OhlcvSeries bars() {
        if (bars == null) {
            bars = switch (this) {
                case AAPL_DAILY -> appleDaily();
                case ETH_5_MINUTES -> ethFiveMinutes();
                case BTC_5_MINUTES_FROM_TRADES -> btcFromTrades();
            };
        }
        return bars;
    }

    PriceWalks prices() {
        OhlcvSeries b = bars();
        double[] open = new double[b.size()];
        double[] high = new double[b.size()];
        double[] low = new double[b.size()];
        double[] volume = new double[b.size()];
        for (int i = 0; i < b.size(); i++) {
            open[i] = b.open(i);
            high[i] = b.high(i);
            low[i] = b.low(i);
            volume[i] = b.volume(i);
        }
        return new PriceWalks(open, high, low, b.closes(), volume);
    }

    private static String resource(String name) {
        try (InputStream in = RealMarketData.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path (org.ta4j:ta4j-examples)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OhlcvSeries appleDaily() {
        OhlcvSeries.Builder bars = OhlcvSeries.builder(256);
        String[] lines = resource("appleinc_bars_from_20130101_usd.csv").split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].strip().split(",");
            bars.add(
                    LocalDate.parse(f[0]).atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
                    Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]));
        }
        return bars.build();
    }

    private static final Pattern ETH_BAR = Pattern.compile("\"endTime\":\\s*(\\d+),\\s*\"openPrice\":\\s*([\\d.]+),"
            + "\\s*\"highPrice\":\\s*([\\d.]+),\\s*\"lowPrice\":\\s*([\\d.]+),\\s*\"closePrice\":\\s*([\\d.]+),"
            + "\\s*\"volume\":\\s*([\\d.]+)");

    private static OhlcvSeries ethFiveMinutes() {
        OhlcvSeries.Builder bars = OhlcvSeries.builder(600);
        Matcher bar = ETH_BAR.matcher(resource("ETH-USD-PT5M-2023-3-13_2023-3-15.json"));
        while (bar.find()) {
            long endMillis = Long.parseLong(bar.group(1));
            bars.add(
                    (endMillis + 1) / 1_000 - 300,
                    Double.parseDouble(bar.group(2)),
                    Double.parseDouble(bar.group(3)),
                    Double.parseDouble(bar.group(4)),
                    Double.parseDouble(bar.group(5)),
                    Double.parseDouble(bar.group(6)));
        }
        return bars.build();
    }

    /** Trades of one second become one bar; the seconds then become 5-minute bars. */
    private static OhlcvSeries btcFromTrades() {
        OhlcvSeries.Builder seconds = OhlcvSeries.builder(100_000);
        String[] lines = resource("bitstamp_trades_from_20131125_usd.csv").split("\n");
        long second = -1;
        double open = 0;
        double high = 0;
        double low = 0;
        double close = 0;
        double volume = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].strip().split(",");
            long time = Long.parseLong(f[0]);
            double price = Double.parseDouble(f[1]);
            double amount = Double.parseDouble(f[2]);
            if (time != second) {
                if (second >= 0) {
                    seconds.add(second, open, high, low, close, volume);
                }
                second = time;
                open = high = low = price;
                volume = 0;
            }
            high = Math.max(high, price);
            low = Math.min(low, price);
            close = price;
            volume += amount;
        }
        seconds.add(second, open, high, low, close, volume);
        return Resample.to(seconds.build(), BarInterval.FIVE_MINUTES);
    }
}
