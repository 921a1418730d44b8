package dev.sextant.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A shell transcript as the README shows one: in a fenced code block, each command starts with
 * {@code $ } (a trailing {@code \} continues it on the next line), and the lines up to the next
 * command are what it printed. Commands are split into words as a POSIX shell would for the
 * subset the README uses: single quotes, double quotes with {@code $VAR}, and {@code #} comments.
 */
public record ReadmeTranscript(List<Step> steps) {

    /** One command, as words still holding the README's placeholders, and what it printed (may be empty). */
    public record Step(String command, List<String> words, String shown) {}

    /** Every transcript in the markdown text: each fenced code block with at least one {@code $ } line. */
    public static List<ReadmeTranscript> in(String markdown) {
        List<ReadmeTranscript> transcripts = new ArrayList<>();
        List<String> block = null;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("```")) {
                if (block == null) {
                    block = new ArrayList<>();
                } else {
                    if (block.stream().anyMatch(l -> l.startsWith("$ "))) {
                        transcripts.add(parse(block));
                    }
                    block = null;
                }
            } else if (block != null) {
                block.add(line);
            }
        }
        return transcripts;
    }

    private static ReadmeTranscript parse(List<String> lines) {
        List<Step> steps = new ArrayList<>();
        StringBuilder command = null;
        StringBuilder shown = new StringBuilder();
        boolean continued = false;
        for (String line : lines) {
            if (continued) {
                command.append(' ').append(line.strip());
            } else if (line.startsWith("$ ")) {
                if (command != null) {
                    steps.add(step(command.toString(), shown.toString()));
                }
                command = new StringBuilder(line.substring(2));
                shown = new StringBuilder();
            } else {
                if (command != null) {
                    shown.append(line).append('\n');
                }
                continue;
            }
            continued = command.toString().endsWith("\\");
            if (continued) {
                command.setLength(command.length() - 1);
            }
        }
        if (command != null) {
            steps.add(step(command.toString(), shown.toString()));
        }
        return new ReadmeTranscript(steps);
    }

    private static Step step(String command, String shown) {
        return new Step(command.strip(), words(command), withoutComments(shown).strip());
    }

    /**
     * The words of a command line. A {@code $NAME} outside single quotes stays in the word as
     * {@code ${NAME}}, for the caller to expand; an unquoted {@code #} at a word's start ends the line.
     */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '$' && i + 1 < line.length() && Character.isLetter(line.charAt(i + 1))) {
                int end = i + 1;
                while (end < line.length()
                        && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
                    end++;
                }
                word = word == null ? new StringBuilder() : word;
                word.append("${").append(line, i + 1, end).append('}');
                i = end - 1;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote in: " + line);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** The printed lines without the README's annotations: a {@code #} after blanks, outside JSON strings. */
    static String withoutComments(String shown) {
        StringBuilder out = new StringBuilder();
        for (String line : shown.lines().toList()) {
            boolean inString = false;
            int end = line.length();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                    inString = !inString;
                } else if (c == '#' && !inString && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
                    end = i;
                    break;
                }
            }
            out.append(line, 0, end).append('\n');
        }
        return out.toString();
    }
}
