-- Macro series (yields, inflation, unemployment...) join the catalog as their own asset class.
ALTER TABLE instrument DROP CONSTRAINT instrument_asset_class_known;
ALTER TABLE instrument ADD CONSTRAINT instrument_asset_class_known
    CHECK (asset_class IN ('EQUITY', 'ETF', 'INDEX', 'CRYPTO', 'MACRO'));
