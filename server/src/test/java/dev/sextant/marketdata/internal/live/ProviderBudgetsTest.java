package dev.sextant.marketdata.internal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.marketdata.internal.provider.ProviderProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderBudgetsTest {

    @Test
    void test_budgets_areReadByProvider() {
        assertThat(ProviderBudgets.parse(List.of("polygon=100/1s", " AlphaVantage = 75/1m ", "")))
                .containsEntry("polygon", new ProviderProfile.RateLimit(100, Duration.ofSeconds(1)))
                .containsEntry("alphavantage", new ProviderProfile.RateLimit(75, Duration.ofMinutes(1)))
                .hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"polygon", "polygon=100", "polygon=fast/1s", "polygon=0/1s", "polygon=5/never", "polygon=5/0s"})
    void test_malformedBudgets_failNamingTheVariable(String entry) {
        assertThatThrownBy(() -> ProviderBudgets.parse(List.of(entry)))
                .hasMessageContaining("SEXTANT_PROVIDERS_BUDGETS")
                .hasMessageContaining(entry);
    }
}
