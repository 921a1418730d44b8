package dev.sextant.marketdata.internal.live;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the news layer fetches.
 *
 * @param freshFor how long a symbol's fetched news stands before a read asks the providers again
 * @param lookback how far back a fetch asks the providers for (older news is what was stored before)
 * @param perProvider at most this many articles asked of each provider per fetch
 */
@Validated
@ConfigurationProperties("sextant.news")
public record NewsProperties(
        @DefaultValue("15m") Duration freshFor,
        @DefaultValue("30d") Duration lookback,
        @Min(1) @Max(1000) @DefaultValue("100") int perProvider) {}
