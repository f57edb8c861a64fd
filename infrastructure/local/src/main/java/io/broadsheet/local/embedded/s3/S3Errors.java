package io.broadsheet.local.embedded.s3;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3 error answers thrown from a blob store; s3proxy sends them to the client as S3 would. */
final class S3Errors {

    private S3Errors() {
    }

    static S3Exception of(int status, String code, String message) {
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .build();
    }
}
