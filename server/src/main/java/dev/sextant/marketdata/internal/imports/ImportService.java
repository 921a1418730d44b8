package dev.sextant.marketdata.internal.imports;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.BarImportService;
import dev.sextant.marketdata.Symbols;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Refusal;
import dev.sextant.platform.Role;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * The import face for callers other than the HTTP upload (tool calls, agents): the checks {@link
 * ImportController} makes on its parameters, then the same {@link BarImports}.
 */
@Service
class ImportService implements BarImportService {

    /** HTTP answers a non-analyst's upload with its 403 {@code forbidden}; so does the face. */
    static final Refusal NOT_AN_ANALYST = Refusal.of("forbidden", Refusal.Kind.FORBIDDEN, "Forbidden");

    private final BarImports imports;

    ImportService(BarImports imports) {
        this.imports = imports;
    }

    @Override
    public ImportResult importBars(Caller caller, ImportRequest request, byte[] content) {
        if (!caller.has(Role.ANALYST)) {
            throw new DomainException(
                    NOT_AN_ANALYST, "Importing bars needs the analyst role: imported symbols join everyone's catalog.");
        }
        String symbol = Symbols.canonical(request.symbol(), "symbol");
        BarInterval interval = BarInterval.fromCode(request.interval())
                .orElseThrow(() -> DomainException.invalidParameter(
                        "interval",
                        "Unsupported interval '" + request.interval() + "'; use one of " + BarInterval.codes() + "."));
        if (interval == BarInterval.ONE_WEEK || interval == BarInterval.ONE_MONTH) {
            throw DomainException.invalidParameter(
                    "interval", "Import daily or intraday bars; weeks and months follow.");
        }
        if (!request.currency().matches("[A-Za-z]{3}")) {
            throw DomainException.invalidParameter("currency", "A currency is a three-letter code, e.g. USD.");
        }
        AssetClass kind = Arrays.stream(AssetClass.values())
                .filter(value -> value.name().equalsIgnoreCase(request.assetClass()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalidParameter(
                        "assetClass", "Use one of " + Arrays.toString(AssetClass.values()) + "."));
        String name = request.name();
        String displayName = name == null || name.isBlank() ? symbol + " (imported)" : name.strip();
        if (displayName.length() > 200) {
            throw DomainException.invalidParameter("name", "A name has at most 200 characters.");
        }
        BarImports.Imported imported = imports.importFile(
                caller,
                request.override(),
                symbol,
                displayName,
                kind,
                request.currency().toUpperCase(Locale.ROOT),
                interval,
                false,
                content);
        return new ImportResult(
                imported.symbol(),
                displayName,
                imported.interval(),
                imported.provider(),
                imported.bars(),
                imported.added(),
                imported.restated(),
                imported.from(),
                imported.to(),
                imported.knownAt());
    }
}
