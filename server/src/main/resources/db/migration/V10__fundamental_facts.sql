-- Reported company figures, point in time: every fact keeps the date it was filed (public) and
-- when Sextant learned it; a restatement is another fact with a later filing date, never an update.
CREATE TABLE fundamental_fact (
    symbol        VARCHAR(32)              NOT NULL,
    concept       VARCHAR(128)             NOT NULL,
    unit          VARCHAR(32)              NOT NULL,
    period_end    DATE                     NOT NULL,
    fiscal_period VARCHAR(8)               NOT NULL,
    filed         DATE                     NOT NULL,
    fact_value    DOUBLE PRECISION         NOT NULL,
    known_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    provider      VARCHAR(32)              NOT NULL,
    PRIMARY KEY (symbol, concept, unit, period_end, fiscal_period, filed)
);

-- When a symbol's facts were last fetched: at most once a day per symbol.
CREATE TABLE fundamental_fetch (
    symbol     VARCHAR(32)              NOT NULL PRIMARY KEY,
    provider   VARCHAR(32)              NOT NULL,
    fetched_at TIMESTAMP WITH TIME ZONE NOT NULL
);
