package io.broadsheet.aws;

import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.core.pipeline.AnalyzeArticleService;
import io.broadsheet.core.pipeline.ArticleTable;
import io.broadsheet.core.pipeline.ObjectStore;
import io.broadsheet.core.pipeline.ParseArticleService;
import io.broadsheet.core.pipeline.PublishArticleService;
import io.broadsheet.core.render.SiteRenderer;
import io.broadsheet.core.render.SiteSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;

/**
 * Wires the core's steps to the AWS adapters. Beans are created when a handler first asks for them,
 * so each function builds only the clients its own step uses. The {@link ArticleAnalyzer} comes from
 * the analyze function's own factory: only that function carries the sentence encoder.
 */
@Factory
public class PipelineFactory {

    public static final String ARTICLES = "articles";
    public static final String SITE = "site";

    @Singleton
    @Named(ARTICLES)
    ObjectStore articlesStore(S3Client s3, BroadsheetConfiguration config) {
        return new S3ObjectStore(s3, config.getArticlesBucket());
    }

    @Singleton
    @Named(SITE)
    ObjectStore siteStore(S3Client s3, BroadsheetConfiguration config) {
        return new S3ObjectStore(s3, config.getSiteBucket());
    }

    @Singleton
    ArticleTable articleTable(DynamoDbClient dynamo, BroadsheetConfiguration config) {
        return new DynamoArticleTable(dynamo, config.getTableName());
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    SiteRenderer siteRenderer(BroadsheetConfiguration config) {
        return new SiteRenderer(new SiteSettings(config.getSiteBaseUrl(), config.getSiteName()));
    }

    @Singleton
    ParseArticleService parseArticleService(@Named(ARTICLES) ObjectStore articles, BroadsheetConfiguration config, Clock clock) {
        return new ParseArticleService(articles, new ArticleParsers(), config.getMaxUploadBytes(), clock);
    }

    /** Only where an analyser is (the analyze function): the other functions never hold this step. */
    @Singleton
    @Requires(beans = ArticleAnalyzer.class)
    AnalyzeArticleService analyzeArticleService(@Named(ARTICLES) ObjectStore articles, ArticleTable table,
                                                ArticleAnalyzer analyzer, Clock clock) {
        return new AnalyzeArticleService(articles, table, analyzer, clock);
    }

    @Singleton
    PublishArticleService publishArticleService(@Named(ARTICLES) ObjectStore articles, @Named(SITE) ObjectStore site,
                                                ArticleTable table, SiteRenderer renderer) {
        return new PublishArticleService(articles, site, table, renderer);
    }
}
