package dev.sextant.marketdata.internal.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.marketdata.AssetClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Yahoo Finance's and Nasdaq's per-symbol feeds, and what a hostile feed cannot do. */
class RssFeedProviderTest extends ProviderStubTest {

    private static final Instant FROM = Instant.parse("2025-06-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-06-11T00:00:00Z");

    private final RssFeedProvider yahoo = RssFeedProvider.yahoo(http(), base());
    private final RssFeedProvider nasdaq = RssFeedProvider.nasdaq(http(), base());

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return ok(body).withHeader("Content-Type", "application/rss+xml; charset=utf-8");
    }

    @Test
    void test_yahooHeadlines_rfc822Dates_entitiesDecoded_scriptLinksDropped() {
        stub.stubFor(get(urlPathEqualTo("/rss/2.0/headline")).willReturn(xml(fixture("news/yahoo-headline-aapl.xml"))));

        List<ProviderArticle> news = yahoo.news("AAPL", AssetClass.EQUITY, FROM, TO, 50, null);

        assertThat(news)
                .containsExactly(
                        new ProviderArticle(
                                "https://finance.yahoo.com/news/apple-wwdc-ai-plans-143000123.html?.tsrc=rss",
                                // Markup in a title stays text: nothing here renders it.
                                "Apple's WWDC: AI & Siri updates <b>analysed</b>",
                                "Apple (AAPL) laid out its AI plans at WWDC; analysts weigh what it means for iPhone demand.",
                                "Yahoo Finance",
                                Instant.parse("2025-06-10T14:30:00Z"),
                                List.of("AAPL"),
                                null),
                        new ProviderArticle(
                                "https://finance.yahoo.com/news/apple-shares-slip-161500456.html?.tsrc=rss",
                                "Apple shares slip ahead of developer conference",
                                "Shares slipped before the conference.",
                                "Investor's Business Daily",
                                Instant.parse("2025-06-06T16:15:00Z"),
                                List.of("AAPL"),
                                null));
        stub.verify(getRequestedFor(urlPathEqualTo("/rss/2.0/headline"))
                .withQueryParam("s", equalTo("AAPL"))
                .withQueryParam("region", equalTo("US")));
    }

    @Test
    void test_nasdaqFeed_namedZones_cdata_tickersTag() {
        stub.stubFor(
                get(urlPathEqualTo("/feed/rssoutbound")).willReturn(xml(fixture("news/nasdaq-rssoutbound-aapl.xml"))));

        List<ProviderArticle> news = nasdaq.news("AAPL", AssetClass.EQUITY, FROM, TO, 50, null);

        assertThat(news)
                .containsExactly(
                        new ProviderArticle(
                                "https://www.nasdaq.com/articles/apple-aapl-stock-moves-what-you-should-know-2025-06-09",
                                "Apple (AAPL) Stock Moves: What You Should Know",
                                "<p>Apple (AAPL) closed at $201.45, marking a move from the previous day.</p>",
                                "Zacks",
                                Instant.parse("2025-06-09T22:45:00Z"),
                                List.of("AAPL", "MSFT", "BRK-B"),
                                null),
                        new ProviderArticle(
                                "https://www.nasdaq.com/articles/3-stocks-to-watch-this-week-2025-06-08",
                                "3 Stocks to Watch This Week",
                                "<p>A look at the week ahead.</p>",
                                "The Motley Fool",
                                Instant.parse("2025-06-08T11:00:00Z"),
                                List.of("AAPL"),
                                null));
        stub.verify(getRequestedFor(urlPathEqualTo("/feed/rssoutbound")).withQueryParam("symbol", equalTo("AAPL")));
    }

    @Test
    void test_atomFeed_alternateLinks_rfc3339Dates() {
        stub.stubFor(get(urlPathEqualTo("/rss/2.0/headline")).willReturn(xml(fixture("news/atom-headlines-aapl.xml"))));

        List<ProviderArticle> news = yahoo.news("AAPL", AssetClass.EQUITY, FROM, TO, 50, null);

        assertThat(news)
                .extracting(ProviderArticle::url)
                .containsExactly(
                        "https://news.example.org/2025/06/10/apple-ai-race",
                        "https://news.example.org/2025/06/07/apple-shares");
        assertThat(news)
                .extracting(ProviderArticle::title)
                .containsExactly("Apple &amp; the AI race", "Apple shares in focus");
        assertThat(news)
                .extracting(ProviderArticle::publishedAt)
                .containsExactly(Instant.parse("2025-06-10T13:15:00Z"), Instant.parse("2025-06-07T11:00:00Z"));
        assertThat(news.get(1).summary()).isEqualTo("Shares rose.");
    }

    @Test
    void test_hostileFeed_externalEntities_areNeverFetched_norExpanded() {
        String callback = base() + "/stolen";
        stub.stubFor(get(urlPathEqualTo("/stolen")).willReturn(ok("SECRET-FROM-CALLBACK")));
        for (String hostile : List.of("news/hostile-xxe.xml", "news/hostile-external-dtd.xml")) {
            stub.stubFor(get(urlPathEqualTo("/rss/2.0/headline"))
                    .willReturn(xml(fixture(hostile).replace("CALLBACK_URL", callback))));

            assertThatThrownBy(() -> yahoo.news("AAPL", AssetClass.EQUITY, FROM, TO, 50, null))
                    .as(hostile)
                    .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.BAD_DATA);
                        assertThat(f.getMessage()).doesNotContain("root:").doesNotContain("SECRET");
                    });
        }
        stub.verify(0, getRequestedFor(urlPathEqualTo("/stolen")));
    }

    @Test
    void test_hostileFeed_billionLaughs_isRefusedAtOnce() {
        stub.stubFor(
                get(urlPathEqualTo("/rss/2.0/headline")).willReturn(xml(fixture("news/hostile-billion-laughs.xml"))));

        long started = System.nanoTime();
        assertThatThrownBy(() -> yahoo.news("AAPL", AssetClass.EQUITY, FROM, TO, 50, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.BAD_DATA));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void test_oversizedFeed_isRefusedBeforeParsing_andOtherBadAnswers() {
        String item = "<item><title>x</title><link>https://a.example/x</link>"
                + "<pubDate>Tue, 10 Jun 2025 14:30:00 +0000</pubDate></item>";
        String huge = "<rss version=\"2.0\"><channel>" + item.repeat(RssFeedProvider.MAX_FEED_BYTES / item.length() + 1)
                + "</channel></rss>";
        stub.stubFor(get(urlPathEqualTo("/rss/2.0/headline")).willReturn(xml(huge)));
        assertThatThrownBy(() -> yahoo.news("AAPL", AssetClass.EQUITY, FROM, TO, 50, null))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.BAD_DATA);
                    assertThat(f.reason()).contains("larger than");
                });

        record Case(String body, ProviderFailure.Kind kind) {}
        for (Case c : List.of(
                new Case("<html><body>Will be right back</body></html>", ProviderFailure.Kind.BAD_DATA),
                new Case("<rss><channel><item><title>cut off", ProviderFailure.Kind.BAD_DATA),
                new Case(
                        "<rss><channel><item><title>x</title><link>https://a.example/x</link>"
                                + "<pubDate>someday</pubDate></item></channel></rss>",
                        ProviderFailure.Kind.BAD_DATA))) {
            stub.stubFor(get(urlPathEqualTo("/rss/2.0/headline")).willReturn(xml(c.body())));
            assertThatThrownBy(() -> yahoo.news("AAPL", AssetClass.EQUITY, FROM, TO, 50, null))
                    .as(c.body())
                    .isInstanceOfSatisfying(
                            ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(c.kind()));
        }
        stub.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429)));
        assertThatThrownBy(() -> nasdaq.news("AAPL", AssetClass.EQUITY, FROM, TO, 50, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED));
        stub.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> nasdaq.news("AAPL", AssetClass.EQUITY, FROM, TO, 50, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.UNAVAILABLE));
        stub.stubFor(get(urlPathEqualTo("/rss/2.0/headline"))
                .willReturn(xml("<rss version=\"2.0\"><channel></channel></rss>")));
        assertThat(yahoo.news("AAPL", AssetClass.EQUITY, FROM, TO, 50, null)).isEmpty();
    }
}
