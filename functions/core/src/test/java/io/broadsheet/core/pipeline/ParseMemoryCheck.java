package io.broadsheet.core.pipeline;

import io.broadsheet.core.testing.HashingSentenceEncoder;
import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.core.testing.InMemoryArticleTable;
import io.broadsheet.core.testing.InMemoryObjectStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * A runnable check, not a unit test: parses (and analyses, when accepted) one worst-case upload at
 * the 5 MiB limit, so that running it under a small {@code -Xmx} shows the heap the parse and
 * analyze steps need (the function has 512 MB and more). Usage and figures: docs/reliability.md.
 *
 * <p>Kinds: {@code text5mb} (plain text at the byte limit), {@code html5mb} (HTML at the byte
 * limit), {@code words200k} (an article at the word limit), {@code htmldeep} (4.6 MB of nested
 * {@code <div>}s), {@code htmldeepli} (128 nested {@code <div>}s, then list items to the limit:
 * the most work per tag for the HTML tree builder within its depth limit).
 */
public final class ParseMemoryCheck {

    private static final int LIMIT = 5 * 1024 * 1024;
    private static final String SENTENCE = "council votes tram budget city line friday fund new two. ";

    private ParseMemoryCheck() {
    }

    public static void main(String[] args) {
        String kind = args.length > 0 ? args[0] : "text5mb";
        InMemoryObjectStore store = new InMemoryObjectStore();
        InMemoryArticleTable table = new InMemoryArticleTable();
        ParseArticleService parse = new ParseArticleService(store, new ArticleParsers(), LIMIT, Clock.systemUTC());
        AnalyzeArticleService analyze = new AnalyzeArticleService(store, table, HashingSentenceEncoder.analyzer(), Clock.systemUTC());
        String key = "incoming/" + kind + (kind.startsWith("html") ? ".html" : ".txt");
        store.put(key, upload(kind).getBytes(StandardCharsets.UTF_8), null);

        long start = System.nanoTime();
        ParseArticleService.Outcome outcome = parse.parse(new ParseArticleService.Upload(key, null, "01"));
        long parsed = System.nanoTime();
        String analysis = outcome instanceof ParseArticleService.Parsed p
                ? ", analyze " + analyze.analyze(p.parsedKey()).result() + " in " + (System.nanoTime() - parsed) / 1_000_000 + " ms"
                : "";
        String detail = outcome instanceof ParseArticleService.Rejected r ? " " + r.reason() + " (" + r.message() + ")" : "";
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%s: %d bytes -> %s%s in %d ms%s; heap max %d MB, used now %d MB%n", kind,
                store.head(key).orElseThrow().size(), outcome.getClass().getSimpleName(), detail,
                (parsed - start) / 1_000_000, analysis, runtime.maxMemory() >> 20,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    private static String upload(String kind) {
        StringBuilder text = new StringBuilder();
        switch (kind) {
            case "text5mb" -> {
                text.append("Big\n\n");
                while (text.length() < LIMIT - 2_000) {
                    text.append(SENTENCE.repeat(20)).append("\n\n");
                }
            }
            case "words200k" -> {
                text.append("Words\n\n");
                for (int p = 0; p < 1_999; p++) {
                    text.append(SENTENCE.repeat(10)).append("\n\n");
                }
            }
            case "html5mb" -> {
                text.append("<html><head><title>Big</title></head><body><h1>Big</h1>");
                while (text.length() < LIMIT - 2_000) {
                    text.append("<p>").append(SENTENCE).append("</p>\n");
                }
                text.append("</body></html>");
            }
            case "htmldeep" -> text.append("<html><head><title>Deep</title></head><body><h1>Deep</h1>")
                    .append("<div>".repeat(800_000)).append("<p>Far down.</p>").append("</div>".repeat(100_000));
            case "htmldeepli" -> {
                text.append("<html><head><title>Deep list</title></head><body><h1>Deep list</h1>").append("<div>".repeat(128));
                while (text.length() < LIMIT - 2_000) {
                    text.append("<li>");
                }
            }
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
        return text.toString();
    }
}
