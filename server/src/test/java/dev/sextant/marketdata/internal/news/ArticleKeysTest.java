package dev.sextant.marketdata.internal.news;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When two listings are one article: canonical URLs and normalised headlines. */
class ArticleKeysTest {

    @Test
    void test_canonicalUrl_dropsTrackingAndFragment_lowerCasesSchemeAndHost_sortsTheRest() {
        assertThat(ArticleKeys.canonicalUrl(
                        "HTTPS://News.Example.COM:443/Markets/Story/?utm_source=x&b=2&fbclid=1&a=1#comments"))
                .isEqualTo("https://news.example.com/Markets/Story?a=1&b=2");
        assertThat(ArticleKeys.canonicalUrl("http://example.com:80")).isEqualTo("http://example.com/");
        assertThat(ArticleKeys.canonicalUrl("http://example.com:8080/a")).isEqualTo("http://example.com:8080/a");
        assertThat(ArticleKeys.canonicalUrl("  not a url at all ")).isEqualTo("not a url at all");
        assertThat(ArticleKeys.urlKey("https://example.com/a?utm_medium=rss"))
                .isEqualTo(ArticleKeys.urlKey("https://EXAMPLE.com/a/#top"));
        assertThat(ArticleKeys.urlKey("https://example.com/a?id=1"))
                .isNotEqualTo(ArticleKeys.urlKey("https://example.com/a?id=2"));
        assertThat(ArticleKeys.canonicalUrl("https://example.com/Path"))
                .as("paths are case-sensitive")
                .isNotEqualTo(ArticleKeys.canonicalUrl("https://example.com/path"));
    }

    @Test
    void test_normalisedTitle_foldsCaseAccentsAndPunctuation_shortTitlesHaveNoKey() {
        assertThat(ArticleKeys.normalisedTitle("  Nestlé BEATS estimates — again!  "))
                .isEqualTo("nestle beats estimates again");
        assertThat(ArticleKeys.titleKey("Acme beats estimates again"))
                .isEqualTo(ArticleKeys.titleKey("ACME: beats estimates, again."));
        assertThat(ArticleKeys.titleKey("Market update today"))
                .as("three words say too little")
                .isNull();
        assertThat(ArticleKeys.titleKey("!!! ???")).isNull();
    }

    @Test
    void test_idIsStableAndFollowsTheCanonicalUrl() {
        assertThat(ArticleKeys.id("https://example.com/a?utm_source=feed"))
                .isEqualTo(ArticleKeys.id("https://example.com/a"))
                .hasSize(32)
                .matches("[0-9a-f]{32}");
    }
}
