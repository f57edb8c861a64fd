package io.broadsheet.api;

import io.broadsheet.aws.testing.EventFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/openapi.yml} is the document generated from the controllers, committed so it can be
 * read without a build. When a controller changes, this test fails until the copy is refreshed:
 * run it with {@code -Dopenapi.update=true} to write the new document there.
 */
class OpenApiDocumentTest {

    @Test
    void theCommittedDocument_isTheGeneratedOne() throws IOException {
        String generated;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiController.RESOURCE)) {
            assertThat(in).as(OpenApiController.RESOURCE).isNotNull();
            generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path committed = EventFixtures.repositoryRoot().resolve("docs/openapi.yml");
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(committed, generated);
        }

        assertThat(committed).exists();
        assertThat(Files.readString(committed))
                .as("docs/openapi.yml is stale: run OpenApiDocumentTest with -Dopenapi.update=true")
                .isEqualTo(generated);
        assertThat(generated).contains("/articles:", "/articles/{id}:", "/articles/{id}/page:",
                "/articles/{id}/republish:", "/health:", "application/problem+json");
    }
}
