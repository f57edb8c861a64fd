package io.broadsheet.bench.core;

import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.encoder.Analyzers;
import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ContentHash;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.core.render.SiteRenderer;
import io.broadsheet.core.render.SiteSettings;
import io.broadsheet.local.load.ArticleGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The core's per-article work on one thread: parse a Markdown upload, analyse it, render its page
 * ({@link #pipeline}), and each step alone, for short, typical and long articles. Throughput in
 * articles per second; MB/s follows from {@link #inputBytes}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class CorePipelineBenchmark {

    public static final String SOURCE_KEY = "incoming/bench/tram-lines.md";
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    @Param({"300", "1000", "10000"})
    public int words;

    private byte[] upload;
    private ArticleParsers parsers;
    private ArticleAnalyzer analyzer;
    private SiteRenderer renderer;
    private Article parsed;
    private Analysis analysis;
    private ArticleRecord record;

    @Setup
    public void setUp() {
        upload = ArticleGenerator.markdownBytes(words, 42);
        parsers = new ArticleParsers();
        analyzer = Analyzers.load(1);
        renderer = new SiteRenderer(new SiteSettings("https://news.example.org/", "Broadsheet"));
        parsed = parse();
        analysis = analyzer.analyze(parsed);
        record = recordOf(parsed, analysis);
    }

    /** Size of the upload a run of {@code words} words parses, for MB/s. */
    public static int inputBytes(int words) {
        return ArticleGenerator.markdownBytes(words, 42).length;
    }

    @Benchmark
    public String pipeline() {
        Article article = parse();
        Analysis result = analyzer.analyze(article);
        return renderer.articlePage(recordOf(article, result), article);
    }

    @Benchmark
    public Article parseOnly() {
        return parse();
    }

    @Benchmark
    public Analysis analyzeOnly() {
        return analyzer.analyze(parsed);
    }

    @Benchmark
    public String renderOnly() {
        return renderer.articlePage(record, parsed);
    }

    private Article parse() {
        return parsers.parse("tram-lines.md", "text/markdown", upload).article();
    }

    private static ArticleRecord recordOf(Article article, Analysis analysis) {
        String id = ArticleIds.fromSourceKey(SOURCE_KEY);
        return new ArticleRecord(id, 1, ContentHash.of(article), SOURCE_KEY, null, ArticleKeys.parsedKey(id),
                article.title(), article.author(), article.authorRole(), article.publishedAt(), article.tags(),
                analysis, NOW, NOW);
    }
}
