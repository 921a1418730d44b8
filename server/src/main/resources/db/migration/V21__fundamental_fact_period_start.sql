-- A fact's period start (issue 14): a 10-Q reports a flow for the quarter and for the year to date,
-- both ending on the same day in the same filing, so the old key (which had no start) kept only one
-- of them. The table is rebuilt (portable between PostgreSQL and H2, which drop keys differently)
-- without a primary key: period_start is null for a balance, and the store itself adds only the facts
-- it does not hold yet (writes of one symbol are single-flighted). Facts held so far keep a null start
-- until the symbol's next daily refresh, which replaces each with the fact as the provider reports it now.
CREATE TABLE fundamental_fact_v21 (
    symbol        VARCHAR(32)              NOT NULL,
    concept       VARCHAR(128)             NOT NULL,
    unit          VARCHAR(32)              NOT NULL,
    period_start  DATE,
    period_end    DATE                     NOT NULL,
    fiscal_period VARCHAR(8)               NOT NULL,
    filed         DATE                     NOT NULL,
    fact_value    DOUBLE PRECISION         NOT NULL,
    known_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    provider      VARCHAR(32)              NOT NULL
);

INSERT INTO fundamental_fact_v21 (symbol, concept, unit, period_start, period_end, fiscal_period, filed, fact_value,
                                  known_at, provider)
SELECT symbol, concept, unit, NULL, period_end, fiscal_period, filed, fact_value, known_at, provider
FROM fundamental_fact;

DROP TABLE fundamental_fact;
ALTER TABLE fundamental_fact_v21 RENAME TO fundamental_fact;
CREATE INDEX fundamental_fact_symbol_filed_idx ON fundamental_fact (symbol, filed);
