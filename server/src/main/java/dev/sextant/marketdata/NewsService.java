package dev.sextant.marketdata;

import dev.sextant.platform.Caller;

/**
 * The one way into news: a symbol's articles, point in time. A read as of a moment sees only the
 * articles Sextant had stored by then ({@link dev.sextant.analytics.news.NewsItem#knownAt()}), so a
 * backtest or an agent run dated in the past never sees a later headline. Demo instruments get the
 * demo market's synthetic headlines (labelled demo), real instruments the providers' articles; the
 * two are never mixed. Unknown symbols and impossible ranges fail with a
 * {@link dev.sextant.platform.DomainException} stating one of the {@link MarketDataRefusals}.
 *
 * <p>Articles fetched with a user's own provider key are that user's alone: another caller's read
 * never sees them.
 */
public interface NewsService {

    NewsPage news(Caller caller, NewsQuery query);
}
