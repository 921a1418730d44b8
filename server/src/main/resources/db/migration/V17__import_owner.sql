-- Who owns an imported symbol: the account whose import created it. Only the owner may import
-- again under that symbol (an administrator may override, audited). Imports made before this table
-- existed have no row here: they are owned by no one, and only an administrator may replace them.
-- owner_id is not a foreign key: a deleted account's imports stay, still closed to other analysts.
CREATE TABLE import_owner (
    symbol     VARCHAR(32)              NOT NULL PRIMARY KEY,
    owner_id   UUID                     NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
