package dev.sextant.analytics.query;

import java.util.function.Function;

/**
 * Evaluates a SCAN's condition for one symbol, given its metric values (null where a value cannot
 * be computed, which makes any test on it false). TREND and SIGNAL are defined in docs/DSL.md.
 */
final class Conditions {

    private Conditions() {}

    static boolean holds(Ast.Condition condition, Function<Ast.Metric, Double> value) {
        return switch (condition) {
            case Ast.And and -> holds(and.left(), value) && holds(and.right(), value);
            case Ast.Or or -> holds(or.left(), value) || holds(or.right(), value);
            case Ast.Between between -> {
                Double x = evaluate(between.value(), value);
                Double low = evaluate(between.low(), value);
                Double high = evaluate(between.high(), value);
                yield x != null && low != null && high != null && x >= low && x <= high;
            }
            case Ast.State state -> state.state().equals(state(state, value));
            case Ast.Comparison comparison -> {
                Double left = evaluate(comparison.left(), value);
                Double right = evaluate(comparison.right(), value);
                yield left != null
                        && right != null
                        && switch (comparison.op()) {
                            case "<" -> left < right;
                            case "<=" -> left <= right;
                            case ">" -> left > right;
                            case ">=" -> left >= right;
                            case "=" -> left.doubleValue() == right.doubleValue();
                            default -> left.doubleValue() != right.doubleValue();
                        };
            }
        };
    }

    /** The state a TREND or SIGNAL test reads from its metrics. */
    private static String state(Ast.State state, Function<Ast.Metric, Double> value) {
        return state.subject().equals("TREND") ? trend(value) : signal(value);
    }

    /** BULLISH, BEARISH or NEUTRAL (also when one of its metrics cannot be computed). */
    static String trend(Function<Ast.Metric, Double> value) {
        Double price = value.apply(Ast.State.PRICE);
        Double fast = value.apply(Ast.State.SMA_50);
        Double slow = value.apply(Ast.State.SMA_200);
        if (price == null || fast == null || slow == null) {
            return "NEUTRAL";
        }
        return price > fast && fast > slow ? "BULLISH" : price < fast && fast < slow ? "BEARISH" : "NEUTRAL";
    }

    /** BUY, SELL or HOLD (also when one of its metrics cannot be computed). */
    static String signal(Function<Ast.Metric, Double> value) {
        Double rsi = value.apply(Ast.State.RSI_14);
        Double histogram = value.apply(Ast.State.MACD_HIST);
        if (rsi == null || histogram == null) {
            return "HOLD";
        }
        return rsi < 30 && histogram > 0 ? "BUY" : rsi > 70 && histogram < 0 ? "SELL" : "HOLD";
    }

    private static Double evaluate(Ast.Expression expression, Function<Ast.Metric, Double> value) {
        return switch (expression) {
            case Ast.Literal literal -> literal.value();
            case Ast.MetricValue metric -> value.apply(metric.metric());
            case Ast.Arithmetic arithmetic -> {
                Double left = evaluate(arithmetic.left(), value);
                Double right = evaluate(arithmetic.right(), value);
                if (left == null || right == null) {
                    yield null;
                }
                double result = switch (arithmetic.op()) {
                    case '*' -> left * right;
                    case '/' -> left / right;
                    default -> left + right;
                };
                yield Double.isFinite(result) ? result : null;
            }
        };
    }
}
