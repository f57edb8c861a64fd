package io.broadsheet.core.analysis;

import io.broadsheet.core.eval.SentenceEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void split_keepsTitlesAndInitialsInsideTheSentence() {
        assertThat(splitter.split("Mr. J. R. R. Tolkien met Dr. Lewis. They talked."))
                .containsExactly("Mr. J. R. R. Tolkien met Dr. Lewis.", "They talked.");
    }

    @Test
    void split_endsAtAnAbbreviation_onlyWhenASentenceOpenerFollows() {
        assertThat(splitter.split("The firm moved to the U.S. The move was costly."))
                .containsExactly("The firm moved to the U.S.", "The move was costly.");
        assertThat(splitter.split("The U.S. Senate voted."))
                .containsExactly("The U.S. Senate voted.");
    }

    @Test
    void split_knowsTitlesAndAbbreviationsInAnyCase_andEndsAtOtherWords() {
        assertThat(splitter.split("Talks with GOV. Newsom ended. Sales at ACME INC. The rest fell. Ünal sah Müller. Dann ging er."))
                .containsExactly("Talks with GOV. Newsom ended.", "Sales at ACME INC.", "The rest fell.", "Ünal sah Müller.",
                        "Dann ging er.");
    }

    @Test
    void split_keepsDecimalsUrlsAndEmailsWhole() {
        assertThat(splitter.split("Rates rose 3.5% at www.bank.example/rates.html today. Mail info@bank.example now."))
                .containsExactly("Rates rose 3.5% at www.bank.example/rates.html today.", "Mail info@bank.example now.");
    }

    @Test
    void split_keepsClosingQuotesWithTheirSentence() {
        assertThat(splitter.split("He said, 'Go.' Then he left. \"Stop!\" she cried."))
                .containsExactly("He said, 'Go.'", "Then he left.", "\"Stop!\" she cried.");
    }

    @Test
    void split_treatsAnEllipsisBeforeLowerCaseAsAPause() {
        assertThat(splitter.split("He paused... and then he spoke. Nobody answered…"))
                .containsExactly("He paused... and then he spoke.", "Nobody answered…");
    }

    @Test
    void split_returnsTheWholeParagraph_whenThereIsNoTerminator() {
        assertThat(splitter.split("  A headline without a full stop  ")).containsExactly("A headline without a full stop");
        assertThat(splitter.split("   ")).isEmpty();
    }

    @Test
    void split_joinsTheSentencesOfAllParagraphsInOrder() {
        assertThat(splitter.split(List.of("One. Two.", "Three.")))
                .containsExactly("One.", "Two.", "Three.");
    }

    static List<List<String>> cases() throws Exception {
        return SentenceEvaluation.readCases(casesFile());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void split_neverDropsOrAltersText(List<String> expected) {
        String input = String.join(" ", expected);
        List<String> actual = splitter.split(input);
        assertThat(String.join(" ", actual)).isEqualTo(input);
    }

    @Test
    void evaluation_splitsAtLeast95PercentOfOurTrickyCasesExactly() throws Exception {
        SentenceEvaluation.Result result = SentenceEvaluation.run(casesFile());

        assertThat(result.cases()).isGreaterThanOrEqualTo(60);
        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.boundaryPrecision()).isGreaterThanOrEqualTo(0.95);
    }

    private static Path casesFile() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(SentenceSplitterTest.class.getResource("/io/broadsheet/core/eval/sentence-cases.txt")).toURI());
    }
}
