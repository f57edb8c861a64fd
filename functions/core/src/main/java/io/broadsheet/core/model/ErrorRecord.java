package io.broadsheet.core.model;

import java.time.Instant;

/**
 * What {@code rejected/<path>.error.json} says about an upload that could not be processed. It is
 * written once per rejected upload (a duplicate event does not rewrite it) and removed when a later
 * upload of the same key is parsed. An unsafe key's record is {@code rejected/unsafe-keys/<id>.error.json},
 * so that the key's path is never reused.
 *
 * @param reason    stable code
 * @param message   what is wrong, for a person
 * @param sourceKey the upload, which is left in place
 * @param etag      the upload's ETag, to tell which version was rejected
 * @param sequencer the S3 event sequencer, or {@code null}
 * @param time      when it was rejected
 */
public record ErrorRecord(RejectionReason reason, String message, String sourceKey, String etag, String sequencer,
                          Instant time) {
}
