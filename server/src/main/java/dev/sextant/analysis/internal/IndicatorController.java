package dev.sextant.analysis.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.analysis.Analysis;
import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.identity.RequiresScope;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Technical indicators of an instrument, computed on exactly the bars {@code GET /api/v1/bars} serves. */
@RestController
@RequestMapping(path = "/api/v1/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Analysis", description = "Indicators with TA-Lib's definitions; parameters use TA-Lib's names.")
@PreAuthorize("hasRole('USER')")
@RequiresScope(Scope.ANALYSIS)
class IndicatorController {

    /** A parameter: its default and bounds, and whether it must be a whole number (a period, a count). */
    record ParamJson(String name, double defaultValue, double min, double max, boolean integer) {}

    /**
     * @param unit the unit of every output (docs/API.md lists them)
     * @param placement where a chart draws it: {@code price} over the bars on their price scale
     *     (moving averages, bands, channels, SAR, VWAP), {@code pane} in a pane of its own
     * @param lookback at the default parameters: bars before the first value
     * @param unstablePeriod at the defaults: bars after the first value until a recursive
     *     indicator no longer depends on its seed (to 1e-9); null when it never stops depending on
     *     its start (OBV since the first bar, VWAP since the day's first)
     * @param warmUp lookback plus unstable period: the history to hand in before the first value
     *     you rely on; null as for the unstable period
     */
    record IndicatorJson(
            String name,
            String description,
            List<ParamJson> params,
            List<String> outputs,
            String unit,
            String placement,
            int lookback,
            @Nullable Integer unstablePeriod,
            @Nullable Integer warmUp) {}

    record IndicatorList(List<IndicatorJson> indicators) {}

    /** One bar's value: a number, or an object of named outputs (MACD, BBANDS). */
    record Point(Instant time, Object value) {}

    record IndicatorResponse(
            String symbol,
            String name,
            Map<String, Number> params,
            String unit,
            String interval,
            String provider,
            boolean demo,
            LocalDate from,
            LocalDate to,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note,
            List<Point> points) {}

    private final Analysis analysis;

    IndicatorController(Analysis analysis) {
        this.analysis = analysis;
    }

    @GetMapping
    @Operation(
            summary = "The indicators served, with their parameters (TA-Lib names, defaults, bounds), outputs, "
                    + "unit and where a chart draws each (on the price or in a pane)")
    IndicatorList list() {
        return new IndicatorList(IndicatorCatalog.ALL.values().stream()
                .map(IndicatorController::json)
                .toList());
    }

    private static IndicatorJson json(IndicatorCatalog.Definition definition) {
        Map<String, Double> defaults = definition.resolve(Map.of());
        return new IndicatorJson(
                definition.name(),
                definition.description(),
                definition.params().stream()
                        .map(p -> new ParamJson(p.name(), p.defaultValue(), p.min(), p.max(), p.integer()))
                        .toList(),
                definition.outputs().isEmpty() ? List.of("value") : definition.outputs(),
                definition.unit(),
                definition.placement().name().toLowerCase(Locale.ROOT),
                definition.lookback(defaults),
                boxed(definition.unstablePeriod(defaults)),
                boxed(definition.warmUp(defaults)));
    }

    private static @Nullable Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    @GetMapping("/{symbol}")
    @Operation(
            summary = "An indicator over an instrument's bars, e.g. ?name=RSI&period=14&interval=1d",
            description = "Points before the indicator's lookback are left out. An indicator of several outputs "
                    + "(MACD, BBANDS, STOCH, ...) answers an object of named outputs per point.")
    IndicatorResponse indicator(
            Caller caller,
            @Parameter(description = "Canonical symbol") @PathVariable String symbol,
            @Parameter(
                            description = "The indicator's parameters by their TA-Lib names, e.g. period=14 (defaults "
                                    + "otherwise; the operation's description lists them), and interval, from and to "
                                    + "as for /api/v1/bars")
                    @RequestParam
                    Map<String, String> query) {
        Map<String, String> params = new LinkedHashMap<>(query);
        IndicatorAnalysis.RANGE_PARAMS.forEach(params::remove);
        Analysis.IndicatorSeries series = analysis.indicator(
                caller,
                new Analysis.IndicatorRequest(
                        symbol,
                        query.get("name"),
                        params,
                        query.getOrDefault("interval", "1d"),
                        date(query, "from"),
                        date(query, "to")));
        return new IndicatorResponse(
                series.symbol(),
                series.name(),
                series.params(),
                series.unit(),
                series.interval(),
                series.provider(),
                series.demo(),
                series.from(),
                series.to(),
                series.note(),
                series.points().stream()
                        .map(p -> new Point(p.time(), p.value()))
                        .toList());
    }

    private static LocalDate date(Map<String, String> query, String name) {
        String text = query.get(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter(name, "'" + name + "' must be a date, e.g. 2025-06-11.");
        }
    }
}
