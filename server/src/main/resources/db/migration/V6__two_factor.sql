-- TOTP two-factor sign-in. The TOTP secret itself lives in the vault (encrypted, purpose 'totp');
-- the account records whether it is on and the last time step used, so no code works twice.
ALTER TABLE app_user ADD COLUMN totp_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT DEFAULT 0 NOT NULL;

-- Single-use recovery codes, stored as keyed hashes.
CREATE TABLE recovery_code (
    id        UUID                     NOT NULL PRIMARY KEY,
    user_id   UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    code_hash VARCHAR(64)              NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT recovery_code_unique UNIQUE (user_id, code_hash)
);
