-- Accounts and their refresh tokens.
-- username is stored lower-case so that uniqueness is case-insensitive on every database.
-- security_version is part of every access token: raising it (password change, "log out
-- everywhere") invalidates all tokens issued before.
CREATE TABLE app_user (
    id                   UUID                     NOT NULL PRIMARY KEY,
    username             VARCHAR(64)              NOT NULL,
    email                VARCHAR(254),
    password_hash        VARCHAR(255)             NOT NULL,
    roles                VARCHAR(64)              NOT NULL,
    must_change_password BOOLEAN                  NOT NULL,
    security_version     INTEGER                  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_user_username_unique UNIQUE (username)
);

-- Refresh tokens are stored only as SHA-256 hashes. Each login starts a family; every refresh
-- marks the presented token used and issues the next one in the same family. A used token
-- presented again means it was stolen: the whole family is revoked.
CREATE TABLE refresh_token (
    id         UUID                     NOT NULL PRIMARY KEY,
    family_id  UUID                     NOT NULL,
    user_id    UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash VARCHAR(64)              NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT refresh_token_hash_unique UNIQUE (token_hash)
);

CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_user_idx ON refresh_token (user_id);
