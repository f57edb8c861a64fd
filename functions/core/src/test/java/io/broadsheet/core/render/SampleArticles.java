package io.broadsheet.core.render;

import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ContentHash;
import io.broadsheet.core.model.Insight;
import io.broadsheet.core.model.Sentiment;

import java.time.Instant;
import java.util.List;

/** Realistic articles with their analyses, written for these tests: what the site renders. */
public final class SampleArticles {

    /** A record and the parsed article it was made from. */
    public record Sample(ArticleRecord record, Article article) {

        public String id() {
            return record.id();
        }

        /** The same article as a newer version, with other tags and a later edit time. */
        public Sample updated(List<String> tags, Instant editedAt) {
            Article a = new Article(article.title(), article.author(), article.authorRole(), article.publishedAt(), tags,
                    article.paragraphs());
            ArticleRecord r = new ArticleRecord(record.id(), record.version() + 1, ContentHash.of(a), record.sourceKey(),
                    null, record.parsedKey(), a.title(), a.author(), a.authorRole(), a.publishedAt(), tags,
                    record.analysis(), record.createdAt(), editedAt);
            return new Sample(r, a);
        }
    }

    private SampleArticles() {
    }

    public static List<Sample> all() {
        return List.of(tramLines(), plantClosure(), coralSurvey(), notScored());
    }

    /** A positive local-politics story with every part of the page filled in. */
    public static Sample tramLines() {
        Article article = new Article(
                "Council backs two new tram lines after a decade of delays",
                "Maya Okafor", "Transport correspondent",
                Instant.parse("2025-09-05T14:30:00Z"),
                List.of("Transport", "CityCouncil", "ClimateChange"),
                List.of(
                        "The city council voted 31 to 9 on Friday to fund two new tram lines, ending a decade of studies, "
                                + "consultations and false starts that had left the eastern districts without a fast link to the centre.",
                        "The first line will run 11.4 km from Harbour Station to the university campus, with 16 stops; the second "
                                + "will connect the hospital quarter to the new housing estates in the north. Construction is due to "
                                + "start next spring, and the first trams should carry passengers by late 2028.",
                        "\u201cThis is the best news the east side has had in years,\u201d said Ines Duarte, who chairs the residents\u2019 "
                                + "association in Vale Park. \u201cPeople here spend an hour on two buses to reach a job in town.\u201d",
                        "The package costs \u20ac742 million. The national government will pay 60 per cent under its green transport "
                                + "programme, and the city will borrow the rest over thirty years. Opposition councillors warned that "
                                + "the cost could rise, as it did for the ring road, and asked for an independent audit every year.",
                        "Transport officials expect the lines to take 9,000 cars off the roads each day and to cut the district\u2019s "
                                + "transport emissions by a fifth. Shops along the route will receive compensation during the works."));
        Analysis analysis = new Analysis("en", 196, 1,
                new Sentiment(72, "positive", List.of(
                        "Residents welcome the decision: \u201cthe best news the east side has had in years\u201d.",
                        "Officials expect 9,000 fewer cars a day and a fifth less transport emissions.",
                        "Opposition councillors warn that the \u20ac742 million cost could rise.")),
                List.of("The city council voted 31 to 9 on Friday to fund two new tram lines, ending a decade of studies, "
                                + "consultations and false starts that had left the eastern districts without a fast link to the centre.",
                        "Construction is due to start next spring, and the first trams should carry passengers by late 2028."),
                List.of(new Insight("Transit budget", "The council voted 31 to 9 to fund two tram lines costing \u20ac742 million."),
                        new Insight("Funding", "The national government pays 60 per cent; the city borrows the rest over thirty years."),
                        new Insight("Timeline", "Construction starts next spring; first passengers by late 2028."),
                        new Insight("Opposition", "Councillors ask for an independent audit every year, fearing cost overruns.")),
                List.of("tram", "council", "transport"));
        return sample("incoming/news/tram-lines.md", article, analysis, Instant.parse("2025-09-05T15:02:11Z"));
    }

    /** A negative business story, with a long unbreakable word and a long URL in the text. */
    public static Sample plantClosure() {
        Article article = new Article(
                "Battery plant to close with the loss of 1,200 jobs",
                "Tomasz Wi\u015bniewski", null,
                Instant.parse("2025-10-14T00:00:00Z"),
                List.of("Economy", "Jobs"),
                List.of(
                        "The owners of the Northgate battery plant said on Tuesday they would close the factory by March, "
                                + "blaming falling prices and a collapse in orders from carmakers.",
                        "About 1,200 people work at the site, and unions estimate that twice as many jobs at suppliers are at risk. "
                                + "\u201cIt is a devastating blow for families who were promised a future here,\u201d said union organiser Petra Lind.",
                        "The company had received \u00a3180m in public grants since 2019. The full statement is at "
                                + "https://example.com/investors/announcements/2025/10/14/northgate-restructuring-and-closure-plan.html "
                                + "and lists the Donaudampfschifffahrtsgesellschaftskapit\u00e4nswitwenrentenversicherungsanstalt among its creditors."));
        Analysis analysis = new Analysis("en", 112, 1,
                new Sentiment(18, "very negative", List.of(
                        "The plant will close, with the loss of 1,200 jobs.",
                        "A union organiser calls it \u201ca devastating blow for families\u201d.",
                        "Twice as many jobs at suppliers are at risk.")),
                List.of("The owners of the Northgate battery plant said on Tuesday they would close the factory by March, "
                        + "blaming falling prices and a collapse in orders from carmakers."),
                List.of(new Insight("Northgate plant", "Closes by March; 1,200 jobs lost."),
                        new Insight("Public money", "\u00a3180m in grants since 2019.")),
                List.of("plant", "jobs"));
        return sample("incoming/business/plant-closure.txt", article, analysis, Instant.parse("2025-10-14T09:12:00Z"));
    }

