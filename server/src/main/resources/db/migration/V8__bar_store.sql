-- Stored bars, point in time: a bar is never overwritten. A restated value is a new row with a
-- later known_at, so a question "as of" a past moment sees exactly what was known then.
-- bar_time is the bar's start in epoch seconds: the hot read path (years of bars for hundreds of
-- symbols) compares and reads plain numbers. scope is 'public' for data every user may see, or
-- 'user:<id>' for data bought with one user's own key, which only that user may read.
CREATE TABLE bar (
    symbol       VARCHAR(32)              NOT NULL,
    bar_interval VARCHAR(8)               NOT NULL,
    scope        VARCHAR(64)              NOT NULL,
    bar_time     BIGINT                   NOT NULL,
    known_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    open_price   DOUBLE PRECISION         NOT NULL,
    high_price   DOUBLE PRECISION         NOT NULL,
    low_price    DOUBLE PRECISION         NOT NULL,
    close_price  DOUBLE PRECISION         NOT NULL,
    volume       DOUBLE PRECISION         NOT NULL,
    provider     VARCHAR(32)              NOT NULL,
    PRIMARY KEY (symbol, bar_interval, scope, bar_time, known_at)
);

-- Which span of bars a scope holds for a symbol and interval, and when its newest end was fetched:
-- bars inside it are never downloaded again; only the head before it and the tail after it are.
CREATE TABLE bar_coverage (
    symbol       VARCHAR(32)              NOT NULL,
    bar_interval VARCHAR(8)               NOT NULL,
    scope        VARCHAR(64)              NOT NULL,
    first_time   BIGINT                   NOT NULL,
    end_time     BIGINT                   NOT NULL,
    fetched_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    provider     VARCHAR(32)              NOT NULL,
    PRIMARY KEY (symbol, bar_interval, scope)
);
