package io.broadsheet.analyze;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.broadsheet.aws.S3EventKeys;
import io.broadsheet.core.pipeline.AnalyzeArticleService;
import io.broadsheet.core.pipeline.ArticleRejectedException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggered by {@code parsed/<id>.json}: analyses the article and writes its record (conditionally).
 * A parsed file that can never be analysed is logged and dropped (a retry cannot fix it); anything
 * else is thrown, so Lambda retries the event and finally sends it to the failure destination.
 */
public class AnalyzeArticleHandler extends MicronautRequestHandler<S3Event, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeArticleHandler.class);

    @Inject
    AnalyzeArticleService service;

    public AnalyzeArticleHandler() {
    }

    public AnalyzeArticleHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public Void execute(S3Event event) {
        for (var record : event.getRecords()) {
            String key = S3EventKeys.decode(record.getS3().getObject().getKey());
            try {
                LOG.info("analyze {}", service.analyze(key));
            } catch (ArticleRejectedException e) {
                LOG.error("analyze rejected {}: {} {}", key, e.reason(), e.getMessage());
            }
        }
        return null;
    }
}
