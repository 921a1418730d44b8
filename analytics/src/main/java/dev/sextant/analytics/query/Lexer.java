package dev.sextant.analytics.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits FK-DSL text into tokens. Words are keywords, function names and symbols alike
 * ({@code EVALUATE}, {@code RSI}, {@code BTC-USD}, {@code ^GSPC}); a number followed by d, w, m or
 * y is a duration ({@code 30d}, {@code 1y}).
 */
final class Lexer {

    private Lexer() {}

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                column++;
                i++;
                continue;
            }
            int start = i;
            Token.Kind kind;
            switch (c) {
                case '(' -> kind = Token.Kind.LPAREN;
                case ')' -> kind = Token.Kind.RPAREN;
                case ',' -> kind = Token.Kind.COMMA;
                case ':' -> kind = Token.Kind.COLON;
                case ';' -> kind = Token.Kind.SEMICOLON;
                default -> kind = null;
            }
            if (kind != null) {
                tokens.add(new Token(kind, String.valueOf(c), line, column));
                i++;
                column++;
                continue;
            }
            if (isArrow(text, i)) {
                tokens.add(new Token(Token.Kind.ARROW, "->", line, column));
                i += 2;
                column += 2;
                continue;
            }
            if (c == '\u2192') { // FIML's docs write MACRO's arrow as U+2192
                tokens.add(new Token(Token.Kind.ARROW, "->", line, column));
                i++;
                column++;
                continue;
            }
            if (c == '<' || c == '>' || c == '=' || c == '!') {
                boolean twoChars = i + 1 < text.length() && text.charAt(i + 1) == '=' && c != '=';
                String op = twoChars ? text.substring(i, i + 2) : String.valueOf(c);
                if (op.equals("!")) {
                    throw new DslSyntaxError(
                            line,
                            column,
                            "a comparison",
                            "Line " + line + ", column " + column + ": '!' must be followed by '=' (!=).");
                }
                tokens.add(new Token(Token.Kind.COMPARISON, op, line, column));
                i += op.length();
                column += op.length();
                continue;
            }
            if (c == '*' || c == '/' || c == '+' || c == '%') {
                tokens.add(new Token(
                        c == '%' ? Token.Kind.PERCENT : Token.Kind.ARITHMETIC, String.valueOf(c), line, column));
                i++;
                column++;
                continue;
            }
            if (c == '.' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
                tokens.add(new Token(Token.Kind.DOT, ".", line, column));
                i++;
                column++;
                continue;
            }
            // A minus sign starts a negative number: '-' inside a word (BTC-USD) never starts a token.
            boolean negative = c == '-' && startsNumber(text, i + 1);
            if (negative || startsNumber(text, i)) {
                if (negative) {
                    i++;
                }
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                if (!negative && isDate(text, start, i)) {
                    while (i + 1 < text.length() && text.charAt(i) == '-' && Character.isDigit(text.charAt(i + 1))) {
                        i++;
                        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                            i++;
                        }
                    }
                    tokens.add(new Token(Token.Kind.DATE, text.substring(start, i), line, column));
                    column += i - start;
                    continue;
                }
                boolean duration = i < text.length()
                        && "dwmyDWMY".indexOf(text.charAt(i)) >= 0
                        && (i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)));
                if (duration) {
                    i++;
                }
                String value = text.substring(start, i);
                if (value.chars().filter(ch -> ch == '.').count() > 1) {
                    throw new DslSyntaxError(
                            line,
                            column,
                            "a number",
                            "Line " + line + ", column " + column + ": '" + value + "' is not a number.");
                }
                tokens.add(new Token(duration ? Token.Kind.DURATION : Token.Kind.NUMBER, value, line, column));
                column += i - start;
                continue;
            }
            if (Character.isLetter(c) || c == '^' || c == '_') {
                while (i < text.length() && isWordPart(text.charAt(i)) && !isArrow(text, i)) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.WORD, text.substring(start, i), line, column));
                column += i - start;
                continue;
            }
            throw new DslSyntaxError(
                    line,
                    column,
                    "a word, number or one of ( ) , : ;",
                    "Line " + line + ", column " + column + ": unexpected character '" + c + "'.");
        }
        tokens.add(new Token(Token.Kind.END, "", line, column));
        return tokens;
    }

    /** Digits, then '-' and a digit: a date such as 2024-03-28 (a number never has a '-' after it). */
    private static boolean isDate(String text, int start, int end) {
        return end + 1 < text.length()
                && text.charAt(end) == '-'
                && Character.isDigit(text.charAt(end + 1))
                && text.substring(start, end).chars().allMatch(Character::isDigit);
    }

    private static boolean startsNumber(String text, int i) {
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)));
    }

    private static boolean isArrow(String text, int i) {
        return text.charAt(i) == '-' && i + 1 < text.length() && text.charAt(i + 1) == '>';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '^' || c == '_';
    }
}
