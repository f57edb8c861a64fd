package io.broadsheet.local.embedded.s3;

/**
 * An object change in the embedded S3, before it becomes a notification record.
 *
 * @param bucket    bucket name
 * @param key       object key, not encoded
 * @param eventName AWS's event name without the {@code s3:} prefix ({@code ObjectCreated:Put})
 * @param size      object size in bytes (0 for removals)
 * @param eTag      ETag without quotes, or {@code null} for removals
 */
public record S3ObjectEvent(String bucket, String key, String eventName, long size, String eTag) {
}
