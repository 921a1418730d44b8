-- Alerts: a user's TRACK statements, evaluated on live quotes, and each time one fired.
-- owner_id is not a foreign key, as for watchlists: accounts are deleted by their own module.
CREATE TABLE alert (
    id                UUID                     NOT NULL PRIMARY KEY,
    owner_id          UUID                     NOT NULL,
    symbol            VARCHAR(32)              NOT NULL,
    statement_text    VARCHAR(2100)            NOT NULL,
    condition_text    VARCHAR(2000)            NOT NULL,
    state             VARCHAR(16)              NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_evaluated_at TIMESTAMP WITH TIME ZONE,
    last_fired_at     TIMESTAMP WITH TIME ZONE,
    -- Whether the condition held at the last evaluation: the edge a firing needs survives a restart.
    condition_met     BOOLEAN                  NOT NULL DEFAULT FALSE,
    CONSTRAINT alert_state CHECK (state IN ('active', 'paused'))
);

CREATE INDEX alert_owner ON alert (owner_id, created_at);
CREATE INDEX alert_active_symbol ON alert (state, symbol);

CREATE TABLE alert_firing (
    alert_id    UUID                     NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    fired_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The price, provider, demo flag and each metric's value when it fired, as JSON.
    values_json VARCHAR(8000)            NOT NULL,
    PRIMARY KEY (alert_id, fired_at)
);
