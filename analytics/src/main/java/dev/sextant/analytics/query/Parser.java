package dev.sextant.analytics.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The hand-written recursive-descent parser of FK-DSL (grammar in docs/DSL.md). It never throws
 * anything but {@link DslSyntaxError}, which names the line, the column, what was expected there
 * and, for an unknown function, the nearest known one.
 */
public final class Parser {

    /** The words a statement starts with, for errors and hints. */
    static final List<String> STATEMENTS =
            List.of("EVALUATE", "COMPARE", "SCAN", "CORRELATE", "REGRESS", "MACRO", "FIND", "ANALYZE", "GET", "TRACK");

    private static final String STATEMENTS_EXPECTED =
            String.join(", ", STATEMENTS.subList(0, STATEMENTS.size() - 1)) + " or " + STATEMENTS.getLast();

    /** Without WINDOW, OVER or FROM ... TO, CORRELATE uses 90 days. */
    static final Ast.Span CORRELATE_WINDOW = new Ast.Span(90, 'd');

    private final List<Token> tokens;
    /** The query as written: a TRACK keeps its condition's text. */
    private final String text;

    private final Collection<String> functions;
    private final Function<String, java.util.Optional<String>> nearest;
    /** A metric's named outputs (empty when it has none), or null to take any output as written. */
    private final Function<String, List<String>> outputs;

    private final int maxDepth;
    private int position;
    /** Open parentheses around the current token. */
    private int nesting;
    /** The depth of the condition or expression parsed last: operators and parentheses above its leaves. */
    private int lastDepth;

    private Parser(
            String text,
            List<Token> tokens,
            Collection<String> functions,
            Function<String, java.util.Optional<String>> nearest,
            Function<String, List<String>> outputs,
            int maxDepth) {
        this.text = text;
        this.tokens = tokens;
        this.functions = functions;
        this.nearest = nearest;
        this.outputs = outputs;
        this.maxDepth = maxDepth;
    }

    /**
     * @param functions the metric names the executor knows
     * @param nearest the nearest known name to a misspelt one, for the error message
     */
    public static List<Ast.Statement> parse(
            String text, Collection<String> functions, Function<String, java.util.Optional<String>> nearest) {
        return parse(text, functions, nearest, QueryLimits.DEFAULT_MAX_DEPTH);
    }

    /**
     * @param maxDepth the most levels of operators and parentheses a condition may nest; deeper
     *     ones are a syntax error at the token that goes too deep, before the parser recurses
     *     further (so no input can exhaust its stack)
     */
    public static List<Ast.Statement> parse(
            String text,
            Collection<String> functions,
            Function<String, java.util.Optional<String>> nearest,
            int maxDepth) {
        return parse(text, functions, nearest, name -> null, maxDepth);
    }

    /**
     * @param outputs each metric's named outputs (empty when it has none): an output not among them
     *     is a syntax error at it that lists them
     */
    public static List<Ast.Statement> parse(
            String text,
            Collection<String> functions,
            Function<String, java.util.Optional<String>> nearest,
            Function<String, List<String>> outputs,
            int maxDepth) {
        try {
            return new Parser(text, Lexer.tokens(text), functions, nearest, outputs, maxDepth).query();
        } catch (DslSyntaxError error) {
            throw error;
        } catch (RuntimeException unexpected) {
            // A parser bug must still come out as a syntax error, never as a 500.
            throw new DslSyntaxError(1, 1, "a valid query", "The query could not be read.");
        }
    }

    private List<Ast.Statement> query() {
        List<Ast.Statement> statements = new ArrayList<>();
        do {
            if (peek().kind() == Token.Kind.END) {
                break;
            }
            statements.add(statement());
        } while (accept(Token.Kind.SEMICOLON));
        if (peek().kind() != Token.Kind.END) {
            throw expected("';' or the end of the query");
        }
        if (statements.isEmpty()) {
            throw expected(STATEMENTS_EXPECTED);
        }
        return statements;
    }

