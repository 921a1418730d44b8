package dev.sextant.analytics.news;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Accuracy and per-class precision and recall of a labeller on a labelled set, from a confusion
 * matrix: {@code counts[truth][predicted]}.
 */
record ClassificationReport(int[][] counts, int total) {

    static ClassificationReport of(LabelledHeadlines set, Function<String, String> labeller) {
        int k = LabelledHeadlines.LABELS.size();
        int[][] counts = new int[k][k];
        for (LabelledHeadlines.Row row : set.rows()) {
            int truth = LabelledHeadlines.LABELS.indexOf(row.label());
            int predicted = LabelledHeadlines.LABELS.indexOf(labeller.apply(row.text()));
            counts[truth][predicted]++;
        }
        return new ClassificationReport(counts, set.rows().size());
    }

    double accuracy() {
        int right = 0;
        for (int i = 0; i < counts.length; i++) {
            right += counts[i][i];
        }
        return (double) right / total;
    }

    /** Of the headlines given this label, the share that truly have it. */
    double precision(String label) {
        int c = LabelledHeadlines.LABELS.indexOf(label);
        int predicted = 0;
        for (int[] row : counts) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) counts[c][c] / predicted;
    }

    /** Of the headlines that truly have this label, the share given it. */
    double recall(String label) {
        int c = LabelledHeadlines.LABELS.indexOf(label);
        int actual = 0;
        for (int v : counts[c]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) counts[c][c] / actual;
    }

    double macroF1() {
        double sum = 0;
        for (String label : LabelledHeadlines.LABELS) {
            double p = precision(label);
            double r = recall(label);
            sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        return sum / LabelledHeadlines.LABELS.size();
    }

    String describe(String name) {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT, "%s on %d headlines: accuracy %.3f, macro-F1 %.3f", name, total, accuracy(), macroF1()));
        for (String label : List.copyOf(LabelledHeadlines.LABELS)) {
            b.append(String.format(Locale.ROOT, "; %s P %.3f R %.3f", label, precision(label), recall(label)));
        }
        return b.toString();
    }
}
