-- BYOK secrets (LLM and data-provider keys), envelope-encrypted: each value is encrypted with its
-- own random data key (AES-256-GCM), and that data key is stored only wrapped by the master key
-- (AES-256-GCM again). Associated data binds each ciphertext to its id, owner and purpose, so a
-- ciphertext copied to another row or owner does not decrypt. 'master_key_id' names the master key
-- that wrapped the data key, so master keys can be rotated row by row while the server runs.
CREATE TABLE vault_secret (
    id            UUID                     NOT NULL PRIMARY KEY,
    owner_id      UUID                     NOT NULL,
    purpose       VARCHAR(40)              NOT NULL,
    name          VARCHAR(100)             NOT NULL,
    ciphertext    VARCHAR(8000)            NOT NULL,
    wrapped_key   VARCHAR(200)             NOT NULL,
    master_key_id VARCHAR(16)              NOT NULL,
    masked        VARCHAR(32)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT vault_secret_name_unique UNIQUE (owner_id, purpose, name)
);

CREATE INDEX vault_secret_master_key_idx ON vault_secret (master_key_id);
