// The price chart: candles and volume on the main pane, registry indicators over the price or each
// in a pane of its own, a crosshair that reports every value under the cursor, colours from the
// theme's CSS variables (re-read when the theme changes). A thin imperative wrapper over
// TradingView's Lightweight Charts 5 (Apache-2.0; its attribution logo stays on as the licence asks).
//
// It computes nothing the server computes: bars and indicator points go in exactly as the API
// answered them (GET /api/v1/bars, GET /api/v1/indicators/{symbol}).
import {
  createChart, CandlestickSeries, HistogramSeries, LineSeries, ColorType, CrosshairMode, LineStyle,
} from 'lightweight-charts';

const PANE_HEIGHT = 130;
const MAIN_HEIGHT = 420;

// Line colours by slot, one set per theme, all readable on the theme's surface.
const PALETTE = {
  light: ['#b45309', '#1d4ed8', '#a21caf', '#0f766e', '#6d28d9', '#4d7c0f', '#be185d', '#0369a1'],
  dark: ['#fbbf24', '#60a5fa', '#e879f9', '#2dd4bf', '#a78bfa', '#a3e635', '#f472b6', '#38bdf8'],
};

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

// '#0f7a3d' + alpha -> 'rgba(15, 122, 61, a)'
function withAlpha(hex, alpha) {
  const h = hex.replace('#', '');
  if (h.length !== 6) return hex;
  const n = parseInt(h, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

function themeColors() {
  const dark = document.documentElement.dataset.theme === 'dark';
  return {
    dark,
    background: cssVar('--surface') || (dark ? '#151b23' : '#ffffff'),
    text: cssVar('--text-muted') || (dark ? '#a9b4c2' : '#4b5563'),
    grid: cssVar('--chart-grid') || (dark ? '#1f2833' : '#e9edf2'),
    border: cssVar('--border') || (dark ? '#2e3a4b' : '#d5dbe3'),
    up: cssVar('--up') || '#0f7a3d',
    down: cssVar('--down') || '#c02626',
    crosshair: cssVar('--text-faint') || '#6b7280',
    palette: PALETTE[dark ? 'dark' : 'light'],
  };
}

// API times are ISO instants; the chart's are UTC seconds.
export function seconds(iso) {
  return Math.floor(Date.parse(iso) / 1000);
}

// The conventional levels of bounded oscillators, drawn as faint guides in their pane.
const GUIDES = { RSI: [30, 70], MFI: [20, 80], STOCH: [20, 80], STOCHRSI: [20, 80], WILLR: [-80, -20], CCI: [-100, 100] };

// Intraday intervals show the time of day on the axis and in the crosshair.
function intraday(interval) {
  return /^[0-9]+[mh]$/.test(interval || '');
}

// How each output of an indicator draws: a line (colour slot offset, dashed?) or a histogram.
function outputStyle(name, output, index) {
  if (name === 'MACD' && output === 'histogram') return { kind: 'histogram' };
  if (['BBANDS', 'KELTNER', 'DONCHIAN'].includes(name)) {
    return { kind: 'line', slot: 0, dashed: output === 'middle', width: output === 'middle' ? 1 : 1.5 };
  }
  return { kind: 'line', slot: index, width: 1.5 };
}

// Bars and points in the chart's form, converted once per API answer (switching back is instant).
const convertedBars = new WeakMap(); // bars array -> { candles, byTime, volumes: { light, dark } }
const convertedPoints = new WeakMap(); // points array -> Map(output -> { data, byTime })

function convertBars(bars) {
  let ready = convertedBars.get(bars);
  if (!ready) {
    const candles = new Array(bars.length);
    const byTime = new Map();
    for (let i = 0; i < bars.length; i++) {
      const b = bars[i];
      const time = seconds(b.time);
      candles[i] = { time, open: b.open, high: b.high, low: b.low, close: b.close };
      byTime.set(time, b);
    }
    ready = { candles, byTime, volumes: {} };
    convertedBars.set(bars, ready);
  }
  return ready;
}

function convertOutput(points, output) {
  let outputs = convertedPoints.get(points);
  if (!outputs) convertedPoints.set(points, (outputs = new Map()));
  let ready = outputs.get(output);
  if (!ready) {
    const data = [];
    const byTime = new Map();
    for (const point of points) {
      const value = typeof point.value === 'number' ? point.value : point.value?.[output];
      if (value === null || value === undefined || Number.isNaN(value)) continue;
      const time = seconds(point.time);
      data.push({ time, value });
      byTime.set(time, value);
    }
    ready = { data, byTime };
    outputs.set(output, ready);
  }
  return ready;
}

/**
 * Creates a chart in `container` (an empty element; its width is followed).
 * options: { interval, onCrosshair(legend) } where legend = { time, bar, indicators: [{ key, label,
 * placement, unit, values: [{ output, value, color }] }] }: the values at the cursor, else at the
 * last bar.
 */
export function createPriceChart(container, { interval = '1d', onCrosshair = () => {} } = {}) {
  let colors = themeColors();
  let currentInterval = interval;
  const chart = createChart(container, {
    width: container.clientWidth || 600,
    height: MAIN_HEIGHT,
    layout: {
      background: { type: ColorType.Solid, color: colors.background },
      textColor: colors.text,
      fontFamily: getComputedStyle(document.body).fontFamily,
      fontSize: 12,
      attributionLogo: true,
      panes: { separatorColor: colors.border, separatorHoverColor: withAlpha(colors.up, 0.1), enableResize: true },
    },
    grid: { vertLines: { color: colors.grid }, horzLines: { color: colors.grid } },
    crosshair: { mode: CrosshairMode.Normal },
    rightPriceScale: { borderColor: colors.border },
    timeScale: { borderColor: colors.border, timeVisible: intraday(interval), secondsVisible: false, rightOffset: 4 },
    localization: { locale: navigator.language },
  });

  const candles = chart.addSeries(CandlestickSeries, { priceLineVisible: true });
  const volume = chart.addSeries(HistogramSeries, {
    priceScaleId: 'volume', priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false,
  });
  chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
  candles.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.24 } });

  let bars = []; // as the API answered, oldest first
  let barByTime = new Map();
  const indicators = new Map(); // key -> { spec, slot, lines: [{ output, series, byTime, style }] }
  let usedSlots = new Set();

  function styleCandles() {
    candles.applyOptions({
      upColor: colors.up, downColor: colors.down, borderUpColor: colors.up, borderDownColor: colors.down,
      wickUpColor: colors.up, wickDownColor: colors.down,
    });
  }
  styleCandles();

  function volumeData() {
    const ready = convertBars(bars);
    const theme = colors.dark ? 'dark' : 'light';
    if (!ready.volumes[theme]) {
      const up = withAlpha(colors.up, colors.dark ? 0.45 : 0.35);
      const down = withAlpha(colors.down, colors.dark ? 0.45 : 0.35);
      ready.volumes[theme] = bars.map((b, i) => ({ time: ready.candles[i].time, value: b.volume ?? 0, color: b.close >= b.open ? up : down }));
    }
    return ready.volumes[theme];
  }

  function resizeToPanes() {
    const panes = chart.panes();
    const height = MAIN_HEIGHT + (panes.length - 1) * PANE_HEIGHT;
    container.style.height = `${height}px`;
    chart.resize(container.clientWidth || 600, height);
    panes.forEach((pane, i) => pane.setHeight(i === 0 ? MAIN_HEIGHT : PANE_HEIGHT));
  }

  function nextSlot() {
    for (let i = 0; ; i++) if (!usedSlots.has(i)) return i;
  }

  function lineColor(entry, style) {
    const { palette } = colors;
    return palette[(entry.slot + (style.slot ?? 0)) % palette.length];
  }

  function histogramData(points) {
    const up = withAlpha(colors.up, 0.55);
    const down = withAlpha(colors.down, 0.55);
    return points.map((p) => ({ time: p.time, value: p.value, color: p.value >= 0 ? up : down }));
  }

  function legendAt(time) {
    const bar = time === undefined ? bars[bars.length - 1] : barByTime.get(time);
    return {
      time: bar ? bar.time : null,
      bar: bar || null,
      indicators: [...indicators.entries()].map(([key, entry]) => ({
        key,
        label: entry.spec.label,
        name: entry.spec.name,
        placement: entry.spec.placement,
        unit: entry.spec.unit,
        values: entry.lines.map((line) => ({
          output: line.output,
          value: bar ? line.byTime.get(seconds(bar.time)) ?? null : null,
          color: line.style.kind === 'histogram' ? colors.text : lineColor(entry, line.style),
        })),
      })),
    };
  }

  let lastLegendTime;
  chart.subscribeCrosshairMove((param) => {
    const time = param.time === undefined || !param.point ? undefined : param.time;
    if (time === lastLegendTime && time !== undefined) return;
    lastLegendTime = time;
    onCrosshair(legendAt(time));
  });

  // What the chart shows, on its element (for tests and tools): the first and last visible bar times.
  chart.timeScale().subscribeVisibleTimeRangeChange((range) => {
    container.dataset.visibleFrom = range ? String(range.from) : '';
    container.dataset.visibleTo = range ? String(range.to) : '';
  });

  const resizer = new ResizeObserver(() => {
    const width = container.clientWidth;
    if (width) chart.resize(width, container.clientHeight || MAIN_HEIGHT);
  });
  resizer.observe(container);

  // The theme is an attribute on <html>: follow it, whatever changed it (user or system).
  const themeWatch = new MutationObserver(() => api.applyTheme());
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  const api = {
    chart,

    /** Replaces the bars (API bar objects, oldest first) for `interval`. */
    setBars(next, nextInterval = currentInterval) {
      bars = next || [];
      const ready = convertBars(bars);
      barByTime = ready.byTime;
      if (nextInterval !== currentInterval) {
        currentInterval = nextInterval;
        chart.timeScale().applyOptions({ timeVisible: intraday(nextInterval) });
      }
      candles.setData(ready.candles);
      volume.setData(volumeData());
      onCrosshair(legendAt(undefined));
    },

    /**
     * Adds or replaces an indicator. spec: { name, label, placement ('price' | 'pane'), unit,
     * outputs: ['value'] or named, points: API points [{ time, value (number or {output: number}) }],
     * slot? (its colour, by position: the same indicator keeps its colour wherever it loads from) }.
     */
    setIndicator(key, spec) {
      const old = indicators.get(key);
      if (old && old.spec.name === spec.name && old.spec.placement === spec.placement
          && old.spec.outputs.join() === spec.outputs.join()) {
        // the same lines with new points (another interval, other parameters): keep the series
        old.spec = spec;
        old.lines.forEach((line) => {
          const { data, byTime } = convertOutput(spec.points, line.output);
          line.data = data;
          line.byTime = byTime;
          line.series.setData(line.style.kind === 'histogram' ? histogramData(data) : data);
        });
        onCrosshair(legendAt(undefined));
        return;
      }
      const slot = old ? old.slot : spec.slot !== undefined && !usedSlots.has(spec.slot) ? spec.slot : nextSlot();
      if (old) api.removeIndicator(key, { keepSlot: true });
      usedSlots.add(slot);
      const entry = { spec, slot, lines: [] };
      const paneIndex = spec.placement === 'pane' ? chart.panes().length : 0;
      const precision = spec.unit === 'price' ? undefined : { type: 'price', precision: 2, minMove: 0.01 };
      spec.outputs.forEach((output, index) => {
        const style = outputStyle(spec.name, output, index);
        const { data, byTime } = convertOutput(spec.points, output);
        const common = {
          priceLineVisible: false,
          lastValueVisible: spec.placement === 'pane',
          crosshairMarkerVisible: style.kind === 'line',
          title: '',
          ...(precision ? { priceFormat: precision } : {}),
          ...(spec.unit === 'volume' ? { priceFormat: { type: 'volume' } } : {}),
        };
        let series;
        if (style.kind === 'histogram') {
          series = chart.addSeries(HistogramSeries, common, paneIndex);
          series.setData(histogramData(data));
        } else {
          series = chart.addSeries(LineSeries, {
            ...common,
            color: lineColor(entry, style),
            lineWidth: style.width,
            lineStyle: style.dashed ? LineStyle.Dashed : LineStyle.Solid,
          }, paneIndex);
          series.setData(data);
        }
        const guides = index === 0 && spec.placement === 'pane' ? (GUIDES[spec.name] || []).map((level) => series.createPriceLine({
          price: level, color: colors.crosshair, lineWidth: 1, lineStyle: LineStyle.Dotted, axisLabelVisible: false,
        })) : [];
        entry.lines.push({ output, series, byTime, style, data, guides });
      });
      indicators.set(key, entry);
      if (spec.placement === 'pane') resizeToPanes();
      onCrosshair(legendAt(undefined));
    },

    removeIndicator(key, { keepSlot = false } = {}) {
      const entry = indicators.get(key);
      if (!entry) return;
      const paneIndex = entry.spec.placement === 'pane' ? entry.lines[0]?.series.getPane().paneIndex() : 0;
      entry.lines.forEach((line) => chart.removeSeries(line.series));
      indicators.delete(key);
      if (!keepSlot) usedSlots.delete(entry.slot);
      if (paneIndex > 0) {
        // its emptied pane goes too (the panes under it move up)
        const pane = chart.panes()[paneIndex];
        if (pane && pane.getSeries().length === 0) chart.removePane(paneIndex);
        resizeToPanes();
      }
      if (!keepSlot) onCrosshair(legendAt(undefined));
    },

    /** Empties an indicator's lines until its points for new bars arrive (its series and pane stay). */
    clearIndicator(key) {
      const entry = indicators.get(key);
      if (!entry) return;
      entry.lines.forEach((line) => {
        line.data = [];
        line.byTime = new Map();
        line.series.setData([]);
      });
    },

    indicatorKeys() {
      return [...indicators.keys()];
    },

    /** Shows the bars from `fromSeconds` to the last, a little room after it (whole history without `fromSeconds`). */
    showRange(fromSeconds) {
      if (!bars.length) return;
      const { candles: points } = convertBars(bars);
      let first = 0;
      if (fromSeconds !== undefined) {
        let high = points.length - 1;
        while (first < high) {
          const middle = (first + high) >> 1;
          if (points[middle].time < fromSeconds) first = middle + 1;
          else high = middle;
        }
      }
      const last = points.length - 1;
      chart.timeScale().setVisibleLogicalRange({ from: first - 0.5, to: last + Math.max(2, Math.round((last - first) * 0.02)) });
    },

    /** The values at the last bar (what the legend shows while the cursor is off the chart). */
    lastValues() {
      return legendAt(undefined);
    },

    applyTheme() {
      colors = themeColors();
      chart.applyOptions({
        layout: {
          background: { type: ColorType.Solid, color: colors.background },
          textColor: colors.text,
          panes: { separatorColor: colors.border },
        },
        grid: { vertLines: { color: colors.grid }, horzLines: { color: colors.grid } },
        rightPriceScale: { borderColor: colors.border },
        timeScale: { borderColor: colors.border },
      });
      styleCandles();
      volume.setData(volumeData());
      for (const entry of indicators.values()) {
        for (const line of entry.lines) {
          if (line.style.kind === 'histogram') line.series.setData(histogramData(line.data));
          else line.series.applyOptions({ color: lineColor(entry, line.style) });
          line.guides.forEach((guide) => guide.applyOptions({ color: colors.crosshair }));
        }
      }
      onCrosshair(legendAt(lastLegendTime));
    },

    destroy() {
      resizer.disconnect();
      themeWatch.disconnect();
      chart.remove();
    },
  };
  return api;
}
