package io.broadsheet.core.render;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.render.templates.JtearticleGenerated;

import java.util.List;

/** Renders the published site: article pages, the index, tag pages, the feed and the sitemap. */
public final class SiteRenderer {

    private final SiteSettings settings;

    public SiteRenderer(SiteSettings settings) {
        this.settings = settings;
    }

    public SiteSettings settings() {
        return settings;
    }

    public String articlePage(ArticleRecord record, Article article) {
        StringOutput out = new StringOutput();
        JtearticleGenerated.render(new OwaspHtmlTemplateOutput(out), null, record, article, settings);
        return out.toString();
    }

    public String index(List<ArticleRecord> newestFirst) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(settings.siteName())).append("</title></head><body><ul>");
        for (ArticleRecord r : newestFirst) {
            sb.append("<li><a href=\"").append(escape(r.id())).append(".html\">").append(escape(r.title())).append("</a></li>");
        }
        return sb.append("</ul></body></html>").toString();
    }

    private static String escape(String s) {
        StringOutput out = new StringOutput();
        TemplateOutput html = new OwaspHtmlTemplateOutput(out);
        ((OwaspHtmlTemplateOutput) html).writeUserContent(s);
        return out.toString();
    }
}
