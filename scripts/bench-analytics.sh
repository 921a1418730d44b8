#!/usr/bin/env bash
# Issue 6's indicator figures for docs/BENCHMARKS.md: SMA, EMA, RSI, MACD, Bollinger Bands and ATR
# over 1,000,000 bars, Sextant against TA-Lib Java and ta4j in the same JMH run, reported as ratios
# (peer time / Sextant time: above 1 means Sextant is faster). Bounded: one fork, 3 x 2 s warm-up
# and 5 x 2 s measurement per benchmark (about 6 minutes).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
results=bench/target/indicators.json
mkdir -p bench/target
./sextant bench IndicatorBenchmarks -rf json -rff "$results" "$@" >bench/target/indicators.log
python3 - "$results" <<'PY'
import json, sys
scores = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["score"] for r in json.load(open(sys.argv[1]))}
print("| indicator | Sextant ms | TA-Lib ms | ta4j ms | TA-Lib / Sextant | ta4j / Sextant |")
print("|---|---|---|---|---|---|")
for name in ["sma", "ema", "rsi", "macd", "bollinger", "atr"]:
    ours, talib, ta4j = (scores.get(name + k) for k in ("Sextant", "TaLib", "Ta4j"))
    if ours is None:
        continue
    fmt = lambda v: "-" if v is None else f"{v:.3f}"
    ratio = lambda v: "-" if v is None else f"{v / ours:.2f}"
    print(f"| {name.upper()} | {fmt(ours)} | {fmt(talib)} | {fmt(ta4j)} | {ratio(talib)} | {ratio(ta4j)} |")
PY
