package io.broadsheet.analyze;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.broadsheet.aws.S3EventKeys;
import io.broadsheet.core.pipeline.AnalyzeArticleService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Triggered by {@code parsed/<id>.json}: analyses the article and writes its record (conditionally). */
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
            AnalyzeArticleService.Outcome outcome = service.analyze(S3EventKeys.decode(record.getS3().getObject().getKey()));
            LOG.info("analyze {}", outcome);
        }
        return null;
    }
}
