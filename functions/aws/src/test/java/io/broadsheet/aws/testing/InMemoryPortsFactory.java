package io.broadsheet.aws.testing;

import io.broadsheet.aws.PipelineFactory;
import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.core.pipeline.ArticleTable;
import io.broadsheet.core.pipeline.ObjectStore;
import io.broadsheet.core.testing.InMemoryArticleTable;
import io.broadsheet.core.testing.HashingSentenceEncoder;
import io.broadsheet.core.testing.InMemoryObjectStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * In the {@value #ENVIRONMENT} environment the buckets and the table are in memory, so a handler or a
 * controller runs its real step against ports a test can fill and inspect, without any AWS client.
 */
@Factory
@Requires(env = InMemoryPortsFactory.ENVIRONMENT)
public class InMemoryPortsFactory {

    public static final String ENVIRONMENT = "in-memory";

    @Singleton
    @Named(PipelineFactory.ARTICLES)
    @Replaces(bean = ObjectStore.class, factory = PipelineFactory.class, named = PipelineFactory.ARTICLES)
    InMemoryObjectStore articlesStore() {
        return new InMemoryObjectStore();
    }

    @Singleton
    @Named(PipelineFactory.SITE)
    @Replaces(bean = ObjectStore.class, factory = PipelineFactory.class, named = PipelineFactory.SITE)
    InMemoryObjectStore siteStore() {
        return new InMemoryObjectStore();
    }

    @Singleton
    @Replaces(bean = ArticleTable.class, factory = PipelineFactory.class)
    InMemoryArticleTable articleTable() {
        return new InMemoryArticleTable();
    }

    /**
     * The analyser for contexts without the analyze function's own (which carries the encoder): a
     * stand-in encoder and a neutral head. Where the real one is on the class path, it wins.
     */
    @Singleton
    @Secondary
    ArticleAnalyzer articleAnalyzer() {
        return HashingSentenceEncoder.analyzer();
    }
}
