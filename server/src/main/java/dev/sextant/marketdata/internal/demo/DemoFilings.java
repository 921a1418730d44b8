package dev.sextant.marketdata.internal.demo;

import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Fundamentals;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.internal.FilingSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Synthetic quarterly filings of the demo market's companies, shaped like SEC EDGAR company facts
 * so that fundamental metrics answer on a fresh install: a 10-Q 40 days after each of the first
 * three quarters (the quarter's flows and the year to date's), a 10-K 55 days after the year (the
 * year's flows; no Q4 on its own, as in real filings), balances at each quarter end and the shares
 * outstanding on each cover page. Deterministic per symbol, and labelled demo like the prices.
 *
 * <p>Plausible, not real: each company has a fixed valuation (price over earnings, over sales, over
 * book), and a quarter's earnings are its demo close at the quarter's end over that valuation, with
 * noise. So {@code PE} moves with the demo price between filings, as a real one does. Nothing here
 * is a fact about the real company of that name.
 */
@Component
class DemoFilings implements FilingSource {

    static final String PROVIDER = "demo";
    private static final int TENQ_LAG_DAYS = 40;
    private static final int TENK_LAG_DAYS = 55;

    /** One company's invented valuation and policies, drawn from its symbol. */
    private record Profile(double pe, double ps, double pb, double debtToEquity, double payout, double shares) {
        static Profile of(DemoInstrument instrument) {
            SplittableRandom random = new SplittableRandom(seed(instrument.symbol()));
            return new Profile(
                    9 + 31 * random.nextDouble(),
                    1.5 + 8 * random.nextDouble(),
                    2 + 10 * random.nextDouble(),
                    0.1 + 1.4 * random.nextDouble(),
                    // Fast growers pay no dividend, as in the market they mimic.
                    instrument.dynamics() instanceof DemoDynamics.Growth growth && growth.drift() >= 0.25
                            ? 0
                            : 0.2 + 0.5 * random.nextDouble(),
                    // Turnover of about 0.7 % of the shares a session.
                    instrument.dailyVolume() * 150);
        }
    }

    private final DemoMarketData market;
    private final Clock clock;

    DemoFilings(DemoMarketData market, Clock clock) {
        this.market = market;
        this.clock = clock;
    }

    /**
     * The synthetic filings of a demo company published on or before {@code asOf} (optionally only
     * the named concepts); empty for anything that is not a demo equity.
     */
    @Override
    public Optional<Fundamentals> fundamentals(Instrument instrument, LocalDate asOf, Set<String> concepts) {
        if (!instrument.demo() || instrument.assetClass() != AssetClass.EQUITY) {
            return Optional.empty();
        }
        Optional<DemoInstrument> demo = market.instrument(instrument.symbol());
        if (demo.isEmpty()) {
            return Optional.empty();
        }
        List<Fundamentals.Fact> facts = facts(demo.get(), market.dailyHistory(instrument.symbol())).stream()
                .filter(fact -> !fact.filed().isAfter(asOf))
                .filter(fact -> concepts.isEmpty() || concepts.contains(fact.concept()))
                .toList();
        return Optional.of(new Fundamentals(instrument.symbol(), PROVIDER, true, asOf, clock.instant(), facts));
    }

    /** Every filing whose quarter has closed in {@code bars}, in filing order. */
    static List<Fundamentals.Fact> facts(DemoInstrument instrument, OhlcvSeries bars) {
        List<Fundamentals.Fact> facts = new ArrayList<>();
        if (bars.isEmpty()) {
            return facts;
        }
        Profile profile = Profile.of(instrument);
        SplittableRandom random = new SplittableRandom(seed(instrument.symbol()) ^ 0x10F);
        LocalDate last = day(bars.time(bars.size() - 1));
        double[] eps = new double[4];
        double[] income = new double[4];
        double[] revenue = new double[4];
        double[] dividends = new double[4];
        int quarterIndex = 0;
        for (LocalDate start = instrument.firstDay().withDayOfMonth(1).withMonth(1);
                !start.plusMonths(3).minusDays(1).isAfter(last);
                start = start.plusMonths(3), quarterIndex++) {
            LocalDate end = start.plusMonths(3).minusDays(1);
            int q = (start.getMonthValue() - 1) / 3;
            double close = closeOn(bars, end);
            if (Double.isNaN(close)) {
                continue; // before the first session
            }
            double shares = profile.shares() * Math.pow(0.995, quarterIndex);
            eps[q] = round(close / profile.pe() / 4 * (1 + 0.12 * random.nextGaussian()), 2);
            income[q] = Math.round(eps[q] * shares);
            revenue[q] = Math.round(close * shares / profile.ps() / 4 * (1 + 0.05 * random.nextGaussian()));
            dividends[q] = round(Math.max(eps[q], 0) * profile.payout(), 2);
            double equity = Math.round(close * shares / profile.pb() * (1 + 0.05 * random.nextGaussian()));
            String fp = q == 3 ? "FY" : "Q" + (q + 1);
            LocalDate filed = end.plusDays(q == 3 ? TENK_LAG_DAYS : TENQ_LAG_DAYS);
            LocalDate yearStart = start.withMonth(1);
            if (q < 3) {
                flows(facts, start, end, fp, filed, eps[q], income[q], revenue[q], dividends[q]);
                facts.add(fact(
                        "WeightedAverageNumberOfDilutedSharesOutstanding",
                        "shares",
                        Math.round(shares),
                        start,
                        end,
                        fp,
                        filed));
                if (q > 0) {
                    flows(
                            facts,
                            yearStart,
                            end,
                            fp,
                            filed,
                            sum(eps, q, 2),
                            sum(income, q, 0),
                            sum(revenue, q, 0),
                            sum(dividends, q, 2));
                }
            } else {
                flows(
                        facts,
                        yearStart,
                        end,
                        fp,
                        filed,
                        sum(eps, q, 2),
                        sum(income, q, 0),
                        sum(revenue, q, 0),
                        sum(dividends, q, 2));
            }
            facts.add(fact("StockholdersEquity", "USD", equity, null, end, fp, filed));
            facts.add(fact("LongTermDebt", "USD", Math.round(equity * profile.debtToEquity()), null, end, fp, filed));
            facts.add(fact(
                    "EntityCommonStockSharesOutstanding",
                    "shares",
                    Math.round(shares),
                    null,
                    filed.minusDays(10),
                    fp,
                    filed));
        }
        return facts;
    }

    private static void flows(
            List<Fundamentals.Fact> facts,
            LocalDate start,
            LocalDate end,
            String fp,
            LocalDate filed,
            double eps,
            double income,
            double revenue,
            double dividends) {
        facts.add(fact("EarningsPerShareDiluted", "USD/shares", eps, start, end, fp, filed));
        facts.add(fact("NetIncomeLoss", "USD", income, start, end, fp, filed));
        facts.add(fact("Revenues", "USD", revenue, start, end, fp, filed));
        facts.add(fact("CommonStockDividendsPerShareDeclared", "USD/shares", dividends, start, end, fp, filed));
    }

    private static Fundamentals.Fact fact(
            String concept,
            String unit,
            double value,
            @Nullable LocalDate start,
            LocalDate end,
            String fp,
            LocalDate filed) {
        return new Fundamentals.Fact(concept, unit, value, start, end, fp, filed);
    }

    /** The first {@code through + 1} quarters' sum, rounded as a filing reports it. */
    private static double sum(double[] values, int through, int decimals) {
        double total = 0;
        for (int i = 0; i <= through; i++) {
            total += values[i];
        }
        return decimals == 0 ? Math.round(total) : round(total, decimals);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** The last close on or before {@code day}, NaN before the first bar. */
    private static double closeOn(OhlcvSeries bars, LocalDate day) {
        int after =
                bars.indexAtOrAfter(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        return after == 0 ? Double.NaN : bars.close(after - 1);
    }

    private static LocalDate day(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
    }

    private static long seed(String symbol) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < symbol.length(); i++) {
            hash ^= symbol.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
