package io.broadsheet.aws;

import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.Insight;
import io.broadsheet.core.model.Sentiment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleItemsTest {

    static ArticleRecord record(String id, long version, Instant publishedAt) {
        Analysis analysis = new Analysis("en", 512, 3,
                new Sentiment(64, "somewhat positive", List.of("Supporters called the vote a turning point.",
                        "Opponents warned that the money has to come from somewhere.", "Fares will rise by 10 cents.")),
                List.of("The council voted 9 to 4 to fund two new tram lines."),
                List.of(new Insight("Transit budget", "412 million dollars, 3.8 percent more than this year.")),
                List.of("tram", "budget"));
        Instant created = Instant.parse("2025-09-05T08:14:05Z");
        return new ArticleRecord(id, version, "sha256:ab12", "incoming/city desk/Council transit budget.txt",
                "0066D9A1B2C3D4E5F6", "parsed/" + id + ".json", "Council backs two tram lines", "Maren Osei",
                "City Hall correspondent", publishedAt, List.of("Transit", "City Council"), analysis, created,
                created.plusSeconds(60));
    }

    @Test
    void toItem_thenFromItem_givesTheSameRecord() {
        ArticleRecord record = record("council-transit-budget-f01dfcfb", 3, Instant.parse("2025-09-05T00:00:00Z"));

        ArticleRecord back = ArticleItems.fromItem(ArticleItems.toItem(record));

        assertThat(back).isEqualTo(record);
    }

    @Test
    void toItem_thenFromItem_keepsAbsentOptionalFieldsAbsent() {
        ArticleRecord full = record("no-byline-00000001", 1, null);
        ArticleRecord sparse = new ArticleRecord(full.id(), 1, full.contentHash(), full.sourceKey(), null,
                full.parsedKey(), full.title(), null, null, null, List.of(), full.analysis(), full.createdAt(),
                full.updatedAt());

        Map<String, AttributeValue> item = ArticleItems.toItem(sparse);

        assertThat(item).doesNotContainKeys("author", "authorRole", "publishedAt", "sourceSequencer");
        assertThat(ArticleItems.fromItem(item)).isEqualTo(sparse);
    }

    @Test
    void toItem_writesTheIndexAndFilterAttributes() {
        ArticleRecord record = record("council-transit-budget-f01dfcfb", 2, Instant.parse("2025-09-05T00:00:00Z"));

        Map<String, AttributeValue> item = ArticleItems.toItem(record);

        assertThat(item.get(ArticleItems.FEED).s()).isEqualTo(ArticleItems.FEED_ALL);
        assertThat(item.get(ArticleItems.SORT_KEY).s()).isEqualTo("2025-09-05T00:00:00Z#council-transit-budget-f01dfcfb");
        assertThat(item.get(ArticleItems.SENTIMENT_LABEL).s()).isEqualTo("somewhat positive");
        assertThat(item.get(ArticleItems.VERSION).n()).isEqualTo("2");
        assertThat(item.get(ArticleItems.TAGS).l()).extracting(AttributeValue::s).containsExactly("Transit", "City Council");
    }

    @Test
    void sortKey_usesTheUpdateTime_whenThereIsNoPublicationDate() {
        ArticleRecord record = record("undated-00000002", 1, null);

        assertThat(ArticleItems.toItem(record).get(ArticleItems.SORT_KEY).s())
                .isEqualTo("2025-09-05T08:15:05Z#undated-00000002");
    }

    @Test
    void fromItem_namesTheMissingAttribute_whenAnItemIsIncomplete() {
        Map<String, AttributeValue> item = new HashMap<>(ArticleItems.toItem(record("x-00000003", 1, null)));
        item.remove(ArticleItems.VERSION);

        assertThatThrownBy(() -> ArticleItems.fromItem(item))
                .isInstanceOf(ArticleItems.MalformedItemException.class)
                .hasMessageContaining("'version'");
    }

    @Test
    void fromItem_failsAsMalformed_whenTheAnalysisIsNotJson() {
        Map<String, AttributeValue> item = new HashMap<>(ArticleItems.toItem(record("x-00000004", 1, null)));
        item.put("analysis", AttributeValue.fromS("{\"language\":"));

        assertThatThrownBy(() -> ArticleItems.fromItem(item))
                .isInstanceOf(ArticleItems.MalformedItemException.class)
                .hasMessageContaining("x-00000004");
    }
}
