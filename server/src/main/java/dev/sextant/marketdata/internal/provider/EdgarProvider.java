package dev.sextant.marketdata.internal.provider;

import dev.sextant.marketdata.AssetClass;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * SEC EDGAR (keyless): the facts US companies report in their filings (XBRL "company facts"), and
 * the filings themselves as news (one article per filing, from the submissions list), found by
 * ticker through the SEC's ticker list. Every fact carries the date it was filed, so history stays
 * point in time. The SEC asks for a User-Agent naming a contact, and at most ten requests a second.
 */
public final class EdgarProvider implements MarketDataProvider {

    public static final String ID = "edgar";

    /** The figures most analyses need, in their US-GAAP (or DEI) names. */
    static final Set<String> CONCEPTS = Set.of(
            "Revenues",
            "RevenueFromContractWithCustomerExcludingAssessedTax",
            "NetIncomeLoss",
            "OperatingIncomeLoss",
            "GrossProfit",
            "EarningsPerShareBasic",
            "EarningsPerShareDiluted",
            "Assets",
            "Liabilities",
            "StockholdersEquity",
            "CashAndCashEquivalentsAtCarryingValue",
            "LongTermDebt",
            "NetCashProvidedByUsedInOperatingActivities",
            "EntityCommonStockSharesOutstanding",
            "WeightedAverageNumberOfDilutedSharesOutstanding",
            "CommonStockDividendsPerShareDeclared",
            "CommonStockDividendsPerShareCashPaid",
            "LongTermDebtNoncurrent",
            "LongTermDebtCurrent",
            "ShortTermBorrowings");

    private static final ProviderProfile PROFILE = ProviderProfile.named(ID)
            .describedAs("SEC EDGAR company facts and filings (keyless, US filers' fundamentals and filing news)")
            .assetClasses(EnumSet.of(AssetClass.EQUITY))
            .intervals(EnumSet.noneOf(dev.sextant.analytics.series.BarInterval.class))
            .capabilities(EnumSet.of(ProviderProfile.Capability.FUNDAMENTALS, ProviderProfile.Capability.NEWS))
            .historyYears(20)
            .keyless()
            .rateLimit(ProviderProfile.RateLimit.perMinute(600))
            .licence(DataLicence.SHARED)
            .trust(1.0)
            .build();

    private final ProviderHttp http;
    private final URI tickersBase;
    private final URI factsBase;
    private final Map<String, String> headers;
    /** The ticker list changes rarely and is 1 MB: read once per process. */
    private final AtomicReference<Map<String, Long>> ciks = new AtomicReference<>();

    /**
     * @param tickersBase where {@code /files/company_tickers.json} is (www.sec.gov)
     * @param factsBase where {@code /api/xbrl/companyfacts/} and {@code /submissions/} are (data.sec.gov)
     * @param userAgent the SEC wants a name and a contact address in it
     */
    public EdgarProvider(ProviderHttp http, URI tickersBase, URI factsBase, String userAgent) {
        this.http = http;
        this.tickersBase = tickersBase;
        this.factsBase = factsBase;
        this.headers = Map.of("User-Agent", userAgent);
    }

    @Override
    public ProviderProfile profile() {
        return PROFILE;
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        return assetClass == AssetClass.EQUITY && !symbol.contains(".") ? Optional.of(symbol) : Optional.empty();
    }

