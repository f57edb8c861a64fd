package io.broadsheet.aws;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.pipeline.ArticleChange;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB stream records to domain changes. The Lambda events library has its own AttributeValue
 * type; it is converted to the SDK's so that one mapper ({@link ArticleItems}) reads both.
 */
public final class StreamImages {

    private StreamImages() {
    }

    public static ArticleChange change(DynamodbEvent.DynamodbStreamRecord record) {
        ArticleChange.Type type = ArticleChange.Type.valueOf(record.getEventName());
        var stream = record.getDynamodb();
        return new ArticleChange(type, image(stream.getOldImage()), image(stream.getNewImage()));
    }

    private static ArticleRecord image(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        return image == null || image.isEmpty() ? null : ArticleItems.fromItem(toSdk(image));
    }

    public static Map<String, AttributeValue> toSdk(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        image.forEach((name, value) -> item.put(name, toSdk(value)));
        return item;
    }

    private static AttributeValue toSdk(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
        if (v.getS() != null) {
            return AttributeValue.fromS(v.getS());
        }
        if (v.getN() != null) {
            return AttributeValue.fromN(v.getN());
        }
        if (v.getBOOL() != null) {
            return AttributeValue.fromBool(v.getBOOL());
        }
        if (v.getNULL() != null) {
            return AttributeValue.fromNul(v.getNULL());
        }
        if (v.getL() != null) {
            return AttributeValue.fromL(v.getL().stream().map(StreamImages::toSdk).toList());
        }
        if (v.getM() != null) {
            return AttributeValue.fromM(toSdk(v.getM()));
        }
        if (v.getSS() != null) {
            return AttributeValue.fromSs(List.copyOf(v.getSS()));
        }
        if (v.getNS() != null) {
            return AttributeValue.fromNs(List.copyOf(v.getNS()));
        }
        if (v.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(v.getB()));
        }
        if (v.getBS() != null) {
            return AttributeValue.fromBs(v.getBS().stream().map(SdkBytes::fromByteBuffer).toList());
        }
        throw new IllegalArgumentException("empty attribute value in stream image");
    }
}
