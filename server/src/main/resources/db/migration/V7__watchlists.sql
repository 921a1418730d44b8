-- Watchlists: named, ordered symbol lists, each its owner's only.
CREATE TABLE watchlist (
    id         UUID                     NOT NULL PRIMARY KEY,
    owner_id   UUID                     NOT NULL,
    name       VARCHAR(100)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT watchlist_name_unique UNIQUE (owner_id, name)
);

CREATE TABLE watchlist_symbol (
    watchlist_id UUID        NOT NULL REFERENCES watchlist (id) ON DELETE CASCADE,
    position     INTEGER     NOT NULL,
    symbol       VARCHAR(32) NOT NULL,
    PRIMARY KEY (watchlist_id, position)
);
