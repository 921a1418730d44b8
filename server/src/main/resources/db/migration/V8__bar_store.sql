-- Stored bars, point in time: a bar is never overwritten. A restated value is a new row with a
-- later known_at, so a question "as of" a past moment sees exactly what was known then.
CREATE TABLE bar (
    symbol       VARCHAR(32)              NOT NULL,
    bar_interval VARCHAR(8)               NOT NULL,
    bar_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    known_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    open_price   DOUBLE PRECISION         NOT NULL,
    high_price   DOUBLE PRECISION         NOT NULL,
    low_price    DOUBLE PRECISION         NOT NULL,
    close_price  DOUBLE PRECISION         NOT NULL,
    volume       DOUBLE PRECISION         NOT NULL,
    provider     VARCHAR(32)              NOT NULL,
    PRIMARY KEY (symbol, bar_interval, bar_time, known_at)
);
