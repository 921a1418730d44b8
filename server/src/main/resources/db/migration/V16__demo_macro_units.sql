-- The demo market's macro series carry the units the real providers report (docs/API.md): the
-- yield in percent, the CPI and the VIX in index points. Catalog rows added before said USD.
UPDATE instrument SET currency = 'PCT' WHERE symbol = 'US10Y' AND provider = 'demo';
UPDATE instrument SET currency = 'IDX' WHERE symbol IN ('CPI', 'VIX') AND provider = 'demo';
