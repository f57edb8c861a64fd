package io.broadsheet.core.model;

/** One row of the key-insights table: an actor or topic, and what the article says about it. */
public record Insight(String aspect, String description) {
}
