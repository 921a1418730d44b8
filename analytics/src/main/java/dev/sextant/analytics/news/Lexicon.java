package dev.sextant.analytics.news;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A sentiment lexicon as a word trie: every entry (word, phrase, negator, intensifier, clause word)
 * is a path of tokens, so one walk from a position finds the longest entry starting there. A token
 * written with a trailing {@code *} is a prefix and matches any word starting with it; an exact
 * word beats a prefix, and a longer prefix beats a shorter one.
 *
 * <p>Immutable once loaded (the maps are filled by the loader and never touched again), hence
 * thread-safe. The file format is described in the header of {@code sextant-lexicon-1.txt}.
 */
final class Lexicon {

    /** What an entry does to the score. */
    enum Kind {
        SENTIMENT,
        NEGATOR,
        INTENSIFIER,
        CONCESSIVE,
        CONTRAST
    }

    /** One entry: its kind, its value (weight or factor) and how many tokens it spans. */
    record Entry(Kind kind, double value, int length, String text) {}

    private final Node root = new Node();
    private int entries;

    private Lexicon() {}

    /** Loads a lexicon from the class path, next to this class. */
    static Lexicon load(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lexicon resource " + resource + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
    }

    static Lexicon parse(List<String> lines) {
        Lexicon lexicon = new Lexicon();
        @Nullable Kind section = null;
        int number = 0;
        for (String raw : lines) {
            number++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = sectionOf(line, number);
                continue;
            }
            if (section == null) {
                throw new IllegalArgumentException("lexicon line " + number + ": entry before any [section]");
            }
            lexicon.add(section, line, number);
        }
        return lexicon;
    }

    private static Kind sectionOf(String header, int number) {
        return switch (header) {
            case "[sentiment]" -> Kind.SENTIMENT;
            case "[negators]" -> Kind.NEGATOR;
            case "[intensifiers]" -> Kind.INTENSIFIER;
            case "[concessive]" -> Kind.CONCESSIVE;
            case "[contrast]" -> Kind.CONTRAST;
            default -> throw new IllegalArgumentException("lexicon line " + number + ": unknown section " + header);
        };
    }

    private void add(Kind kind, String line, int number) {
        int eq = line.indexOf('=');
        boolean valued = kind != Kind.CONCESSIVE && kind != Kind.CONTRAST;
        if (valued != (eq >= 0)) {
            throw new IllegalArgumentException(
                    "lexicon line " + number + ": " + (valued ? "needs '= value'" : "takes no value") + ": " + line);
        }
        String words = (eq >= 0 ? line.substring(0, eq) : line).strip();
        double value = 0;
        if (eq >= 0) {
            try {
                value = Double.parseDouble(line.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("lexicon line " + number + ": bad value in " + line, e);
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("lexicon line " + number + ": value must be finite: " + line);
            }
        }
        String[] tokens = words.split("\\s+");
        Node node = root;
        for (String token : tokens) {
            node = node.child(token, number);
        }
        if (node.entry != null) {
            throw new IllegalArgumentException("lexicon line " + number + ": duplicate entry " + words);
        }
        node.entry = new Entry(kind, value, tokens.length, words);
        entries++;
    }

    int size() {
        return entries;
    }

    /** The longest entry starting at {@code tokens[from]}, or null when none does. */
    @Nullable
    Entry longestAt(List<String> tokens, int from) {
        return longest(root, tokens, from);
    }

    // An exact word and a prefix can both lead on ("lifts guidance" and "lift*" for "lifts"), so
    // both paths are tried; the depth is bounded by the longest entry, a handful of tokens.
    private static @Nullable Entry longest(Node node, List<String> tokens, int i) {
        if (i >= tokens.size()) {
            return null;
        }
        String token = tokens.get(i);
        @Nullable Entry best = null;
        Node exact = node.exact.get(token);
        if (exact != null) {
            best = longer(exact.entry, longest(exact, tokens, i + 1));
        }
        Node prefix = node.prefixOf(token);
        if (prefix != null) {
            Entry viaPrefix = longer(prefix.entry, longest(prefix, tokens, i + 1));
            if (viaPrefix != null && (best == null || viaPrefix.length() > best.length())) {
                best = viaPrefix;
            }
        }
        return best;
    }

    private static @Nullable Entry longer(@Nullable Entry here, @Nullable Entry deeper) {
        return deeper != null ? deeper : here;
    }

    /** A trie node: exact children, prefix children, and the entry ending here if any. */
    private static final class Node {
        private final Map<String, Node> exact = new HashMap<>();
        private final CharTrie prefix = new CharTrie();
        private @Nullable Entry entry;

        Node child(String token, int number) {
            if (token.endsWith("*")) {
                String stem = token.substring(0, token.length() - 1);
                if (stem.isEmpty() || stem.contains("*")) {
                    throw new IllegalArgumentException("lexicon line " + number + ": bad prefix " + token);
                }
                return prefix.nodeFor(stem);
            }
            if (token.contains("*") || !token.equals(token.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("lexicon line " + number + ": bad token " + token);
            }
            return exact.computeIfAbsent(token, k -> new Node());
        }

        /** The child for the longest prefix of {@code token}, or null. */
        @Nullable
        Node prefixOf(String token) {
            return prefix.longestPrefixOf(token);
        }
    }

    /**
     * The prefix entries of one trie node by character, so that the longest prefix of a word is
     * found in one walk over its characters, without cutting substrings (the scorer's hot path).
     */
    private static final class CharTrie {
        private char[] keys = new char[0];
        private CharTrie[] next = new CharTrie[0];
        private @Nullable Node target;

        Node nodeFor(String stem) {
            CharTrie at = this;
            for (int i = 0; i < stem.length(); i++) {
                at = at.childOrAdd(stem.charAt(i));
            }
            if (at.target == null) {
                at.target = new Node();
            }
            return at.target;
        }

        @Nullable
        Node longestPrefixOf(String token) {
            @Nullable Node best = null;
            CharTrie at = this;
            for (int i = 0; i < token.length() && at != null; i++) {
                at = at.child(token.charAt(i));
                if (at != null && at.target != null) {
                    best = at.target;
                }
            }
            return best;
        }

        private @Nullable CharTrie child(char c) {
            char[] k = keys;
            for (int i = 0; i < k.length; i++) {
                if (k[i] == c) {
                    return next[i];
                }
            }
            return null;
        }

        private CharTrie childOrAdd(char c) {
            CharTrie found = child(c);
            if (found != null) {
                return found;
            }
            keys = java.util.Arrays.copyOf(keys, keys.length + 1);
            next = java.util.Arrays.copyOf(next, next.length + 1);
            keys[keys.length - 1] = c;
            next[next.length - 1] = new CharTrie();
            return next[next.length - 1];
        }
    }
}
