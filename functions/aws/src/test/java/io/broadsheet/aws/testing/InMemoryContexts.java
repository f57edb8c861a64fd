package io.broadsheet.aws.testing;

import io.broadsheet.aws.PipelineFactory;
import io.broadsheet.core.testing.InMemoryArticleTable;
import io.broadsheet.core.testing.InMemoryObjectStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;

import java.util.HashMap;
import java.util.Map;

/** Application contexts whose ports are in memory (see {@link InMemoryPortsFactory}), with their ports at hand. */
public final class InMemoryContexts {

    private InMemoryContexts() {
    }

    /** A started context with the required settings (plus {@code extra}) and in-memory buckets and table. */
    public static ApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "broadsheet.articles-bucket", "broadsheet-articles-test",
                "broadsheet.site-bucket", "broadsheet-site-test",
                "broadsheet.table-name", "broadsheet-articles-test",
                "broadsheet.site-base-url", "https://news.example.org/"));
        properties.putAll(extra);
        return ApplicationContext.builder()
                .environments(InMemoryPortsFactory.ENVIRONMENT)
                .deduceEnvironment(false)
                .properties(properties)
                .start();
    }

    public static ApplicationContext start() {
        return start(Map.of());
    }

    public static InMemoryObjectStore articles(ApplicationContext context) {
        return context.getBean(InMemoryObjectStore.class, Qualifiers.byName(PipelineFactory.ARTICLES));
    }

    public static InMemoryObjectStore site(ApplicationContext context) {
        return context.getBean(InMemoryObjectStore.class, Qualifiers.byName(PipelineFactory.SITE));
    }

    public static InMemoryArticleTable table(ApplicationContext context) {
        return context.getBean(InMemoryArticleTable.class);
    }
}
