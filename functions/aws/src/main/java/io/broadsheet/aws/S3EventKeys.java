package io.broadsheet.aws;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.broadsheet.core.pipeline.ParseArticleService;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * S3 event notifications carry object keys URL-encoded as in a form ({@code +} for a space,
 * {@code %xx} for other bytes); every step must decode them before asking S3 for the object.
 */
public final class S3EventKeys {

    private S3EventKeys() {
    }

    public static String decode(String eventKey) {
        return URLDecoder.decode(eventKey, StandardCharsets.UTF_8);
    }

    /** The upload a notification record is about, with its key decoded. */
    public static ParseArticleService.Upload upload(S3EventNotification.S3EventNotificationRecord record) {
        var object = record.getS3().getObject();
        return new ParseArticleService.Upload(decode(object.getKey()), object.geteTag(), object.getSequencer());
    }
}
