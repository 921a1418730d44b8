package dev.sextant.analytics.news;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a labelled headline set: {@code #} comment lines, a {@code text,label} header, rows. */
record LabelledHeadlines(List<Row> rows) {

    static final List<String> LABELS = List.of("positive", "negative", "neutral");

    record Row(String text, String label) {}

    static LabelledHeadlines load(String resource) throws IOException {
        try (InputStream in = LabelledHeadlines.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing");
            }
            List<Row> rows = new ArrayList<>();
            boolean header = true;
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    if (!line.equals("text,label")) {
                        throw new IllegalStateException(resource + ": header is " + line);
                    }
                    continue;
                }
                // the label never contains a comma, the text may (then it is quoted)
                int comma = line.lastIndexOf(',');
                String text = line.substring(0, comma);
                if (text.startsWith("\"") && text.endsWith("\"")) {
                    text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
                }
                String label = line.substring(comma + 1);
                if (!Set.copyOf(LABELS).contains(label)) {
                    throw new IllegalStateException(resource + ": bad label in " + line);
                }
                rows.add(new Row(text, label));
            }
            return new LabelledHeadlines(List.copyOf(rows));
        }
    }
}
