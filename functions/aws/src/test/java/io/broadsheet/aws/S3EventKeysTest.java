package io.broadsheet.aws;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.broadsheet.aws.testing.EventFixtures;
import io.broadsheet.core.pipeline.ParseArticleService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class S3EventKeysTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "incoming/plain.txt                         | incoming/plain.txt",
            "incoming/city+desk/Tram+lines.md           | incoming/city desk/Tram lines.md",
            "incoming/city%20desk/Tram%20lines.md       | incoming/city desk/Tram lines.md",
            "incoming/C%2B%2B+news.txt                  | incoming/C++ news.txt",
            "incoming/caf%C3%A9/r%C3%A9sum%C3%A9.html   | incoming/café/résumé.html",
            "incoming/100%25+sure.txt                   | incoming/100% sure.txt",
    })
    void decode_undoesTheNotificationsFormEncoding(String eventKey, String key) {
        assertThat(S3EventKeys.decode(eventKey)).isEqualTo(key);
    }

    @Test
    void upload_decodesTheKeyAndKeepsEtagAndSequencer_fromARealNotification() {
        S3Event event = EventFixtures.event("s3-put-incoming.json", S3Event.class);

        ParseArticleService.Upload upload = S3EventKeys.upload(event.getRecords().getFirst());

        assertThat(upload).isEqualTo(new ParseArticleService.Upload(
                "incoming/city desk/Council transit budget.txt", "255b69f48af34b9ebf50f57d0977496d", "0066D9A1B2C3D4E5F6"));
    }

    @Test
    void upload_decodesEncodedSlashesAndDots_soTheStepCanRefuseThem() {
        S3Event event = EventFixtures.event("s3-put-incoming-unsafe-key.json", S3Event.class);

        assertThat(S3EventKeys.upload(event.getRecords().getFirst()).key())
                .isEqualTo("incoming/../rejected/city desk/forged.txt");
    }
}
