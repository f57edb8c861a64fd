package io.broadsheet.core.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.encoder.Analyzers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis of every repository sample, as committed in {@code src/test/resources/golden/}: any
 * change to what the analyser says about them shows up here, in review, as a changed file. After an
 * intended change, rewrite them with
 * {@code mvn -pl functions/encoder -am test -Dtest=AnalyzerGoldenTest -Dgolden.update=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AnalyzerGoldenTest {

    private static final ArticleAnalyzer analyzer = Analyzers.load(1);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @MethodSource("io.broadsheet.core.analysis.ArticleAnalyzerTest#repositorySamples")
    void analysis_ofEachRepositorySample_isTheCommittedOne(Path sample) throws IOException {
        Analysis analysis = analyzer.analyze(new ArticleParsers()
                .parse(sample.getFileName().toString(), null, Files.readAllBytes(sample)).article());
        String actual = JSON.writeValueAsString(analysis) + "\n";
        Path golden = GOLDEN.resolve(sample.getFileName() + ".json");

        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden file; see the class comment to rewrite it").exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