    @Override
    public List<FundamentalFact> fundamentals(String symbol, ProviderKey key) {
        Long cik = ciks().get(symbol.toUpperCase(Locale.ROOT));
        if (cik == null) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "no SEC filer with ticker " + symbol);
        }
        JsonNode answer =
                http.getJson(ID, factsBase.resolve("/api/xbrl/companyfacts/CIK%010d.json".formatted(cik)), headers);
        JsonNode facts = answer.path("facts");
        if (!facts.isObject()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "company facts without 'facts'");
        }
        List<FundamentalFact> result = new ArrayList<>();
        for (String taxonomy : List.of("us-gaap", "dei")) {
            for (var concept : facts.path(taxonomy).properties()) {
                if (!CONCEPTS.contains(concept.getKey())) {
                    continue;
                }
                for (var unit : concept.getValue().path("units").properties()) {
                    for (JsonNode fact : unit.getValue()) {
                        fact(concept.getKey(), unit.getKey(), fact).ifPresent(result::add);
                    }
                }
            }
        }
        result.sort(Comparator.comparing(FundamentalFact::concept)
                .thenComparing(FundamentalFact::periodEnd)
                .thenComparing(FundamentalFact::filed)
                .thenComparing(FundamentalFact::periodStart, Comparator.nullsFirst(Comparator.reverseOrder())));
        return result;
    }

    /**
     * The company's recent filings (the submissions list holds its last thousand or so), one article
     * each, linking the filing's index page. The list's {@code acceptanceDateTime} ends in Z, but
     * for some filers it is New York's clock with a Z appended and nothing in the string says which
     * (the convention belongs to the filer), so it is read on New York's clock, the later reading:
     * a backtest may see a filing a few hours late, never early. No sentiment: a filing is a fact.
     */
    @Override
    public List<ProviderArticle> news(
            String symbol, AssetClass assetClass, Instant from, Instant to, int limit, ProviderKey key) {
        String ticker = requireSymbol(symbol, assetClass).toUpperCase(Locale.ROOT);
        Long cik = ciks().get(ticker);
        if (cik == null) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "no SEC filer with ticker " + symbol);
        }
        JsonNode answer = http.getJson(ID, factsBase.resolve("/submissions/CIK%010d.json".formatted(cik)), headers);
        JsonNode recent = answer.path("filings").path("recent");
        JsonNode accessions = recent.path("accessionNumber");
        JsonNode forms = recent.path("form");
        JsonNode accepted = recent.path("acceptanceDateTime");
        if (!accessions.isArray() || !forms.isArray() || !accepted.isArray()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "submissions without recent filings");
        }
        List<String> tickers = new ArrayList<>();
        answer.path("tickers").forEach(other -> tickers.add(other.asString("").replace('.', '-')));
        String company = answer.path("name").asString(ticker);
        int asked = NewsArticles.cap(limit, NewsArticles.MAX_LIMIT);
        NewsArticles articles = new NewsArticles(ID, symbol, from, to);
        for (int i = 0; i < accessions.size(); i++) {
            String accession = accessions.path(i).asString("");
            String form = forms.path(i).asString("");
            String period = recent.path("reportDate").path(i).asString("");
            articles.add(
                    accession.matches("[0-9]{10}-[0-9]{2}-[0-9]{6}")
                            ? tickersBase
                                    .resolve("/Archives/edgar/data/" + cik + "/" + accession.replace("-", "") + "/"
                                            + accession + "-index.htm")
                                    .toString()
                            : null,
                    form.isBlank() ? null : ticker + " files " + form,
                    company + " filed form " + form + (period.isBlank() ? "" : " for the period ending " + period),
                    "SEC EDGAR",
                    acceptedAt(accepted.path(i).asString("")),
                    tickers,
                    null);
        }
        return articles.newestFirst(asked);
    }

    private static Instant acceptedAt(String text) {
        String clock = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
        try {
            return NewsArticles.newYorkClock(LocalDateTime.parse(clock));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Optional<FundamentalFact> fact(String concept, String unit, JsonNode fact) {
        double value = ProviderData.numberOr(fact, "val", Double.NaN);
        if (!Double.isFinite(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FundamentalFact(
                    concept,
                    unit,
                    value,
                    // Flows (income, dividends) cover a period from "start"; balances have none.
                    fact.hasNonNull("start")
                            ? LocalDate.parse(fact.path("start").asString(""))
                            : null,
                    LocalDate.parse(fact.path("end").asString("")),
                    fact.path("fp").asString("FY"),
                    LocalDate.parse(fact.path("filed").asString(""))));
        } catch (DateTimeException e) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, concept + " has a fact without dates");
        }
    }

    private Map<String, Long> ciks() {
        Map<String, Long> known = ciks.get();
        if (known != null) {
            return known;
        }
        JsonNode answer = http.getJson(ID, tickersBase.resolve("/files/company_tickers.json"), headers);
        Map<String, Long> map = new HashMap<>();
        for (JsonNode company : answer) {
            String ticker = company.path("ticker").asString("");
            long cik = company.path("cik_str").asLong(-1);
            if (!ticker.isEmpty() && cik > 0) {
                map.putIfAbsent(ticker.toUpperCase(Locale.ROOT).replace('.', '-'), cik);
            }
        }
        if (map.isEmpty()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "empty ticker list");
        }
        ciks.compareAndSet(null, Map.copyOf(map));
        return ciks.get();
    }
}
