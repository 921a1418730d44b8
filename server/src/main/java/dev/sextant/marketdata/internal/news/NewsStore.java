package dev.sextant.marketdata.internal.news;

import dev.sextant.analytics.news.NewsItem;
import dev.sextant.marketdata.NewsProvenance;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stored articles, point in time. A write adds the articles not held yet (see {@link ArticleKeys}
 * for when two listings are one article) and links each to its symbols in a scope, stamped with
 * the moment it was stored; nothing stored is rewritten but an article's symbol list. A read as of a
 * moment answers only the links known by then, so a later headline never reaches an earlier read.
 * Thread-safe; concurrent writers of one article (two nodes, two symbols' fetches) settle on one row.
 */
@Repository
public class NewsStore {

    public static final String PUBLIC = "public";

    /** How close in time two articles with one normalised headline must be to count as one. */
    public static final Duration SAME_TITLE_WINDOW = Duration.ofHours(48);

    static final int MAX_SYMBOLS = 20;

    /** An article as a provider listed it, its sentiment already scored. */
    public record Incoming(
            String url,
            String headline,
            @Nullable String summary,
            String source,
            String provider,
            Instant publishedAt,
            List<String> symbols,
            @Nullable Double sentiment,
            @Nullable String scorer) {

        public Incoming {
            symbols = List.copyOf(symbols);
        }
    }

    /**
     * What a write did.
     *
     * @param added articles new to the store
     * @param merged listings found to be an article already held (or listed twice in the write)
     * @param linked symbol links new to the scope
     */
    public record Written(int added, int merged, int linked, Instant knownAt) {}

    /** Where a page starts: after the article published at {@code publishedAt} with {@code id}. */
    public record Position(Instant publishedAt, String id) {}

    /** A symbol's last fetch in a scope. */
    public record Fetch(Instant fetchedAt, List<NewsProvenance.ProviderOutcome> outcomes) {
        public Fetch {
            outcomes = List.copyOf(outcomes);
        }
    }

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;

    NewsStore(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Stores the articles in {@code scope}, known at {@code knownAt} (to the microsecond the databases keep). */
    public Written write(List<Incoming> articles, String scope, Instant knownAt) {
        Instant stamp = knownAt.truncatedTo(ChronoUnit.MICROS);
        List<Prepared> prepared = articles.stream().map(NewsStore::prepare).toList();
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> writeOnce(prepared, scope, stamp));
            } catch (DuplicateKeyException raced) {
                // Another writer stored one of these articles between our look-up and our insert:
                // the next attempt finds it and merges instead.
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }

    private record Prepared(
            String id,
            String urlKey,
            @Nullable String titleKey,
            String url,
            String headline,
            @Nullable String summary,
            String source,
            String provider,
            Instant publishedAt,
            List<String> symbols,
            @Nullable Double sentiment,
            @Nullable String scorer) {}

    private static Prepared prepare(Incoming in) {
        String url = NewsText.cap(in.url().strip(), NewsText.MAX_URL);
        String headline = NewsText.clean(in.headline(), NewsText.MAX_HEADLINE);
        String source = NewsText.clean(in.source(), NewsText.MAX_SOURCE);
        Double sentiment = in.sentiment() == null || !Double.isFinite(in.sentiment())
                ? null
                : Math.max(-1, Math.min(1, in.sentiment()));
        return new Prepared(
                ArticleKeys.id(url),
                ArticleKeys.urlKey(url),
                ArticleKeys.titleKey(headline),
                url,
                headline,
                NewsText.clean(in.summary(), NewsText.MAX_SUMMARY),
                source.isEmpty() ? in.provider() : source,
                in.provider(),
                in.publishedAt().truncatedTo(ChronoUnit.MICROS),
                in.symbols().stream().distinct().limit(MAX_SYMBOLS).toList(),
                sentiment,
                sentiment == null ? null : in.scorer());
    }

    /** An article held: its id, when published, and its symbols. */
    private record Held(String id, Instant publishedAt, List<String> symbols) {}

    private Written writeOnce(List<Prepared> articles, String scope, Instant knownAt) {
        Map<String, Held> byUrl =
                heldBy("url_key", articles.stream().map(Prepared::urlKey).toList());
        Map<String, List<Held>> byTitle = new HashMap<>();
        List<String> titleKeys = articles.stream()
                .filter(a -> !byUrl.containsKey(a.urlKey()) && a.titleKey() != null)
                .map(Prepared::titleKey)
                .toList();
        for (List<String> chunk : chunks(titleKeys)) {
            jdbc.sql("SELECT title_key, id, published_at, symbols FROM news_article WHERE title_key IN ("
                            + marks(chunk.size()) + ")")
                    .params(chunk.toArray())
                    .query((row, n) -> {
                        byTitle.computeIfAbsent(row.getString(1), k -> new ArrayList<>())
                                .add(new Held(row.getString(2), instant(row, 3), symbols(row.getString(4))));
                        return null;
                    })
                    .list();
        }
        // Per article of this write: the id it is stored under, and the symbols to link.
        Map<String, Held> resolved = new LinkedHashMap<>();
        Map<String, Set<String>> links = new LinkedHashMap<>();
        Map<String, Set<String>> addedSymbols = new HashMap<>();
        List<Object[]> inserts = new ArrayList<>();
        int added = 0;
        int merged = 0;
        for (Prepared article : articles) {
            Held held = byUrl.get(article.urlKey());
            if (held == null && article.titleKey() != null) {
                held = byTitle.getOrDefault(article.titleKey(), List.of()).stream()
                        .filter(h -> within(h.publishedAt(), article.publishedAt()))
                        .findFirst()
                        .orElse(null);
            }
            if (held == null) {
                held = new Held(article.id(), article.publishedAt(), article.symbols());
                byUrl.put(article.urlKey(), held);
                if (article.titleKey() != null) {
                    byTitle.computeIfAbsent(article.titleKey(), k -> new ArrayList<>())
                            .add(held);
                }
                inserts.add(new Object[] {
                    article.id(),
                    article.urlKey(),
                    article.titleKey(),
                    article.url(),
                    article.headline(),
                    article.summary(),
                    article.source(),
                    article.provider(),
                    Timestamp.from(article.publishedAt()),
                    Timestamp.from(knownAt),
                    String.join(",", article.symbols()),
                    article.sentiment(),
                    article.scorer()
                });
                added++;
            } else {
                merged++;
                Set<String> more = new LinkedHashSet<>(article.symbols());
                more.removeAll(held.symbols());
                if (!more.isEmpty()) {
                    addedSymbols
                            .computeIfAbsent(held.id(), k -> new LinkedHashSet<>())
                            .addAll(more);
                }
            }
            resolved.put(held.id(), held);
            links.computeIfAbsent(held.id(), k -> new LinkedHashSet<>()).addAll(article.symbols());
        }
        batch.batchUpdate(
                "INSERT INTO news_article (id, url_key, title_key, url, headline, summary, source, provider, "
                        + "published_at, known_at, symbols, sentiment, scorer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                inserts);
        List<Object[]> symbolUpdates = new ArrayList<>();
        addedSymbols.forEach((id, more) -> {
            Held held = resolved.get(id);
            List<String> all = new ArrayList<>(held.symbols());
            more.stream().filter(s -> !all.contains(s)).forEach(all::add);
            symbolUpdates.add(new Object[] {String.join(",", all.subList(0, Math.min(all.size(), MAX_SYMBOLS))), id});
        });
        batch.batchUpdate("UPDATE news_article SET symbols = ? WHERE id = ?", symbolUpdates);
        return new Written(added, merged, link(resolved, links, scope, knownAt), knownAt);
    }

    /** Links each article to its symbols in the scope, where not linked yet; answers how many links were new. */
    private int link(Map<String, Held> articles, Map<String, Set<String>> links, String scope, Instant knownAt) {
        Set<String> linked = new HashSet<>();
        for (List<String> chunk : chunks(new ArrayList<>(articles.keySet()))) {
            List<Object> params = new ArrayList<>();
            params.add(scope);
            params.addAll(chunk);
            jdbc.sql("SELECT article_id, symbol FROM news_symbol WHERE scope = ? AND article_id IN ("
                            + marks(chunk.size()) + ")")
                    .params(params.toArray())
                    .query((row, n) -> linked.add(row.getString(1) + "|" + row.getString(2)))
                    .list();
        }
        List<Object[]> rows = new ArrayList<>();
        Timestamp stamp = Timestamp.from(knownAt);
        links.forEach((id, symbols) -> {
            for (String symbol : symbols) {
                if (linked.add(id + "|" + symbol)) {
                    rows.add(new Object[] {
                        symbol, scope, id, Timestamp.from(articles.get(id).publishedAt()), stamp
                    });
                }
            }
        });
        batch.batchUpdate(
                "INSERT INTO news_symbol (symbol, scope, article_id, published_at, known_at) VALUES (?, ?, ?, ?, ?)",
                rows);
        return rows.size();
    }

    private Map<String, Held> heldBy(String column, List<String> keys) {
        Map<String, Held> held = new HashMap<>();
        for (List<String> chunk : chunks(keys.stream().distinct().toList())) {
            jdbc.sql("SELECT " + column + ", id, published_at, symbols FROM news_article WHERE " + column + " IN ("
                            + marks(chunk.size()) + ")")
                    .params(chunk.toArray())
                    .query((row, n) -> held.put(
                            row.getString(1), new Held(row.getString(2), instant(row, 3), symbols(row.getString(4)))))
                    .list();
        }
        return held;
    }

    /**
     * The articles about {@code symbol} published in {@code [from, to)} and known in one of the
     * scopes at {@code asOf}, newest first (ties by id), at most {@code limit}, after {@code after}.
     * An article's {@code knownAt} is the earliest moment one of the scopes knew it for the symbol.
     */
    public List<NewsItem> read(
            String symbol,
            List<String> scopes,
            Instant from,
            Instant to,
            Instant asOf,
            int limit,
            @Nullable Position after) {
        List<Object> params = new ArrayList<>();
        params.add(symbol);
        params.addAll(scopes);
        params.addAll(List.of(Timestamp.from(from), Timestamp.from(to), Timestamp.from(asOf)));
        String page = "";
        if (after != null) {
            page = " AND (published_at < ? OR (published_at = ? AND article_id < ?))";
            params.addAll(
                    List.of(Timestamp.from(after.publishedAt()), Timestamp.from(after.publishedAt()), after.id()));
        }
        params.add(limit);
        return jdbc.sql("SELECT a.id, a.provider, a.source, a.url, a.headline, a.summary, a.published_at, v.known, "
                        + "a.symbols, a.sentiment, a.scorer FROM (SELECT article_id, published_at, MIN(known_at) AS known "
                        + "FROM news_symbol WHERE symbol = ? AND scope IN (" + marks(scopes.size()) + ") "
                        + "AND published_at >= ? AND published_at < ? AND known_at <= ?" + page
                        + " GROUP BY article_id, published_at ORDER BY published_at DESC, article_id DESC LIMIT ?) v "
                        + "JOIN news_article a ON a.id = v.article_id ORDER BY v.published_at DESC, v.article_id DESC")
                .params(params.toArray())
                .query((row, n) -> new NewsItem(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        instant(row, 7),
                        instant(row, 8),
                        symbols(row.getString(9)),
                        nullableDouble(row, 10),
                        row.getString(11),
                        false))
                .list();
    }

    public Optional<Fetch> lastFetch(String symbol, String scope) {
        return jdbc.sql("SELECT fetched_at, outcomes FROM news_fetch WHERE symbol = ? AND scope = ?")
                .params(symbol, scope)
                .query((row, n) -> new Fetch(instant(row, 1), outcomes(row.getString(2))))
                .optional();
    }

    public void recordFetch(String symbol, String scope, Fetch fetch) {
        String outcomes = encode(fetch.outcomes());
        Timestamp at = Timestamp.from(fetch.fetchedAt().truncatedTo(ChronoUnit.MICROS));
        int updated = jdbc.sql("UPDATE news_fetch SET fetched_at = ?, outcomes = ? WHERE symbol = ? AND scope = ?")
                .params(at, outcomes, symbol, scope)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO news_fetch (symbol, scope, fetched_at, outcomes) VALUES (?, ?, ?, ?)")
                        .params(symbol, scope, at, outcomes)
                        .update();
            } catch (DuplicateKeyException raced) {
                // Another node recorded a fetch of the same symbol at the same time: either record will do.
            }
        }
    }

    private static String encode(List<NewsProvenance.ProviderOutcome> outcomes) {
        StringBuilder out = new StringBuilder();
        for (NewsProvenance.ProviderOutcome o : outcomes) {
            String detail = o.detail() == null ? "" : o.detail().replaceAll("[|\\n\\r]", " ");
            String line = o.provider() + "|" + o.outcome() + "|" + o.articles() + "|" + NewsText.cap(detail, 300);
            if (out.length() + line.length() + 1 > 3_900) {
                break;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static List<NewsProvenance.ProviderOutcome> outcomes(String text) {
        List<NewsProvenance.ProviderOutcome> outcomes = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split("\\|", 4);
            if (parts.length == 4) {
                outcomes.add(new NewsProvenance.ProviderOutcome(
                        parts[0], parts[1], Integer.parseInt(parts[2]), parts[3].isEmpty() ? null : parts[3]));
            }
        }
        return outcomes;
    }

    private static boolean within(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(SAME_TITLE_WINDOW) <= 0;
    }

    private static List<String> symbols(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    private static @Nullable Double nullableDouble(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
