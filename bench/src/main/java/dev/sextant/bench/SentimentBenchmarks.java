package dev.sextant.bench;

import dev.sextant.analytics.news.LexiconSentiment;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Headlines per second through sextant-lexicon-1 on one thread, over 1,000 generated headlines of
 * 6 to 16 words mixing lexicon words, phrases, negators and unknown words. The peer in the same run
 * is the least any word-based scorer does: lower-case the text and split it with a regex, scoring
 * nothing; the gap between the two is the cost of the lexicon and its rules.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SentimentBenchmarks {

    static final int HEADLINES = 1_000;

    private static final String[] WORDS = {
        "Acme",
        "Northwind",
        "shares",
        "stock",
        "quarterly",
        "profit",
        "revenue",
        "beats",
        "estimates",
        "misses",
        "raises",
        "cuts",
        "guidance",
        "outlook",
        "record",
        "sharply",
        "slightly",
        "not",
        "fails",
        "to",
        "despite",
        "but",
        "downgrade",
        "upgrade",
        "files",
        "for",
        "bankruptcy",
        "SEC",
        "probe",
        "after",
        "on",
        "the",
        "in",
        "2026",
        "15%",
        "$300",
        "million",
        "demand",
        "China",
        "weak",
        "strong",
        "plunge",
        "surges",
        "analysts",
        "say",
        "Bitcoin",
        "Fed",
        "inflation",
        "cools",
        "recession",
        "fears",
        ",",
        ";"
    };
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    String[] headlines;
    LexiconSentiment scorer;

    @Setup(Level.Trial)
    public void headlines() {
        SplittableRandom random = new SplittableRandom(2026);
        headlines = new String[HEADLINES];
        for (int h = 0; h < HEADLINES; h++) {
            StringBuilder b = new StringBuilder();
            int words = 6 + random.nextInt(11);
            for (int w = 0; w < words; w++) {
                b.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            headlines[h] = b.toString();
        }
        scorer = new LexiconSentiment();
    }

    @Benchmark
    @OperationsPerInvocation(HEADLINES)
    public double lexicon() {
        double sum = 0;
        for (String headline : headlines) {
            sum += scorer.score(headline).value();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(HEADLINES)
    public int splitOnly() {
        int tokens = 0;
        for (String headline : headlines) {
            tokens += NON_WORD.split(headline.toLowerCase(Locale.ROOT)).length;
        }
        return tokens;
    }
}