    /** A statement and when it is evaluated: {@code statement [ AS OF date | FROM date TO date ]}. */
    private Ast.Statement statement() {
        Ast.Statement statement = bareStatement();
        Ast.When when = when();
        boolean spanGiven = switch (statement) {
            case Ast.Correlate correlate -> correlate.span() != null;
            case Ast.Regress regress -> regress.span() != null;
            case Ast.Macro macro -> macro.span() != null;
            default -> false;
        };
        if (spanGiven && when.hasPeriod()) {
            throw new DslSyntaxError(
                    when.line(),
                    when.column(),
                    "one period",
                    "Line " + when.line() + ", column " + when.column()
                            + ": OVER and FROM ... TO both give the period; write one of them.");
        }
        return switch (statement) {
            case Ast.Evaluate e -> new Ast.Evaluate(e.symbol(), e.metrics(), when);
            case Ast.Compare c -> new Ast.Compare(c.symbols(), c.metrics(), when);
            case Ast.Scan s -> s.at(when);
            case Ast.Correlate c -> new Ast.Correlate(c.rows(), c.columns(), c.span(), when);
            case Ast.Regress r -> new Ast.Regress(r.dependent(), r.regressors(), r.span(), when);
            case Ast.Macro m -> new Ast.Macro(m.series(), m.regressOn(), m.span(), when, m.analysis());
            case Ast.Find f -> new Ast.Find(f.symbol(), f.where(), when);
            case Ast.Analyze a -> new Ast.Analyze(a.symbol(), a.topic(), a.metrics(), when);
            case Ast.Get g -> new Ast.Get(g.symbol(), g.item(), g.interval(), g.metrics(), when);
            case Ast.Track t -> {
                if (when != Ast.When.LATEST) {
                    throw new DslSyntaxError(
                            when.line(),
                            when.column(),
                            "';' or the end of the query",
                            "Line " + when.line() + ", column " + when.column()
                                    + ": TRACK watches the live price; AS OF and FROM ... TO do not apply to it.");
                }
                yield t;
            }
        };
    }

    /**
     * {@code AS OF date} or {@code FROM date TO date}; the latest bars without either. The dates must
     * be real ISO dates and FROM not after TO; whether AS OF is in the future is the engine's check.
     */
    private Ast.When when() {
        if (peek().is("AS")) {
            position++;
            if (!peek().is("OF")) {
                throw expected("OF after AS, e.g. AS OF 2024-03-28");
            }
            position++;
            Token token = peek();
            return new Ast.When(date(), null, token.line(), token.column());
        }
        if (peek().is("FROM")) {
            position++;
            Token fromToken = peek();
            java.time.LocalDate from = date();
            if (!peek().is("TO")) {
                throw expected("TO and a date after FROM " + from);
            }
            position++;
            Token toToken = peek();
            java.time.LocalDate to = date();
            if (from.isAfter(to)) {
                throwAt(fromToken, "a FROM date not after TO", "FROM " + from + " is after TO " + to + ".");
            }
            return new Ast.When(to, from, toToken.line(), toToken.column());
        }
        return Ast.When.LATEST;
    }

