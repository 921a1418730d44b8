package dev.sextant.marketdata.internal.live;

import dev.sextant.analytics.news.LexiconSentiment;
import dev.sextant.analytics.news.SentimentScorer;
import dev.sextant.marketdata.internal.news.NewsStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the news of real instruments (the arbitration's news providers, the news store) and the
 * scorer of every article that carries no score of its own, the demo market's included.
 */
@Configuration(proxyBeanMethods = false)
class LiveNewsConfiguration {

    /** Sextant's own deterministic scorer; its name ({@code sextant-lexicon-1}) is each score's scorer. */
    @Bean
    SentimentScorer sentimentScorer() {
        return new LexiconSentiment();
    }

    @Bean
    LiveNews liveNews(
            Arbitrator arbitrator,
            NewsStore store,
            SentimentScorer sentimentScorer,
            Clock clock,
            NewsProperties properties) {
        return new LiveNews(arbitrator, store, sentimentScorer, clock, properties);
    }
}
