package dev.sextant.marketdata.internal.newsdesk;

import dev.sextant.analytics.news.NewsItem;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataRefusals;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.NewsPage;
import dev.sextant.marketdata.NewsQuery;
import dev.sextant.marketdata.NewsService;
import dev.sextant.marketdata.Symbols;
import dev.sextant.marketdata.internal.demo.DemoNews;
import dev.sextant.marketdata.internal.live.LiveNews;
import dev.sextant.marketdata.internal.news.NewsCursor;
import dev.sextant.marketdata.internal.news.NewsRead;
import dev.sextant.marketdata.internal.news.NewsStore;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The news service: routes a demo instrument to the demo market's synthetic headlines and every
 * other instrument to the stored, fetched news, so the two never meet in one answer; pages the
 * result with a cursor that pins the moment the first page was read as of.
 */
@Service
class NewsDesk implements NewsService {

    private final MarketDataService marketData;
    private final DemoNews demo;
    private final LiveNews live;
    private final Clock clock;

    NewsDesk(MarketDataService marketData, DemoNews demo, LiveNews live, Clock clock) {
        this.marketData = marketData;
        this.demo = demo;
        this.live = live;
        this.clock = clock;
    }

    @Override
    public NewsPage news(Caller caller, NewsQuery query) {
        String asked = Symbols.canonical(query.symbol(), "symbol");
        Instrument instrument = marketData
                .instrument(caller, asked)
                .orElseThrow(() -> new DomainException(
                        MarketDataRefusals.UNKNOWN_SYMBOL,
                        "Unknown symbol '" + asked + "'. GET /api/v1/instruments lists the known ones.",
                        Map.of("symbol", asked)));
        // An alias (BTC) reads the news of the instrument it names (BTC-USD), stored under that symbol.
        String symbol = instrument.symbol();
        NewsCursor cursor = query.cursor() == null ? null : NewsCursor.decode(query.cursor());
        Instant asOf = cursor != null ? cursor.asOf() : query.asOf();
        NewsStore.Position after = cursor == null ? null : cursor.after();
        int wanted = query.limit() + 1;
        NewsRead read;
        if (instrument.demo()) {
            Instant now = clock.instant();
            read = demo.read(
                    symbol, query.from(), query.to(), asOf == null || asOf.isAfter(now) ? now : asOf, wanted, after);
        } else {
            read = live.read(
                    instrument,
                    query.from(),
                    query.to(),
                    asOf,
                    wanted,
                    after,
                    caller.user().value());
        }
        List<NewsItem> items = read.items();
        String next = null;
        if (items.size() > query.limit()) {
            items = items.subList(0, query.limit());
            NewsItem last = items.getLast();
            next = new NewsCursor(read.asOf(), new NewsStore.Position(last.publishedAt(), last.id())).encode();
        }
        return new NewsPage(symbol, query.from(), query.to(), read.asOf(), items, next, read.provenance());
    }
}
