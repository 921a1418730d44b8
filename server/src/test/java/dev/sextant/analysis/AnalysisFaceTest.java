package dev.sextant.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import dev.sextant.support.ServerHttpTest;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The face called as a tool or an agent calls it: on a thread of its own, no request around it,
 * the caller passed explicitly. It answers what the HTTP endpoints answer, and refuses with domain
 * refusals, not HTTP problems.
 */
class AnalysisFaceTest extends ServerHttpTest {

    private static final LocalDate FROM = LocalDate.parse("2024-06-03");
    private static final LocalDate TO = LocalDate.parse("2025-06-10");

    @Autowired
    Analysis analysis;

    private final Caller caller = Caller.session(UserId.random(), Role.USER);

    private static <T> T offTheRequestThread(Callable<T> work) throws Exception {
        try (ExecutorService thread = Executors.newVirtualThreadPerTaskExecutor()) {
            return thread.submit(work).get();
        }
    }

    @Test
    void test_risk_offTheRequestThread_equalsTheHttpAnswer() throws Exception {
        Analysis.RiskReport report = offTheRequestThread(() ->
                analysis.risk(caller, new Analysis.RiskRequest("AAPL", "SPY", "1d", FROM, TO, 0.04, 0.99, false)));
        JsonNode json = http.get("/api/v1/analytics/risk/AAPL?interval=1d&from=2024-06-03&to=2025-06-10&benchmark=SPY"
                        + "&riskFree=0.04&confidence=0.99")
                .json();

        assertThat(report.volatility()).isEqualTo(json.get("volatility").asDouble());
        assertThat(report.beta()).isEqualTo(json.get("beta").asDouble());
        assertThat(report.observations()).isEqualTo(json.get("observations").asInt());
        assertThat(report.demo()).isTrue();
        assertThat(report.inputs()).extracting(InputSource::symbol).containsExactly("AAPL", "SPY");
    }

    @Test
    void test_indicator_offTheRequestThread_equalsTheHttpAnswer() throws Exception {
        Analysis.IndicatorSeries series = offTheRequestThread(() -> analysis.indicator(
                caller, new Analysis.IndicatorRequest("MSFT", "rsi", Map.of("period", "10"), "1d", FROM, TO)));
        JsonNode json = http.get("/api/v1/indicators/MSFT?name=RSI&period=10&from=2024-06-03&to=2025-06-10")
                .json();

        assertThat(series.points()).hasSize(json.get("points").size());
        assertThat((Double) series.points().getLast().value())
                .isEqualTo(json.get("points")
                        .get(json.get("points").size() - 1)
                        .get("value")
                        .asDouble());
        assertThat(series.params()).containsExactly(Map.entry("period", 10));
    }

    @Test
    void test_query_syntaxError_isADomainRefusal_withItsLocation() throws Exception {
        DomainException refused = catchThrowableOfType(
                DomainException.class,
                () -> analysis.query(caller, new Analysis.QueryRequest("EVALUATE AAPL PRICE", false)));

        assertThat(refused.refusal()).isEqualTo(AnalysisRefusals.QUERY_SYNTAX);
        assertThat(refused.details()).containsEntry("line", 1).containsKey("column");
    }

    @Test
    void test_indicator_unknownParameter_isAnInvalidParameterRefusal_namingIt() {
        DomainException refused = catchThrowableOfType(
                DomainException.class,
                () -> analysis.indicator(
                        caller, new Analysis.IndicatorRequest("AAPL", "RSI", Map.of("perod", "3"), null, null, null)));

        assertThat(refused.refusal()).isEqualTo(AnalysisRefusals.INVALID_PARAMETER);
        assertThat(refused.details()).containsExactly(Map.entry("parameter", "perod"));
        assertThat(refused.getMessage()).startsWith("RSI takes no parameter 'perod'; did you mean period?");
    }
}
