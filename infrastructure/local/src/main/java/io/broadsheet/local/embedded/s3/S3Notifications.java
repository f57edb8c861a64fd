package io.broadsheet.local.embedded.s3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S3 event notification records in the shape S3 sends them to Lambda (event version 2.1), with the
 * object key URL-encoded as S3 encodes it (a space is {@code +}, slashes stay) and a sequencer that
 * grows with every event, across runs too (it starts from the clock), because steps order versions by it.
 */
public final class S3Notifications {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String region;
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

    public S3Notifications(String region) {
        this.region = region;
    }

    /** The whole event ({@code {"Records":[...]}}) for one change, as one configuration delivers it. */
    public String event(S3ObjectEvent change, String configurationId) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        record.put("eventName", change.eventName());
        record.putObject("userIdentity").put("principalId", "AWS:LOCAL");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        record.putObject("responseElements")
                .put("x-amz-request-id", UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase())
                .put("x-amz-id-2", UUID.randomUUID().toString());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", change.bucket());
        bucket.putObject("ownerIdentity").put("principalId", "LOCAL");
        bucket.put("arn", "arn:aws:s3:::" + change.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(change.key()));
        if (change.eventName().startsWith("ObjectCreated")) {
            object.put("size", change.size());
            object.put("eTag", change.eTag());
        }
        object.put("sequencer", String.format("%018X", sequencer.incrementAndGet()));
        return root.toString();
    }

    /** As S3 writes keys into notifications: form-encoded, but with {@code /} left as it is. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
