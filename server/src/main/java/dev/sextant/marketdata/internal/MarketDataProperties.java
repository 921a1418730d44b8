package dev.sextant.marketdata.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Market-data limits ({@code SEXTANT_MARKETDATA_*}).
 *
 * @param maxBarsPerResponse a bar request that would return more bars is refused with 400
 * @param maxBatchSymbols most symbols in one batch quote request
 */
@Validated
@ConfigurationProperties("sextant.marketdata")
public record MarketDataProperties(
        @Min(100) @Max(1_000_000) @DefaultValue("50000") int maxBarsPerResponse,
        @Min(1) @Max(1_000) @DefaultValue("100") int maxBatchSymbols) {}
