package io.broadsheet.analyze;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.broadsheet.aws.EventRequestHandler;
import io.broadsheet.aws.S3EventKeys;
import io.broadsheet.aws.observability.InvocationLog;
import io.broadsheet.core.pipeline.AnalyzeArticleService;
import io.broadsheet.core.model.ArticleRejectedException;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

import java.util.Locale;

/**
 * Triggered by {@code parsed/<id>.json}: analyses the article and writes its record (conditionally).
 * A parsed file that can never be analysed is logged and dropped (a retry cannot fix it); anything
 * else is thrown, so Lambda retries the event and finally sends it to the failure destination.
 */
public class AnalyzeArticleHandler extends EventRequestHandler<S3Event, Void> {

    @Inject
    AnalyzeArticleService service;

    @Inject
    InvocationLog log;

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
                var outcome = service.analyze(key);
                if (outcome.result() == AnalyzeArticleService.Result.REJECTED) {
                    log.rejected("analyze", key, outcome.id(), outcome.result().name(), "see the error record");
                } else {
                    log.processed("analyze", key, outcome.id(), outcome.result().name().toLowerCase(Locale.ROOT));
                }
            } catch (ArticleRejectedException e) {
                log.rejected("analyze", key, null, e.reason().name(), e.getMessage());
            } catch (RuntimeException e) {
                log.failed("analyze", key, null, e);
                throw e;
            }
        }
        return null;
    }
}
