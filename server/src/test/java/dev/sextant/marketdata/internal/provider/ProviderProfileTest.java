package dev.sextant.marketdata.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.internal.provider.ProviderProfile.Capability;
import dev.sextant.marketdata.internal.provider.ProviderProfile.RateLimit;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderProfileTest {

    private static ProviderProfile.Builder complete() {
        return ProviderProfile.named("yahoo")
                .describedAs("Yahoo Finance")
                .assetClasses(EnumSet.of(AssetClass.EQUITY, AssetClass.ETF))
                .intervals(Set.of(BarInterval.ONE_DAY))
                .capabilities(EnumSet.of(Capability.QUOTES, Capability.BARS))
                .historyYears(50)
                .keyless()
                .rateLimit(RateLimit.perMinute(60))
                .licence(DataLicence.SHARED)
                .trust(0.9);
    }

    @Test
    void test_named_setsEachSettingWhereItsNameSays() {
        assertThat(complete().build())
                .isEqualTo(new ProviderProfile(
                        "yahoo",
                        "Yahoo Finance",
                        Set.of(AssetClass.EQUITY, AssetClass.ETF),
                        Set.of(BarInterval.ONE_DAY),
                        Set.of(Capability.QUOTES, Capability.BARS),
                        50,
                        false,
                        new RateLimit(60, java.time.Duration.ofMinutes(1)),
                        DataLicence.SHARED,
                        0.9));
        assertThat(complete().needsKey().build().needsKey()).isTrue();
    }

    @Test
    void test_build_missingSetting_isNamed() {
        assertThatThrownBy(() -> ProviderProfile.named("fmp").describedAs("FMP").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("historyYears of fmp not set");
        assertThatThrownBy(() -> complete().licence(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("licence of yahoo");
        assertThatThrownBy(() -> complete().trust(0).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
