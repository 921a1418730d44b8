package dev.sextant.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.Refusal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each refusal reaches the wire as the problem type market data answered before refusals existed:
 * slug, status and title are published API.
 */
class MarketDataRefusalsTest {

    static Stream<Arguments> published() {
        return Stream.of(
                Arguments.of(MarketDataRefusals.INVALID_PARAMETER, ProblemType.INVALID_PARAMETER),
                Arguments.of(
                        MarketDataRefusals.UNKNOWN_SYMBOL, ProblemType.of("unknown-symbol", 404, "Unknown symbol")),
                Arguments.of(MarketDataRefusals.NO_DATA, ProblemType.of("no-data", 404, "No data")),
                Arguments.of(
                        MarketDataRefusals.INVALID_RANGE, ProblemType.of("invalid-range", 400, "Invalid date range")),
                Arguments.of(
                        MarketDataRefusals.TOO_MANY_BARS,
                        ProblemType.of("too-many-bars", 400, "Too many bars requested")),
                Arguments.of(
                        MarketDataRefusals.UPSTREAM_UNAVAILABLE,
                        ProblemType.of("upstream-unavailable", 503, "Market data providers unavailable")),
                Arguments.of(
                        MarketDataRefusals.INVALID_IMPORT_FILE,
                        ProblemType.of("invalid-import-file", 400, "Invalid import file")),
                Arguments.of(
                        MarketDataRefusals.SYMBOL_TAKEN,
                        ProblemType.of("symbol-taken", 409, "Symbol served by another source")),
                Arguments.of(
                        MarketDataRefusals.IMPORT_OWNED,
                        ProblemType.of("import-owned", 409, "Symbol imported by another account")));
    }

    @ParameterizedTest
    @MethodSource("published")
    void test_refusal_mapsToItsPublishedProblemType(Refusal refusal, ProblemType published) {
        ApiProblem problem = ApiProblem.from(new DomainException(refusal, "Because.", Map.of("symbol", "X")));

        assertThat(problem.type()).isEqualTo(published);
        assertThat(problem.properties()).containsExactlyEntriesOf(Map.of("symbol", "X"));
    }
}