    /** A neutral science story without a byline. */
    public static Sample coralSurvey() {
        Article article = new Article(
                "Survey maps the reef's recovery, one square metre at a time",
                null, "Reuters",
                Instant.parse("2025-08-21T06:45:00Z"),
                List.of("Science", "ClimateChange"),
                List.of(
                        "Marine biologists have finished the most detailed survey yet of the southern reef, photographing "
                                + "more than 40,000 square metres of coral over six weeks.",
                        "The survey found coral cover of 31 per cent, close to the long-term average. Some areas bleached in 2024 "
                                + "have regrown, while others remain bare.",
                        "The data will be published next year and compared with surveys from 2016 and 2020."));
        Analysis analysis = new Analysis("en", 78, 1,
                new Sentiment(51, "neutral", List.of(
                        "Coral cover is \u201cclose to the long-term average\u201d.",
                        "Some bleached areas \u201chave regrown\u201d.",
                        "Others \u201cremain bare\u201d.")),
                List.of("The survey found coral cover of 31 per cent, close to the long-term average."),
                List.of(new Insight("Southern reef", "Coral cover of 31 per cent, close to the long-term average.")),
                List.of("reef", "coral"));
        return sample("incoming/science/reef.html", article, analysis, Instant.parse("2025-08-21T07:00:00Z"));
    }

    /** An article in German, which the sentiment model does not read: no score. */
    public static Sample notScored() {
        Article article = new Article(
                "Stadtrat beschlie\u00dft neue Radwege f\u00fcr die Innenstadt",
                "Jonas Keller", "Lokalredaktion",
                Instant.parse("2025-09-30T10:15:00Z"),
                List.of("Verkehr", "Radverkehr"),
                List.of(
                        "Der Stadtrat hat am Montag beschlossen, bis 2027 zw\u00f6lf Kilometer neue Radwege in der Innenstadt zu bauen.",
                        "Die Kosten von 18 Millionen Euro tr\u00e4gt zur H\u00e4lfte das Land."));
        Analysis analysis = new Analysis("de", 33, 1,
                new Sentiment(null, Sentiment.NOT_SCORED, List.of()),
                List.of("Der Stadtrat hat am Montag beschlossen, bis 2027 zw\u00f6lf Kilometer neue Radwege in der Innenstadt zu bauen."),
                List.of(new Insight("Radwege", "Zw\u00f6lf Kilometer bis 2027, 18 Millionen Euro.")),
                List.of("radwege"));
        return sample("incoming/lokal/radwege.md", article, analysis, Instant.parse("2025-09-30T10:20:00Z"));
    }

    /** Markup, event handlers, javascript: links and a script end tag in every field a reader's page shows. */
    public static Sample hostile() {
        String title = "</script><script>alert('title')</script>\"><img src=x onerror=alert(1)> <!-- Tram news";
        Article article = new Article(
                title,
                "<img src=x onerror=alert('author')>",
                "javascript:alert('role')",
                Instant.parse("2025-11-01T08:00:00Z"),
                List.of("<script>alert('tag')</script>", "javascript:alert(1)", "\"><svg onload=alert(1)>", "Safe"),
                List.of(
                        "Body with <script>alert('body')</script> and <a href=\"javascript:alert(1)\">a link</a>.",
                        "Closing the JSON-LD early: </script><script>alert('ld')</script> and <!-- a comment -->.",
                        "<iframe src=\"javascript:alert(2)\" onload=\"alert(3)\"></iframe> \u0000\u0007 control characters\u2028line separator."));
        Analysis analysis = new Analysis("en\"><script>alert(1)</script>", 40, 1,
                new Sentiment(40, "<b onmouseover=alert(1)>negative</b>",
                        List.of("<script>alert('bullet')</script>", "\" onfocus=\"alert(1)", "javascript:alert(1)")),
                List.of("Highlight <script>alert('highlight')</script>", "</script><!--"),
                List.of(new Insight("<img src=x onerror=alert('aspect')>", "<a href=\"javascript:alert(1)\">click</a>"),
                        new Insight("Plain aspect", "</td></tr></table><script>alert('insight')</script>")),
                List.of("script"));
        return sample("incoming/hostile/attack.md", article, analysis, Instant.parse("2025-11-01T08:05:00Z"));
    }

    private static Sample sample(String sourceKey, Article article, Analysis analysis, Instant updatedAt) {
        String id = ArticleIds.fromSourceKey(sourceKey);
        ArticleRecord record = new ArticleRecord(id, 1, ContentHash.of(article), sourceKey, null, ArticleKeys.parsedKey(id),
                article.title(), article.author(), article.authorRole(), article.publishedAt(), article.tags(),
                analysis, updatedAt, updatedAt);
        return new Sample(record, article);
    }
}
