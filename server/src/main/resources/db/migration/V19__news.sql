-- News, point in time. Each article is stored once (deduplicated across sources by its canonical
-- URL, url_key, and by a near-identical headline, title_key within 48 hours; see ArticleKeys) and
-- never rewritten but for the symbols later sources tag it with. Headline and summary are plain
-- text, already capped and stripped of control characters. id is derived from the canonical URL.
CREATE TABLE news_article (
    id           VARCHAR(32)              NOT NULL PRIMARY KEY,
    url_key      VARCHAR(64)              NOT NULL,
    title_key    VARCHAR(64),
    url          VARCHAR(2000)            NOT NULL,
    headline     VARCHAR(300)             NOT NULL,
    summary      VARCHAR(2000),
    source       VARCHAR(100)             NOT NULL,
    provider     VARCHAR(32)              NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    known_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    symbols      VARCHAR(700)             NOT NULL,
    sentiment    DOUBLE PRECISION,
    scorer       VARCHAR(64)
);
CREATE UNIQUE INDEX news_article_url ON news_article (url_key);
CREATE INDEX news_article_title ON news_article (title_key, published_at);

-- Which symbol's news an article is, in which scope, since when: the read path. scope is 'public'
-- or 'user:<id>' for an article only that user's own provider key brought (as for bars). known_at
-- is when the article first became part of this symbol's news in this scope: a read as of an
-- earlier moment does not see it. published_at repeats the article's, so a symbol's range is one
-- index scan.
CREATE TABLE news_symbol (
    symbol       VARCHAR(32)              NOT NULL,
    scope        VARCHAR(64)              NOT NULL,
    article_id   VARCHAR(32)              NOT NULL REFERENCES news_article (id),
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    known_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (symbol, scope, article_id)
);
CREATE INDEX news_symbol_range ON news_symbol (symbol, published_at);
CREATE INDEX news_symbol_article ON news_symbol (article_id);

-- When a symbol's news was last fetched for a scope, and what each provider answered then (one
-- line per provider: id|outcome|articles|detail), so reads within the freshness window ask nobody.
CREATE TABLE news_fetch (
    symbol     VARCHAR(32)              NOT NULL,
    scope      VARCHAR(64)              NOT NULL,
    fetched_at TIMESTAMP WITH TIME ZONE NOT NULL,
    outcomes   VARCHAR(4000)            NOT NULL,
    PRIMARY KEY (symbol, scope)
);