    private java.time.LocalDate date() {
        Token token = peek();
        if (token.kind() != Token.Kind.DATE) {
            throw expected("a date, e.g. 2024-03-28");
        }
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(token.text());
            position++;
            return date;
        } catch (java.time.format.DateTimeParseException e) {
            return throwAt(
                    token,
                    "a date, e.g. 2024-03-28",
                    "'" + token.text() + "' is not a date; write YYYY-MM-DD, e.g. 2024-03-28.");
        }
    }

    private Ast.Statement bareStatement() {
        Token start = peek();
        if (start.is("EVALUATE")) {
            position++;
            String symbol = symbol();
            expect(Token.Kind.COLON, "':' after the symbol");
            return new Ast.Evaluate(symbol, metrics());
        }
        if (start.is("COMPARE")) {
            position++;
            List<String> symbols = new ArrayList<>();
            symbols.add(symbol());
            // COMPARE A vs B ON ..., and FIML's older COMPARE A, B BY ...: either separator, either keyword.
            while (peek().is("VS") || peek().kind() == Token.Kind.COMMA) {
                position++;
                symbols.add(symbol());
            }
            if (symbols.size() < 2) {
                throw expected("'vs' and another symbol");
            }
            if (!peek().is("ON") && !peek().is("BY")) {
                throw expected("'vs', ',', ON or BY");
            }
            position++;
            accept(Token.Kind.COLON);
            return new Ast.Compare(List.copyOf(symbols), metrics());
        }
        if (start.is("SCAN")) {
            position++;
            return scan();
        }
        if (start.is("CORRELATE")) {
            position++;
            List<String> first = symbolList();
            if (peek().is("WITH")) {
                position++;
                return new Ast.Correlate(first, symbolList(), correlationSpan());
            }
            if (first.size() < 2) {
                throw expected(
                        peek().is("OVER") || peek().is("FROM")
                                ? "at least two symbols before " + peek().text().toUpperCase(Locale.ROOT)
                                : "OVER, FROM or WITH");
            }
            return new Ast.Correlate(first, first, correlationSpan());
        }
        if (start.is("REGRESS")) {
            position++;
            String dependent = symbol();
            if (!peek().is("ON")) {
                throw expected("ON and the regressors");
            }
            position++;
            List<String> regressors = symbolList();
            if (peek().is("FROM")) {
                return new Ast.Regress(dependent, regressors, null);
            }
            if (!peek().is("OVER")) {
                throw expected("OVER and a span, e.g. OVER 2y, or FROM date TO date");
            }
            position++;
            return new Ast.Regress(dependent, regressors, span());
        }
        if (start.is("MACRO")) {
            position++;
            return macro();
        }
        if (start.is("FIND")) {
            position++;
            String symbol = symbol();
            if (!peek().is("WITH") && !peek().is("WHERE")) {
                throw expected("WITH and conditions, e.g. FIND AAPL WITH RSI < 30 AND PRICE > SMA 50");
            }
            position++;
            return new Ast.Find(symbol, condition(), Ast.When.LATEST);
        }
        if (start.is("ANALYZE") || start.is("ANALYSE")) {
            position++;
            String symbol = symbol();
            if (!peek().is("FOR")) {
                throw expected("FOR and a topic: " + topics());
            }
            position++;
            Token topic = peek();
            String name = topic.text().toUpperCase(Locale.ROOT);
            if (topic.kind() != Token.Kind.WORD || !Bundles.TOPICS.containsKey(name)) {
                throw unknownWord(topic, "topic", Bundles.TOPICS.keySet(), topics());
            }
            position++;
            return new Ast.Analyze(symbol, name, bundle(name, topic), Ast.When.LATEST);
        }
        if (start.is("GET")) {
            position++;
            return get();
        }
        if (start.is("TRACK")) {
            position++;
            return track();
        }
        if (start.kind() == Token.Kind.WORD) {
            throw unknownWord(start, "statement", STATEMENTS, STATEMENTS_EXPECTED);
        }
        throw expected(STATEMENTS_EXPECTED);
    }

    /**
     * The span after CORRELATE's symbols: {@code WINDOW} or {@code OVER} and a span, null when the
     * statement's {@code FROM ... TO} gives it, {@link #CORRELATE_WINDOW} when neither is written.
     */
    private Ast.Span correlationSpan() {
        if (peek().is("FROM")) {
            return null;
        }
        if (peek().is("WINDOW") || peek().is("OVER")) {
            position++;
            return span();
        }
        return CORRELATE_WINDOW;
    }

    private static String topics() {
        return String.join(" | ", Bundles.TOPICS.keySet());
    }

    /** The topic's metrics the registry has, each parsed from its text in the bundle, placed at the topic. */
    private List<Ast.Metric> bundle(String topic, Token at) {
        List<Ast.Metric> metrics = new ArrayList<>();
        for (String entry : Bundles.available(topic, functions)) {
            Parser inner = new Parser(entry, Lexer.tokens(entry), functions, nearest, outputs, maxDepth);
            Ast.Metric metric = inner.metric();
            metrics.add(new Ast.Metric(
                    metric.name(), metric.arguments(), metric.output(), metric.text(), at.line(), at.column()));
        }
        return List.copyOf(metrics);
    }

    /** {@code GET PRICE | OHLCV | NEWS | FUNDAMENTALS FOR symbol [interval]}. */
    private Ast.Get get() {
        Token itemToken = peek();
        List<String> items =
                java.util.Arrays.stream(Ast.GetItem.values()).map(Enum::name).toList();
        String itemName = itemToken.text().toUpperCase(Locale.ROOT);
        if (itemToken.kind() != Token.Kind.WORD || !items.contains(itemName)) {
            throw unknownWord(itemToken, "item", items, String.join(" | ", items));
        }
        position++;
        Ast.GetItem item = Ast.GetItem.valueOf(itemName);
        if (!peek().is("FOR")) {
            throw expected("FOR and a symbol, e.g. GET " + itemName + " FOR AAPL");
        }
        position++;
        String symbol = symbol();
        String interval = "1d";
        Token intervalToken = peek();
        if (intervalToken.kind() == Token.Kind.DURATION || intervalToken.kind() == Token.Kind.NUMBER) {
            if (item != Ast.GetItem.PRICE && item != Ast.GetItem.OHLCV) {
                throwAt(intervalToken, "the end of the statement", "an interval belongs to GET PRICE or GET OHLCV.");
            }
            interval = interval();
        }
        List<Ast.Metric> metrics =
                item == Ast.GetItem.FUNDAMENTALS ? bundle(Bundles.FUNDAMENTALS, itemToken) : List.of();
        return new Ast.Get(symbol, item, interval, metrics, Ast.When.LATEST);
    }

    /**
     * A bar interval as GET /api/v1/bars names it ({@code 1d}, {@code 1wk}, {@code 1mo}; {@code 1w}
     * is {@code 1wk}), a day or longer: the engine computes on daily bars.
     */
    private String interval() {
        Token first = peek();
        position++;
        String code = first.text().toLowerCase(Locale.ROOT);
        Token next = peek();
        if (first.kind() == Token.Kind.NUMBER
                && next.kind() == Token.Kind.WORD
                && next.line() == first.line()
                && next.column() == first.column() + first.text().length()) {
            code += next.text().toLowerCase(Locale.ROOT); // 1wk, 1mo, 1h lex as a number and a word
            position++;
        }
        code = code.equals("1w") ? "1wk" : code;
        java.util.Optional<dev.sextant.analytics.series.BarInterval> interval =
                dev.sextant.analytics.series.BarInterval.fromCode(code);
        if (interval.isEmpty() || interval.get().isIntraday()) {
            String why = interval.isEmpty()
                    ? "'" + code + "' is not an interval"
                    : "GET answers bars of a day or longer; intraday " + code + " bars are at GET /api/v1/bars";
            return throwAt(first, "1d, 1wk or 1mo", why + "; write 1d, 1wk or 1mo.");
        }
        return interval.get().code();
    }

    /** An unknown word where one of {@code known} belongs, with the nearest as a hint. */
    private DslSyntaxError unknownWord(Token token, String what, Collection<String> known, String list) {
        if (token.kind() != Token.Kind.WORD) {
            return expected(list);
        }
        String hint = NearestName.to(token.text(), known)
                .map(s -> "; did you mean " + s + "?")
                .orElse(".");
        return new DslSyntaxError(
                token.line(),
                token.column(),
                list,
                "Line " + token.line() + ", column " + token.column() + ": unknown " + what + " '" + token.text() + "'"
                        + hint + " Expected " + list + ".");
    }

    /** {@code TRACK symbol WHEN condition}: the condition is a SCAN's, kept as written too. */
    private Ast.Track track() {
        String symbol = symbol();
        if (!peek().is("WHEN")) {
            throw expected("WHEN and a condition, e.g. TRACK AAPL WHEN PRICE > 200");
        }
        position++;
        Token first = peek();
        Ast.Condition condition = condition();
        Token next = peek();
        int end = next.kind() == Token.Kind.END ? text.length() : offset(next);
        return new Ast.Track(
                symbol, condition, text.substring(offset(first), end).strip());
    }

    /** Where a token starts in the text (the lexer counts lines at '\n' and columns from 1). */
    private int offset(Token token) {
        int index = 0;
        for (int line = 1; line < token.line(); line++) {
            index = text.indexOf('\n', index) + 1;
        }
        return index + token.column() - 1;
    }

    /** {@code MACRO[:] A, B [-> REGRESSION ON S [OVER span]]}. */
    private Ast.Macro macro() {
        accept(Token.Kind.COLON);
        List<String> series = symbolList();
        if (!accept(Token.Kind.ARROW)) {
            return new Ast.Macro(series, null, null);
        }
        Token analysisToken = peek();
        String word = analysisToken.text().toUpperCase(Locale.ROOT);
        Ast.MacroAnalysis analysis = switch (analysisToken.kind() == Token.Kind.WORD ? word : "") {
            case "REGRESSION", "REGRESS" -> Ast.MacroAnalysis.REGRESSION;
            case "CORRELATION", "CORRELATE" -> Ast.MacroAnalysis.CORRELATION;
            case "IMPACT" -> Ast.MacroAnalysis.IMPACT;
            case "CAUSALITY" -> Ast.MacroAnalysis.CAUSALITY;
            default -> null;
        };
        if (analysis == null) {
            throw unknownWord(
                    analysisToken,
                    "analysis after '->'",
                    List.of("REGRESSION", "CORRELATION", "IMPACT", "CAUSALITY"),
                    "REGRESSION | CORRELATION | IMPACT | CAUSALITY");
        }
        position++;
        if (!peek().is("ON")) {
            throw expected("ON and a symbol, e.g. " + analysis + " ON SPY");
        }
        position++;
        String on = symbol();
        Ast.Span span = null;
        if (peek().is("OVER")) {
            position++;
            span = span();
        }
        return new Ast.Macro(series, on, span, Ast.When.LATEST, analysis);
    }

    private Ast.Scan scan() {
        Token first = peek();
        if (first.kind() != Token.Kind.WORD) {
            throw expected("a universe, e.g. universe:demo");
        }
        position++;
        String universe = first.text().toLowerCase(Locale.ROOT);
        if (accept(Token.Kind.COLON)) {
            Token second = peek();
            if (second.kind() != Token.Kind.WORD) {
                throw expected("a universe name after ':'");
            }
            position++;
            String name = second.text().toLowerCase(Locale.ROOT);
            universe = universe.equals("universe") ? name : universe + ":" + name;
        }
        Ast.Condition where = null;
        if (peek().is("WHERE")) {
            position++;
            where = condition();
        }
        Ast.Metric orderBy = null;
        boolean descending = false;
        if (peek().is("ORDER")) {
            position++;
            if (!peek().is("BY")) {
                throw expected("BY after ORDER");
            }
            position++;
            orderBy = metric();
            if (peek().is("DESC") || peek().is("ASC")) {
                descending = peek().is("DESC");
                position++;
            }
        }
        int limit = 100;
        if (peek().is("LIMIT")) {
            position++;
            Token number = peek();
            if (number.kind() != Token.Kind.NUMBER || number.text().contains(".")) {
                throw expected("a whole number after LIMIT");
            }
            position++;
            limit = Integer.parseInt(number.text().length() > 6 ? "1000000" : number.text());
        }
        return new Ast.Scan(universe, where, orderBy, descending, limit, Ast.When.LATEST, first.line(), first.column());
    }

    private Ast.Condition condition() {
        Ast.Condition left = conjunction();
        int depth = lastDepth;
        while (peek().is("OR")) {
            Token operator = peek();
            position++;
            Ast.Condition right = conjunction();
            depth = deeper(depth, operator);
            left = new Ast.Or(left, right);
        }
        lastDepth = depth;
        return left;
    }

    private Ast.Condition conjunction() {
        Ast.Condition left = comparison();
        int depth = lastDepth;
        while (peek().is("AND")) {
            Token operator = peek();
            position++;
            Ast.Condition right = comparison();
            depth = deeper(depth, operator);
            left = new Ast.And(left, right);
        }
        lastDepth = depth;
        return left;
    }

    /**
     * The depth of an operator node over the operand parsed last and its left side, refused past
     * the limit: the evaluator recurses once per level, so the limit bounds its stack as well.
     */
    private int deeper(int leftDepth, Token operator) {
        int depth = Math.max(leftDepth, lastDepth) + 1;
        if (depth > maxDepth) {
            throw tooDeep(operator);
        }
        return depth;
    }

    private DslSyntaxError tooDeep(Token token) {
        return new DslSyntaxError(
                token.line(),
                token.column(),
                "at most " + maxDepth + " levels of operators and parentheses",
                "Line " + token.line() + ", column " + token.column() + ": the condition nests deeper than " + maxDepth
                        + " levels of operators and parentheses; split it or simplify it.");
    }

    private Ast.Condition comparison() {
        Token open = peek();
        if (accept(Token.Kind.LPAREN)) {
            if (++nesting > maxDepth) {
                throw tooDeep(open);
            }
            Ast.Condition inner = condition();
            expect(Token.Kind.RPAREN, "')'");
            nesting--;
            lastDepth = deeper(lastDepth, open);
            return inner;
        }
        if ((peek().is("TREND") || peek().is("SIGNAL"))
                && tokens.get(position + 1).is("IS")) {
            boolean trend = peek().is("TREND");
            position += 2;
            Token state = peek();
            java.util.Set<String> states =
                    trend ? java.util.Set.of("BULLISH", "BEARISH", "NEUTRAL") : java.util.Set.of("BUY", "SELL", "HOLD");
            String value = state.text().toUpperCase(Locale.ROOT);
            if (state.kind() != Token.Kind.WORD || !states.contains(value)) {
                throw expected(trend ? "BULLISH, BEARISH or NEUTRAL" : "BUY, SELL or HOLD");
            }
            position++;
            lastDepth = 0;
            return trend ? Ast.State.trend(value) : Ast.State.signal(value);
        }
        Ast.Expression left = expression();
        int depth = lastDepth;
        if (peek().is("ABOVE") || peek().is("BELOW")) {
            Token operator = peek();
            String op = peek().is("ABOVE") ? ">" : "<";
            position++;
            Ast.Expression right = expression();
            lastDepth = deeper(depth, operator);
            return new Ast.Comparison(left, op, right);
        }
        if (peek().is("BETWEEN")) {
            Token operator = peek();
            position++;
            Ast.Expression low = expression();
            depth = Math.max(depth, lastDepth);
            if (!peek().is("AND")) {
                throw expected("AND in BETWEEN ... AND ...");
            }
            position++;
            Ast.Expression high = expression();
            lastDepth = deeper(depth, operator);
            return new Ast.Between(left, low, high);
        }
        Token op = peek();
        if (op.kind() != Token.Kind.COMPARISON) {
            throw expected("a comparison (<, <=, >, >=, =, !=, ABOVE, BELOW) or BETWEEN");
        }
        position++;
        Ast.Expression right = expression();
        lastDepth = deeper(depth, op);
        return new Ast.Comparison(left, op.text(), right);
    }

    private Ast.Expression expression() {
        Ast.Expression left = term();
        int depth = lastDepth;
        while (peek().kind() == Token.Kind.ARITHMETIC && peek().text().equals("+")) {
            Token operator = peek();
            position++;
            Ast.Expression right = term();
            depth = deeper(depth, operator);
            left = new Ast.Arithmetic(left, '+', right);
        }
        lastDepth = depth;
        return left;
    }

    private Ast.Expression term() {
        Ast.Expression left = factor();
        int depth = lastDepth;
        while (peek().kind() == Token.Kind.ARITHMETIC && !peek().text().equals("+")) {
            Token operator = peek();
            char op = peek().text().charAt(0);
            position++;
            Ast.Expression right = factor();
            depth = deeper(depth, operator);
            left = new Ast.Arithmetic(left, op, right);
        }
        lastDepth = depth;
        return left;
    }

    private Ast.Expression factor() {
        Token token = peek();
        lastDepth = 0;
        if (token.kind() == Token.Kind.NUMBER) {
            position++;
            double value = Double.parseDouble(token.text());
            // Changes, drawdowns and volatilities are fractions: 5% is 0.05.
            return new Ast.Literal(accept(Token.Kind.PERCENT) ? value / 100 : value);
        }
        if (token.kind() == Token.Kind.WORD) {
            return new Ast.MetricValue(metric());
        }
        throw expected("a number or a metric");
    }

    private List<Ast.Metric> metrics() {
        List<Ast.Metric> metrics = new ArrayList<>();
        do {
            metrics.add(metric());
        } while (accept(Token.Kind.COMMA));
        return List.copyOf(metrics);
    }

    private Ast.Metric metric() {
        Token name = peek();
        if (name.kind() != Token.Kind.WORD) {
            throw expected("a metric, e.g. RSI(14)");
        }
        String word = name.text();
        Token outputToken = null;
        // BBANDS.upper lexes as one word (symbols such as SAP.DE have dots): a known name before the dot
        // names the indicator with its default parameters.
        int dot = word.indexOf('.');
        if (dot > 0
                && !functions.contains(word.toUpperCase(Locale.ROOT))
                && functions.contains(word.substring(0, dot).toUpperCase(Locale.ROOT))) {
            outputToken = new Token(Token.Kind.WORD, word.substring(dot + 1), name.line(), name.column() + dot + 1);
            word = word.substring(0, dot);
        }
        String upper = word.toUpperCase(Locale.ROOT);
        if (!functions.contains(upper)) {
            String hint =
                    nearest.apply(upper).map(s -> "; did you mean " + s + "?").orElse(".");
            throw new DslSyntaxError(
                    name.line(),
                    name.column(),
                    "a metric",
                    "Line " + name.line() + ", column " + name.column() + ": unknown metric '" + name.text() + "'"
                            + hint);
        }
        position++;
        List<Ast.Argument> arguments = new ArrayList<>();
        StringBuilder text = new StringBuilder(upper);
        if (outputToken == null && accept(Token.Kind.LPAREN)) {
            text.append('(');
            do {
                Token token = peek();
                arguments.add(argument());
                text.append(arguments.size() > 1 ? "," : "").append(token.text().toUpperCase(Locale.ROOT));
            } while (accept(Token.Kind.COMMA));
            expect(Token.Kind.RPAREN, "')' or ','");
            text.append(')');
        } else if (outputToken == null
                && (peek().kind() == Token.Kind.NUMBER || peek().kind() == Token.Kind.DURATION)) {
            // FIML's SMA 20: one argument without parentheses (a number never follows a metric otherwise).
            Token token = peek();
            arguments.add(argument());
            text.append('(').append(token.text().toUpperCase(Locale.ROOT)).append(')');
        }
        if (outputToken == null && accept(Token.Kind.DOT)) {
            outputToken = peek();
            if (outputToken.kind() != Token.Kind.WORD) {
                throw expected("an output's name after '.', e.g. BBANDS(20,2).upper");
            }
            position++;
        }
        String output = null;
        if (outputToken != null) {
            output = output(upper, outputToken);
            text.append('.').append(output);
        }
        return new Ast.Metric(upper, List.copyOf(arguments), output, text.toString(), name.line(), name.column());
    }

    /** The output as the catalog spells it, or a syntax error at it naming the allowed ones. */
    private String output(String metric, Token token) {
        List<String> allowed = outputs.apply(metric);
        if (allowed == null) {
            return token.text();
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(token.text())) {
                return candidate;
            }
        }
        String what = allowed.isEmpty()
                ? metric + " has no named outputs"
                : metric + "'s outputs are " + String.join(", ", allowed);
        return throwAt(
                token,
                allowed.isEmpty() ? "the end of the metric" : "one of " + String.join(", ", allowed),
                "unknown output '" + token.text() + "'; " + what + ".");
    }

    private static <T> T throwAt(Token token, String expected, String message) {
        throw new DslSyntaxError(
                token.line(),
                token.column(),
                expected,
                "Line " + token.line() + ", column " + token.column() + ": " + message);
    }

    private Ast.Argument argument() {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER -> {
                position++;
                return new Ast.Number(Double.parseDouble(token.text()));
            }
            case DURATION -> {
                position++;
                String text = token.text();
                String amount = text.substring(0, text.length() - 1);
                if (amount.contains(".") || amount.length() > 4) {
                    throw new DslSyntaxError(
                            token.line(),
                            token.column(),
                            "a whole number of days, weeks, months or years",
                            "Line " + token.line() + ", column " + token.column() + ": '" + text
                                    + "' is not a span; write e.g. 30d, 12w, 6m or 1y.");
                }
                return new Ast.Span(Integer.parseInt(amount), Character.toLowerCase(text.charAt(text.length() - 1)));
            }
            case WORD -> {
                position++;
                return new Ast.Symbol(token.text().toUpperCase(Locale.ROOT));
            }
            default -> throw expected("a number, a span (30d, 1y) or a symbol");
        }
    }

    private List<String> symbolList() {
        List<String> symbols = new ArrayList<>();
        do {
            symbols.add(symbol());
        } while (accept(Token.Kind.COMMA));
        return List.copyOf(symbols);
    }

    private Ast.Span span() {
        Token token = peek();
        if (token.kind() != Token.Kind.DURATION) {
            throw expected("a span, e.g. 90d or 1y");
        }
        Ast.Argument argument = argument();
        return (Ast.Span) argument;
    }

    private String symbol() {
        Token token = peek();
        if (token.kind() != Token.Kind.WORD
                || token.is("VS")
                || token.is("ON")
                || token.is("OVER")
                || token.is("WITH")
                || token.is("WINDOW")
                || token.is("BY")
                || token.is("FOR")) {
            throw expected("a symbol, e.g. AAPL or BTC-USD");
        }
        position++;
        return token.text().toUpperCase(Locale.ROOT);
    }

    private Token peek() {
        return tokens.get(position);
    }

    private boolean accept(Token.Kind kind) {
        if (peek().kind() == kind) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(Token.Kind kind, String what) {
        if (!accept(kind)) {
            throw expected(what);
        }
    }

    private DslSyntaxError expected(String what) {
        Token token = peek();
        String found = token.kind() == Token.Kind.END ? "the end of the query" : "'" + token.text() + "'";
        return new DslSyntaxError(
                token.line(),
                token.column(),
                what,
                "Line " + token.line() + ", column " + token.column() + ": expected " + what + ", found " + found
                        + ".");
    }
}
