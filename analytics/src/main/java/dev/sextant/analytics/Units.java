package dev.sextant.analytics;

/**
 * The units a number of the API is in, one vocabulary for indicators and query columns. Returns,
 * changes, drawdowns and volatilities are fractions (0.05 is 5 %); the scales indicators are
 * defined on (RSI's 0 to 100, TA-Lib's percent ROC) keep their definitions and say so.
 */
public final class Units {

    /** In the instrument's currency (its quote currency; for macro series their unit). */
    public static final String PRICE = "price";
    /** A fraction: 0.05 is 5 %. */
    public static final String FRACTION = "fraction";
    /** Percent: 5 is 5 % (indicators TA-Lib defines in percent, e.g. ROC, NATR). */
    public static final String PERCENT = "percent";

    public static final String INDEX_0_TO_100 = "index 0 to 100";
    public static final String INDEX_MINUS_100_TO_0 = "index -100 to 0";
    /** An oscillator without fixed bounds (CCI). */
    public static final String INDEX = "index";
    /** Units traded (shares, coins, contracts). */
    public static final String VOLUME = "volume";
    /** Price units per bar (a regression slope). */
    public static final String PRICE_PER_BAR = "price per bar";
    /** A ratio without unit, e.g. an annualized Sharpe ratio. */
    public static final String RATIO = "ratio";

    public static final String CORRELATION = "correlation -1 to 1";
    /** A sentiment score, -1 (negative) to 1 (positive); a column adds the scorer that produced it. */
    public static final String SENTIMENT = "sentiment -1 to 1";
    /** A regression coefficient or its standard error: the dependent's unit per the regressor's. */
    public static final String COEFFICIENT = "coefficient";

    public static final String T_STATISTIC = "t-statistic";
    /** An F test's statistic (MACRO ... -> CAUSALITY). */
    public static final String F_STATISTIC = "F statistic";
    /** A probability from 0 to 1, e.g. a test's p-value. */
    public static final String PROBABILITY = "probability 0 to 1";

    public static final String COUNT = "count";
    /** An ISO date, YYYY-MM-DD. */
    public static final String DATE = "date";
    /** A macro series' own unit, its currency in the catalog: PCT (percent), IDX (index points) or USD. */
    public static final String SERIES_UNIT = "series unit";

    /** US dollars (a company's reported figures, a market capitalisation). */
    public static final String USD = "USD";
    /** US dollars per share (earnings and dividends per share). */
    public static final String USD_PER_SHARE = "USD per share";
    /** Price units times units traded: the value traded, in the instrument's currency. */
    public static final String DOLLAR_VOLUME = "price x volume";
    /** Amihud illiquidity: the mean absolute daily return per million of value traded. */
    public static final String RETURN_PER_MILLION_TRADED = "fraction per million traded";

    private Units() {}
}
