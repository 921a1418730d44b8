-- The instruments Sextant can serve. One row per canonical symbol; the provider that serves it and
-- whether its prices are synthetic demo data. Portable SQL: runs on PostgreSQL and on H2 in
-- PostgreSQL mode.
CREATE TABLE instrument (
    symbol      VARCHAR(32)              NOT NULL PRIMARY KEY,
    name        VARCHAR(200)             NOT NULL,
    exchange    VARCHAR(64)              NOT NULL,
    asset_class VARCHAR(16)              NOT NULL,
    currency    VARCHAR(8)               NOT NULL,
    provider    VARCHAR(32)              NOT NULL,
    demo        BOOLEAN                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT instrument_asset_class_known CHECK (asset_class IN ('EQUITY', 'ETF', 'INDEX', 'CRYPTO'))
);

CREATE INDEX instrument_provider_idx ON instrument (provider);
