-- API keys for programs and MCP clients. The key is shown once at creation and stored only as a
-- keyed SHA-256 hash (HMAC); 'prefix' keeps its first characters so a user can tell keys apart.
CREATE TABLE api_key (
    id           UUID                     NOT NULL PRIMARY KEY,
    user_id      UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         VARCHAR(100)             NOT NULL,
    prefix       VARCHAR(24)              NOT NULL,
    key_hash     VARCHAR(64)              NOT NULL,
    scopes       VARCHAR(200)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_key_hash_unique UNIQUE (key_hash)
);

CREATE INDEX api_key_user_idx ON api_key (user_id);
