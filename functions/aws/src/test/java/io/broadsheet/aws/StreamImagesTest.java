package io.broadsheet.aws;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.broadsheet.aws.testing.EventFixtures;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.pipeline.ArticleChange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamImagesTest {

    private static ArticleChange change(String fixture) {
        DynamodbEvent event = EventFixtures.event(fixture, DynamodbEvent.class);
        return StreamImages.change(event.getRecords().getFirst());
    }

    @Test
    void change_ofInsert_hasOnlyTheNewImage() {
        ArticleChange change = change("dynamodb-insert.json");

        assertThat(change.type()).isEqualTo(ArticleChange.Type.INSERT);
        assertThat(change.oldImage()).isNull();
        ArticleRecord record = change.newImage();
        assertThat(record.id()).isEqualTo("council-transit-budget-f01dfcfb");
        assertThat(record.version()).isEqualTo(1);
        assertThat(record.sourceKey()).isEqualTo("incoming/city desk/Council transit budget.txt");
        assertThat(record.parsedKey()).isEqualTo("parsed/council-transit-budget-f01dfcfb.json");
        assertThat(record.title()).isEqualTo("Council Backs Two New Tram Lines in Tighter Transit Budget");
        assertThat(record.publishedAt()).isEqualTo(Instant.parse("2025-09-05T00:00:00Z"));
        assertThat(record.analysis().sentiment().label()).isNotBlank();
    }

    @Test
    void change_ofModify_hasBothVersions() {
        ArticleChange change = change("dynamodb-modify.json");

        assertThat(change.type()).isEqualTo(ArticleChange.Type.MODIFY);
        assertThat(change.oldImage().version()).isEqualTo(1);
        assertThat(change.newImage().version()).isEqualTo(2);
        assertThat(change.newImage().tags()).contains("Trams");
        assertThat(change.id()).isEqualTo(change.oldImage().id());
    }

    @Test
    void change_ofRemove_hasOnlyTheOldImage() {
        ArticleChange change = change("dynamodb-remove.json");

        assertThat(change.type()).isEqualTo(ArticleChange.Type.REMOVE);
        assertThat(change.newImage()).isNull();
        assertThat(change.id()).isEqualTo("council-transit-budget-f01dfcfb");
    }

    @Test
    void change_failsAsMalformed_whenAnImageIsNotAnArticle() {
        DynamodbEvent event = EventFixtures.event("dynamodb-malformed-image.json", DynamodbEvent.class);

        assertThat(StreamImages.change(event.getRecords().get(0)).newImage()).isNotNull();
        assertThatThrownBy(() -> StreamImages.change(event.getRecords().get(1)))
                .isInstanceOf(ArticleItems.MalformedItemException.class)
                .hasMessageContaining("mangled-record-0badc0de");
    }

    @Test
    void toSdk_convertsEveryAttributeType() {
        var v = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        var s = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withS("text");
        var n = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withN("42");
        var bool = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withBOOL(true);
        var nul = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withNULL(true);
        var ss = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withSS("a", "b");
        var ns = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withNS("1", "2");
        var b = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withB(ByteBuffer.wrap(new byte[] {1, 2}));
        var l = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withL(s, n);
        var m = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withM(Map.of("inner", s));
        v.setM(Map.of("s", s, "n", n, "bool", bool, "nul", nul, "ss", ss, "ns", ns, "b", b, "l", l, "m", m));

        Map<String, AttributeValue> item = StreamImages.toSdk(v.getM());

        assertThat(item.get("s")).isEqualTo(AttributeValue.fromS("text"));
        assertThat(item.get("n")).isEqualTo(AttributeValue.fromN("42"));
        assertThat(item.get("bool")).isEqualTo(AttributeValue.fromBool(true));
        assertThat(item.get("nul")).isEqualTo(AttributeValue.fromNul(true));
        assertThat(item.get("ss")).isEqualTo(AttributeValue.fromSs(List.of("a", "b")));
        assertThat(item.get("ns")).isEqualTo(AttributeValue.fromNs(List.of("1", "2")));
        assertThat(item.get("b")).isEqualTo(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})));
        assertThat(item.get("l")).isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromS("text"), AttributeValue.fromN("42"))));
        assertThat(item.get("m")).isEqualTo(AttributeValue.fromM(Map.of("inner", AttributeValue.fromS("text"))));
    }
}
