package io.broadsheet.core.analysis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | The council said that the new lines would be built by the city and paid for with a bond.",
            "de | Der Stadtrat hat den Bau der Linien beschlossen, und die Kosten sind nicht gesichert.",
            "fr | Le conseil a voté pour les deux lignes, mais le budget est une question pour la ville.",
            "es | El consejo aprobó las dos líneas y el alcalde dijo que la obra es muy importante para la ciudad.",
            "it | Il consiglio ha approvato le due linee e il sindaco ha detto che non è un problema per la città.",
            "nl | De gemeenteraad heeft de twee lijnen goedgekeurd, maar het budget is nog niet rond.",
            "pt | O conselho aprovou as duas linhas e o prefeito disse que não é um problema para a cidade."
    })
    void detect_recognisesEachProfiledLanguage(String expected, String text) {
        assertThat(detector.detect(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Not as good as I had hoped.",
            "No additional ear gels provided, and no instructions whatsoever.",
            "I will come back here every time I'm in Vegas.",
            "No complaints!",
            "A half-hour walk is almost as good as vigorous exercise in improving a person's longevity.",
            "\"I worked as hard as I could,\" Sanders said Sunday."
    })
    void detect_neverCallsAShortEnglishSentenceForeign(String text) {
        assertThat(detector.detect(text)).isIn("en", LanguageDetector.UNDETERMINED);
    }

    @Test
    void detect_isUndetermined_whenTheTextGivesTooLittle() {
        assertThat(detector.detect("Budget 2026")).isEqualTo(LanguageDetector.UNDETERMINED);
    }
}
