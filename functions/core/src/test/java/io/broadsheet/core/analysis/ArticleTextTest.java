package io.broadsheet.core.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleTextTest {

    @Test
    void tokens_areWordsTokens_andWordCountIsWordsCount_forAnyText() {
        String alphabet = "aZé9 \t\n\u00a0\u2003\u001c'’-.,!?\"“”ÀßİΩ";
        SplittableRandom random = new SplittableRandom(11);
        List<String> sentences = new ArrayList<>();
        for (int n = 0; n < 2_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            sentences.add(s.toString());
        }
        sentences.add("Don't co-operate: the U.S. ‘rock’n’roll’ ticket costs 3.5 euros — isn't it?");
        ArticleText text = new ArticleText(sentences);

        for (int s = 0; s < sentences.size(); s++) {
            List<String> lower = new ArrayList<>();
            for (int t = text.firstToken(s); t < text.endToken(s); t++) {
                lower.add(text.lower(t));
                assertThat(sentences.get(s).substring(text.start(t), text.end(t))).isEqualTo(text.formOf(text.form(t)).text);
            }
            assertThat(lower).as(sentences.get(s)).isEqualTo(Words.tokens(sentences.get(s)));
            assertThat(text.wordCount(s)).as(sentences.get(s)).isEqualTo(Words.count(sentences.get(s)));
        }
    }

    @Test
    void forms_areNumberedInOrderOfFirstUse_andSharedBetweenArticles() {
        ArticleText first = new ArticleText(List.of("Trams run. trams RUN, Trams!"));
        ArticleText second = new ArticleText(List.of("Trams again."));

        assertThat(first.formCount()).isEqualTo(4);
        assertThat(first.formOf(0).text).isEqualTo("Trams");
        assertThat(first.formOf(3).text).isEqualTo("RUN");
        assertThat(first.formOf(0).lower).isEqualTo("trams");
        assertThat(first.formOf(0).folded).isEqualTo("tram");
        assertThat(second.formOf(second.form(0))).isSameAs(first.formOf(0));
        assertThat(first.formId("trams")).isEqualTo(2);
        assertThat(first.formId("tram")).isEqualTo(-1);
    }

    @Test
    void forEachKnownForm_givesTheFormsOfForEachForm_whereverTheSentencesSitInTheText() {
        String alphabet = "aZé9 \t\n\u00a0'’-.,!?";
        SplittableRandom random = new SplittableRandom(17);
        for (int n = 0; n < 2_000; n++) {
            List<String> sentences = new ArrayList<>();
            for (int k = random.nextInt(5); k >= 0; k--) {
                StringBuilder s = new StringBuilder();
                for (int i = random.nextInt(12); i > 0; i--) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                sentences.add(s.toString());
            }
            // the sentences joined by white space, by nothing or by a letter, after a title, maybe cut short
            StringBuilder joined = new StringBuilder("Title x");
            for (String sentence : sentences) {
                joined.append(List.of(" ", "\n\n", "", "b", "-").get(random.nextInt(5))).append(sentence);
            }
            String text = joined.substring(0, random.nextInt(joined.length() + 1));
            ArticleText article = new ArticleText(sentences);
            List<ArticleText.Form> known = new ArrayList<>();
            List<ArticleText.Form> scanned = new ArrayList<>();

            article.forEachKnownForm(text, known::add);
            ArticleText.forEachForm(text, scanned::add);

            assertThat(known).as(text).isEqualTo(scanned);
        }
    }
}
