package dev.sextant.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one mapping of a module's refusal to a problem: status by kind, code, details, retry advice. */
class DomainExceptionMappingTest {

    @ParameterizedTest
    @CsvSource({
        "INVALID,400",
        "TOO_LARGE,400",
        "FORBIDDEN,403",
        "NOT_FOUND,404",
        "CONFLICT,409",
        "UNPROCESSABLE,422",
        "TOO_MANY,429",
        "UNAVAILABLE,503"
    })
    void eachKindMapsToItsStatus(Refusal.Kind kind, int status) {
        ApiProblem problem = ApiProblem.from(new DomainException(
                Refusal.of("some-refusal", kind, "Some refusal"), "Because.", Map.of("field", "x")));

        assertThat(problem.type()).isEqualTo(ProblemType.of("some-refusal", status, "Some refusal"));
        assertThat(problem.getMessage()).isEqualTo("Because.");
        assertThat(problem.properties()).containsExactlyEntriesOf(Map.of("field", "x"));
        assertThat(problem.headers()).isEmpty();
    }

    @Test
    void retryAdviceBecomesRetryAfterInWholeSecondsRoundedUp() {
        Refusal busy = Refusal.of("busy", Refusal.Kind.TOO_MANY, "Busy");

        assertThat(ApiProblem.from(new DomainException(busy, "Later.", Map.of(), Duration.ofMillis(1_200)))
                        .headers())
                .containsExactlyEntriesOf(Map.of("Retry-After", "2"));
        assertThat(ApiProblem.from(new DomainException(busy, "Later.", Map.of(), Duration.ofMillis(10)))
                        .headers())
                .containsExactlyEntriesOf(Map.of("Retry-After", "1"));
        assertThat(ApiProblem.from(new DomainException(busy, "Later.", Map.of(), Duration.ofSeconds(30)))
                        .headers())
                .containsExactlyEntriesOf(Map.of("Retry-After", "30"));
    }

    @Test
    void codesAreWireSlugs() {
        assertThatThrownBy(() -> Refusal.of("Unknown Symbol", Refusal.Kind.NOT_FOUND, "Unknown symbol"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
