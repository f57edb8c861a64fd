package io.broadsheet.local;

import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.encoder.Analyzers;
import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ContentHash;
import io.broadsheet.core.model.SourceFormat;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;
import io.broadsheet.core.render.SiteRenderer;
import io.broadsheet.core.render.SiteSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * The pipeline's steps without any cloud: the same core parsers, analyzer and renderer the functions
 * run, applied to local files. What a file becomes here is what it becomes when uploaded.
 */
public final class OfflinePipeline {

    /** The functions' default upload limit ({@code BROADSHEET_MAX_UPLOAD_BYTES}). */
    public static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;

    private final ArticleParsers parsers = new ArticleParsers();
    /** Loaded on first use: the encoder takes about a second, which {@code parse} and {@code render --record} never need. */
    private ArticleAnalyzer analyzer;
    private final Clock clock;

    public OfflinePipeline(Clock clock) {
        this.clock = clock;
    }

    /** @throws ArticleRejectedException as the parse function would reject the file */
    public Article parse(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_UPLOAD_BYTES) {
            throw new ArticleRejectedException(RejectionReason.TOO_LARGE, "the upload is larger than the limit of "
                    + MAX_UPLOAD_BYTES + " bytes (" + size + " bytes)");
        }
        String name = file.getFileName().toString();
        String type = SourceFormat.fromFileName(name).map(SourceFormat::mediaType).orElse(null);
        return parsers.parse(name, type, Files.readAllBytes(file)).article();
    }

    public synchronized Analysis analyze(Article article) {
        if (analyzer == null) {
            analyzer = Analyzers.load(1);
        }
        return analyzer.analyze(article);
    }

    /** The record the analyze function would store for this file uploaded as {@code incoming/<name>}. */
    public ArticleRecord record(Path file, Article article) {
        String sourceKey = ArticleKeys.INCOMING + file.getFileName();
        String id = ArticleIds.fromSourceKey(sourceKey);
        Instant now = clock.instant();
        return new ArticleRecord(id, 1, ContentHash.of(article), sourceKey, null, ArticleKeys.parsedKey(id),
                article.title(), article.author(), article.authorRole(), article.publishedAt(), article.tags(),
                analyze(article), now, now);
    }

    public String render(ArticleRecord record, Article article, String baseUrl) {
        return new SiteRenderer(new SiteSettings(baseUrl, "Broadsheet")).articlePage(record, article);
    }
}
