package io.broadsheet.core.eval;

import io.broadsheet.core.analysis.SentenceSplitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores {@link SentenceSplitter} on our own tricky cases (abbreviations, initials, titles,
 * decimals, ellipses, quotes, URLs). The case file holds one case per block of lines separated by
 * blank lines; each line is one expected sentence and the input is the lines joined by spaces.
 *
 * <p>Run: {@code java -cp functions/core/target/classes io.broadsheet.core.eval.SentenceEvaluation
 * [functions/core/src/main/resources/io/broadsheet/core/eval/sentence-cases.txt]}.
 */
public final class SentenceEvaluation {

    /** Our tricky cases, shipped with the code so that {@code broadsheet eval} can score them anywhere. */
    public static final String BUILT_IN_CASES = "sentence-cases.txt";

    /** One case that the splitter got wrong. */
    public record Failure(String input, List<String> expected, List<String> actual) {
    }

    /**
     * @param cases    cases scored
     * @param correct  cases split exactly as expected
     * @param boundaryPrecision share of the splitter's boundaries that are expected
     * @param boundaryRecall    share of the expected boundaries that the splitter found
     */
    public record Result(int cases, int correct, double boundaryPrecision, double boundaryRecall, List<Failure> failures) {

        public double accuracy() {
            return cases == 0 ? 0 : correct / (double) cases;
        }
    }

    private SentenceEvaluation() {
    }

    /** Reads the cases of a case file (see class comment). */
    public static List<List<String>> readCases(Path file) throws IOException {
        return readCases(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** The cases shipped in this package. */
    public static List<List<String>> builtInCases() throws IOException {
        try (var in = SentenceEvaluation.class.getResourceAsStream(BUILT_IN_CASES)) {
            if (in == null) {
                throw new IOException(BUILT_IN_CASES + " is missing from the classpath");
            }
            return readCases(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }

    static List<List<String>> readCases(List<String> lines) {
        List<List<String>> cases = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    cases.add(List.copyOf(current));
                    current.clear();
                }
                continue;
            }
            current.add(line.strip());
        }
        if (!current.isEmpty()) {
            cases.add(List.copyOf(current));
        }
        return cases;
    }

    public static Result run(Path casesFile) throws IOException {
        return run(readCases(casesFile));
    }

    public static Result run(List<List<String>> cases) {
        SentenceSplitter splitter = new SentenceSplitter();
        int correct = 0;
        int truePositive = 0;
        int predicted = 0;
        int expectedBoundaries = 0;
        List<Failure> failures = new ArrayList<>();
        for (List<String> expected : cases) {
            String input = String.join(" ", expected);
            List<String> actual = splitter.split(input);
            if (actual.equals(expected)) {
                correct++;
            } else {
                failures.add(new Failure(input, expected, actual));
            }
            List<Integer> want = boundaries(expected);
            List<Integer> got = boundaries(actual);
            expectedBoundaries += want.size();
            predicted += got.size();
            for (int b : got) {
                if (want.contains(b)) {
                    truePositive++;
                }
            }
        }
        double precision = predicted == 0 ? 1 : truePositive / (double) predicted;
        double recall = expectedBoundaries == 0 ? 1 : truePositive / (double) expectedBoundaries;
        return new Result(cases.size(), correct, precision, recall, List.copyOf(failures));
    }

    /** Character offsets (in the joined input) where each sentence after the first starts. */
    private static List<Integer> boundaries(List<String> sentences) {
        List<Integer> out = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < sentences.size(); i++) {
            if (i > 0) {
                out.add(offset);
            }
            offset += sentences.get(i).length() + 1;
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        Result r = args.length > 0 ? run(Path.of(args[0])) : run(builtInCases());
        for (Failure f : r.failures()) {
            System.out.println("MISS  " + f.input());
            System.out.println("      expected " + f.expected());
            System.out.println("      actual   " + f.actual());
        }
        System.out.printf("sentence accuracy=%.3f cases=%d boundary precision=%.3f recall=%.3f%n",
                r.accuracy(), r.cases(), r.boundaryPrecision(), r.boundaryRecall());
    }
}
