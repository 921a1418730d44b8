-- The audit log: append-only, hash-chained. Each row's hash covers its content and the previous
-- row's hash, so editing or deleting any row breaks the chain from there on ('./sextant audit
-- verify'). The head row records the last link, so that removing the newest rows shows too.
CREATE TABLE audit_event (
    seq            BIGINT                   NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    type           VARCHAR(40)              NOT NULL,
    actor          VARCHAR(64),
    subject        VARCHAR(200),
    client_address VARCHAR(64),
    request_id     VARCHAR(64),
    details        VARCHAR(4000)            NOT NULL,
    prev_hash      VARCHAR(64)              NOT NULL,
    hash           VARCHAR(64)              NOT NULL
);

CREATE INDEX audit_event_type_idx ON audit_event (type, occurred_at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, occurred_at);

CREATE TABLE audit_chain_head (
    id        INTEGER     NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
