package dev.sextant.marketdata.internal.imports;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.identity.RequiresScope;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Symbols;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bars from a file (CSV or JSON) for a symbol, then served like any other: by analysts, from a
 * signed-in session, since imported instruments join the catalog everyone on this server sees.
 */
@RestController
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Market data")
@PreAuthorize("hasRole('ANALYST')")
@RequiresScope(Scope.MARKET_DATA_WRITE)
class ImportController {

    private final BarImports imports;

    ImportController(BarImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Import bars from a CSV or JSON file (Yahoo, Stooq or plain OHLCV layouts) for a symbol",
            description = "The symbol then belongs to your account: only you import under it again (409"
                    + " import-owned for others); an administrator may import over it with override=true, audited.")
    BarImports.Imported importFile(
            Caller caller,
            @RequestParam MultipartFile file,
            @RequestParam String symbol,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "1d") String interval,
            @RequestParam(defaultValue = "USD") String currency,
            @RequestParam(defaultValue = "EQUITY") String assetClass,
            @RequestParam(defaultValue = "false") boolean override,
            @Parameter(
                            description =
                                    "Store the file's good rows and leave out the bad ones (POST /api/v1/imports/preview"
                                            + " names them; the answer's skipped counts them) instead of refusing the whole file")
                    @RequestParam(defaultValue = "false")
                    boolean skipInvalid)
            throws IOException {
        String canonical = Symbols.canonical(symbol, "symbol");
        BarInterval barInterval = interval(interval);
        if (!currency.matches("[A-Za-z]{3}")) {
            throw ApiProblem.invalidParameter("currency", "A currency is a three-letter code, e.g. USD.");
        }
        AssetClass kind = Arrays.stream(AssetClass.values())
                .filter(value -> value.name().equalsIgnoreCase(assetClass))
                .findFirst()
                .orElseThrow(() -> ApiProblem.invalidParameter(
                        "assetClass", "Use one of " + Arrays.toString(AssetClass.values()) + "."));
        String displayName = name == null || name.isBlank() ? canonical + " (imported)" : name.strip();
        if (displayName.length() > 200) {
            throw ApiProblem.invalidParameter("name", "A name has at most 200 characters.");
        }
        return imports.importFile(
                caller,
                override,
                canonical,
                displayName,
                kind,
                currency.toUpperCase(Locale.ROOT),
                barInterval,
                skipInvalid,
                file.getBytes());
    }

    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Read a bar file as an import would and store nothing: its first rows and every bad row with"
                    + " what is wrong with it",
            description = "A file that cannot be read at all (not UTF-8 text, empty, no time or price column, not"
                    + " JSON) is a 400 invalid-import-file, as at import; bad rows are listed instead (at most "
                    + BarImports.PREVIEW_PROBLEMS + ", invalid counts them all), each with its line shown safely:"
                    + " printable, abbreviated, and a cell a spreadsheet would run as a formula quoted.")
    BarImports.Preview preview(@RequestParam MultipartFile file, @RequestParam(defaultValue = "1d") String interval)
            throws IOException {
        return imports.preview(interval(interval), file.getBytes());
    }

    private static BarInterval interval(String interval) {
        BarInterval barInterval = BarInterval.fromCode(interval)
                .orElseThrow(() -> ApiProblem.invalidParameter(
                        "interval",
                        "Unsupported interval '" + interval + "'; use one of " + BarInterval.codes() + "."));
        if (barInterval == BarInterval.ONE_WEEK || barInterval == BarInterval.ONE_MONTH) {
            throw ApiProblem.invalidParameter("interval", "Import daily or intraday bars; weeks and months follow.");
        }
        return barInterval;
    }
}
