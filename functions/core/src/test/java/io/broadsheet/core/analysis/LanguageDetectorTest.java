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

    @Test
    void detect_isUndetermined_whenTheTextGivesTooLittle() {
        assertThat(detector.detect("Budget 2026")).isEqualTo(LanguageDetector.UNDETERMINED);
    }
}
