-- OAuth 2.1 for remote MCP clients: Spring Authorization Server's own tables (its JDBC services
-- read and write them), in types both H2 and PostgreSQL accept: the upstream schema's blob columns
-- are VARCHAR here (H2 cannot compare LOBs in the token look-ups, PostgreSQL has no blob), its
-- timestamps carry the zone. Token values are stored as issued: authorization codes live minutes,
-- access tokens are signed JWTs that the server verifies by signature, refresh tokens are random.

-- Clients, registered by themselves through RFC 7591 (public clients only, see PublicClientRegistrations).
CREATE TABLE oauth2_registered_client (
    id                            VARCHAR(100)             NOT NULL PRIMARY KEY,
    client_id                     VARCHAR(100)             NOT NULL,
    client_id_issued_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret                 VARCHAR(200),
    client_secret_expires_at      TIMESTAMP WITH TIME ZONE,
    client_name                   VARCHAR(200)             NOT NULL,
    client_authentication_methods VARCHAR(1000)            NOT NULL,
    authorization_grant_types     VARCHAR(1000)            NOT NULL,
    redirect_uris                 VARCHAR(1000),
    post_logout_redirect_uris     VARCHAR(1000),
    scopes                        VARCHAR(1000)            NOT NULL,
    client_settings               VARCHAR(2000)            NOT NULL,
    token_settings                VARCHAR(2000)            NOT NULL,
    CONSTRAINT oauth2_registered_client_id_unique UNIQUE (client_id)
);

-- One row per grant: the pending authorization request, then its code, access and refresh token.
CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100)             NOT NULL PRIMARY KEY,
    registered_client_id          VARCHAR(100)             NOT NULL,
    principal_name                VARCHAR(200)             NOT NULL,
    authorization_grant_type      VARCHAR(100)             NOT NULL,
    authorized_scopes             VARCHAR(1000),
    attributes                    VARCHAR(100000),
    state                         VARCHAR(500),
    authorization_code_value      VARCHAR(4000),
    authorization_code_issued_at  TIMESTAMP WITH TIME ZONE,
    authorization_code_expires_at TIMESTAMP WITH TIME ZONE,
    authorization_code_metadata   VARCHAR(4000),
    access_token_value            VARCHAR(20000),
    access_token_issued_at        TIMESTAMP WITH TIME ZONE,
    access_token_expires_at       TIMESTAMP WITH TIME ZONE,
    access_token_metadata         VARCHAR(20000),
    access_token_type             VARCHAR(100),
    access_token_scopes           VARCHAR(1000),
    oidc_id_token_value           VARCHAR(20000),
    oidc_id_token_issued_at       TIMESTAMP WITH TIME ZONE,
    oidc_id_token_expires_at      TIMESTAMP WITH TIME ZONE,
    oidc_id_token_metadata        VARCHAR(20000),
    refresh_token_value           VARCHAR(4000),
    refresh_token_issued_at       TIMESTAMP WITH TIME ZONE,
    refresh_token_expires_at      TIMESTAMP WITH TIME ZONE,
    refresh_token_metadata        VARCHAR(4000),
    user_code_value               VARCHAR(4000),
    user_code_issued_at           TIMESTAMP WITH TIME ZONE,
    user_code_expires_at          TIMESTAMP WITH TIME ZONE,
    user_code_metadata            VARCHAR(4000),
    device_code_value             VARCHAR(4000),
    device_code_issued_at         TIMESTAMP WITH TIME ZONE,
    device_code_expires_at        TIMESTAMP WITH TIME ZONE,
    device_code_metadata          VARCHAR(4000)
);

CREATE INDEX oauth2_authorization_state_idx ON oauth2_authorization (state);
CREATE INDEX oauth2_authorization_principal_idx ON oauth2_authorization (principal_name);

-- What each user allowed each client (scopes as SCOPE_ authorities).
CREATE TABLE oauth2_authorization_consent (
    registered_client_id VARCHAR(100)  NOT NULL,
    principal_name       VARCHAR(200)  NOT NULL,
    authorities          VARCHAR(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

-- The RSA key that signs OAuth access tokens, made once by the first node to start and shared by
-- every node through the database (so a restart or another node never invalidates issued tokens).
-- A JWK with its private part: protect database backups as you would the key itself.
CREATE TABLE oauth_signing_key (
    kid        VARCHAR(64)              NOT NULL PRIMARY KEY,
    jwk        VARCHAR(8000)            NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
