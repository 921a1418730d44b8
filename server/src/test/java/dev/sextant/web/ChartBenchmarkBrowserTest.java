package dev.sextant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.support.BrowserTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * How fast the chart draws in headless Chromium: 2,520 daily bars (ten years) with two indicators
 * from create to a painted frame, and switching interval when both intervals' data is cached.
 * Times are taken in the page with performance.now(); the figures are printed.
 */
class ChartBenchmarkBrowserTest extends BrowserTest {

    private static final int BARS = 2520;

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    @SuppressWarnings("unchecked")
    private static List<Double> doubles(Object list) {
        return ((List<Object>) list)
                .stream().map(o -> ((Number) o).doubleValue()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void tenYearsOfDailyBarsWithTwoIndicatorsDrawInUnder100Milliseconds() {
        signInAsNewUser(unique("bench"));
        open("/markets/AAPL");
        page.waitForSelector("[data-chart] canvas");

        JsonNode all =
                http.get("/api/v1/bars/AAPL?interval=1d&from=2010-01-01").json().get("bars");
        assertThat(all.size()).as("daily bars of AAPL since 2010").isGreaterThanOrEqualTo(BARS);
        List<JsonNode> bars = new ArrayList<>();
        for (int i = all.size() - BARS; i < all.size(); i++) {
            bars.add(all.get(i));
        }
        String first = bars.getFirst().get("time").asString();
        String sma = points("/api/v1/indicators/AAPL?name=SMA&period=50&interval=1d&from=2010-01-01", first);
        String rsi = points("/api/v1/indicators/AAPL?name=RSI&period=14&interval=1d&from=2010-01-01", first);

        Map<String, Object> result =
                (Map<String, Object>) page.evaluate("""
                async ({ bars, sma, rsi }) => {
                  const { createPriceChart } = await import('/assets/app/ui/chart.js');
                  const host = document.createElement('div');
                  host.style.width = '1200px';
                  document.querySelector('main').prepend(host);
                  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
                  const up = getComputedStyle(document.documentElement).getPropertyValue('--up').trim();
                  const [r, g, b] = [1, 3, 5].map((i) => parseInt(up.slice(i, i + 2), 16));
                  const times = [];
                  let painted = 0;
                  for (let run = 0; run < 7; run++) {
                    // fresh copies: nothing converted by an earlier run is reused
                    const data = { bars: JSON.parse(bars), sma: JSON.parse(sma), rsi: JSON.parse(rsi) };
                    await frame();
                    const start = performance.now();
                    const chart = createPriceChart(host, { interval: '1d' });
                    chart.setBars(data.bars, '1d');
                    chart.setIndicator('sma', { name: 'SMA', label: 'SMA(50)', placement: 'price', unit: 'price', outputs: ['value'], points: data.sma });
                    chart.setIndicator('rsi', { name: 'RSI', label: 'RSI(14)', placement: 'pane', unit: 'index 0 to 100', outputs: ['value'], points: data.rsi });
                    chart.showRange(undefined, undefined); // all ten years in view: every candle drawn
                    await frame();
                    times.push(performance.now() - start);
                    if (run === 0) {
                      // the frame measured did paint: up-coloured candle pixels are on a canvas
                      for (const canvas of host.querySelectorAll('canvas')) {
                        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                        for (let i = 0; i < pixels.length; i += 4) {
                          if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) painted++;
                        }
                      }
                    }
                    chart.destroy();
                  }
                  host.remove();
                  return { times, painted, bars: JSON.parse(bars).length };
                }
                """, Map.of("bars", bars.toString(), "sma", sma, "rsi", rsi));

        List<Double> times = doubles(result.get("times"));
        double median = median(times.subList(1, times.size()));
        System.out.printf(
                "Chart draw, %d daily bars + SMA(50) + RSI(14) pane, create+setData+frame: first %.1f ms, "
                        + "median of the next %d %.1f ms, all %s%n",
                ((Number) result.get("bars")).intValue(), times.getFirst(), times.size() - 1, median, times);
        assertThat(((Number) result.get("bars")).intValue()).isEqualTo(BARS);
        assertThat(((Number) result.get("painted")).intValue())
                .as("candle pixels painted within the measured frame")
                .isGreaterThan(100);
        assertThat(median).as("median draw time, ms").isLessThan(100);
    }

    private String points(String path, String from) {
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode point : http.get(path).json().get("points")) {
            if (point.get("time").asString().compareTo(from) >= 0) {
                kept.add(point);
            }
        }
        return kept.toString();
    }

    @Test
    void switchingIntervalWithTheDataCachedTakesUnder150Milliseconds() {
        signInAsNewUser(unique("switch"));
        context.addInitScript("localStorage.setItem('sextant.chart.indicators', JSON.stringify(["
                + "{id:'sma', name:'SMA', params:{period:50}}, {id:'rsi', name:'RSI', params:{period:14}}]));");
        open("/markets/AAPL");
        page.waitForSelector("[data-legend-indicator='RSI']");
        Locator weekly = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Interval"))
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("1w").setExact(true));
        weekly.click(); // fetched once: bars and both indicators
        page.waitForSelector("[data-chart][data-interval='1wk']");
        assertThat(page.locator("[data-legend-indicator='RSI'] b")).not().hasText("–");

        List<String> fetched = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/v1/bars/") || request.url().contains("/api/v1/indicators/")) {
                fetched.add(request.url());
            }
        });
        List<Double> times = new ArrayList<>();
        for (String interval : List.of("1d", "1wk", "1d", "1wk", "1d", "1wk")) {
            Object ms = page.evaluate("""
                    (code) => new Promise((resolve) => {
                      const chart = document.querySelector('[data-chart]');
                      const button = document.querySelector(`button[data-interval-button="${code}"]`);
                      const start = performance.now();
                      chart.addEventListener('sextant:chart-drawn', () => resolve(performance.now() - start), { once: true });
                      button.click();
                    })
                    """, interval);
            times.add(((Number) ms).doubleValue());
        }
        double median = median(times);
        System.out.printf(
                "Interval switch 1d <-> 1wk, cached, SMA(50) + RSI(14), click to painted frame: median %.1f ms, "
                        + "max %.1f ms, all %s%n",
                median, times.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), times);
        assertThat(median).as("median switch time, ms").isLessThan(150);
        assertThat(fetched)
                .as("requests for bars or indicators while switching between cached intervals")
                .isEmpty();
        assertThat(page.locator("[data-legend-indicator='SMA'] b")).not().hasText("–");
    }
}
