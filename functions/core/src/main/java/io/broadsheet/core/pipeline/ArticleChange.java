package io.broadsheet.core.pipeline;

import io.broadsheet.core.model.ArticleRecord;

/**
 * One change of the article table, as its stream reports it.
 *
 * @param type     what happened
 * @param oldImage the record before (null on INSERT)
 * @param newImage the record after (null on REMOVE)
 */
public record ArticleChange(Type type, ArticleRecord oldImage, ArticleRecord newImage) {

    public enum Type { INSERT, MODIFY, REMOVE }

    public String id() {
        return newImage != null ? newImage.id() : oldImage.id();
    }
}
