package io.broadsheet.local.embedded.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Notification records as S3 sends them, read back by the Lambda runtime's own serialiser. */
class S3NotificationsTest {

    private final S3Notifications notifications = new S3Notifications("us-east-1");

    @Test
    void key_isFormEncoded_likeS3_withSlashesKept() {
        assertThat(S3Notifications.encodeKey("incoming/news/Tram Lines (2).md")).isEqualTo("incoming/news/Tram+Lines+%282%29.md");
    }

    @Test
    void event_decodesAsS3Event_withIncreasingSequencers() throws Exception {
        S3ObjectEvent put = new S3ObjectEvent("articles", "incoming/a b.md", "ObjectCreated:Put", 42, "abc");

        String first = notifications.event(put, "Upload");
        String second = notifications.event(put, "Upload");

        S3Event event = LambdaEventSerializers.serializerFor(S3Event.class, getClass().getClassLoader()).fromJson(first);
        var record = event.getRecords().getFirst();
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getEventVersion()).isEqualTo("2.1");
        assertThat(record.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::articles");
        assertThat(record.getS3().getObject().getKey()).isEqualTo("incoming/a+b.md");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(42L);
        assertThat(record.getS3().getObject().geteTag()).isEqualTo("abc");
        JsonNode a = new ObjectMapper().readTree(first).at("/Records/0/s3/object/sequencer");
        JsonNode b = new ObjectMapper().readTree(second).at("/Records/0/s3/object/sequencer");
        assertThat(b.asText()).isGreaterThan(a.asText()).hasSameSizeAs(a.asText());
    }
}
