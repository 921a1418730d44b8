-- A compact copy of a whole daily (or longer) bar series, the latest value of every bar, read in
-- one row instead of one row per bar: reading thousands of rows per symbol is what makes years of
-- history for hundreds of symbols slow, on the embedded database most of all.
-- bar_series_version counts the writes to a series (bumped in the write's transaction); a
-- snapshot serves only while its version is the series' current one and the reader's asOf is at
-- or after known_through, the newest known_at it holds. Anything else reads the bar rows.
CREATE TABLE bar_series_version (
    symbol       VARCHAR(32) NOT NULL,
    bar_interval VARCHAR(8)  NOT NULL,
    scope        VARCHAR(64) NOT NULL,
    version      BIGINT      NOT NULL,
    PRIMARY KEY (symbol, bar_interval, scope)
);

CREATE TABLE bar_snapshot (
    symbol        VARCHAR(32)              NOT NULL,
    bar_interval  VARCHAR(8)               NOT NULL,
    scope         VARCHAR(64)              NOT NULL,
    version       BIGINT                   NOT NULL,
    known_through TIMESTAMP WITH TIME ZONE NOT NULL,
    bar_count     INTEGER                  NOT NULL,
    bars          BYTEA                    NOT NULL,
    PRIMARY KEY (symbol, bar_interval, scope)
);
