package io.broadsheet.core.model;

/**
 * Where a parsed article came from: the upload's key and the identity of the bytes that were read.
 *
 * @param key       the object key under {@code incoming/}
 * @param etag      the upload's ETag, or {@code null} when the store did not give one
 * @param sequencer the S3 event's sequencer (hex, orders events for one key), or {@code null}
 * @param format    the format the upload was parsed as
 * @param size      the upload's size in bytes
 */
public record SourceRef(String key, String etag, String sequencer, SourceFormat format, long size) {
}
