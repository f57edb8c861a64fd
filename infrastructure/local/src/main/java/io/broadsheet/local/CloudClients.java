package io.broadsheet.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** SDK clients for a local cloud, built as any caller outside it would build them. */
public final class CloudClients {

    private CloudClients() {
    }

    public static S3Client s3(LocalCloud cloud) {
        return S3Client.builder().endpointOverride(cloud.s3Endpoint()).forcePathStyle(true).region(Region.of(cloud.region()))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static DynamoDbClient dynamoDb(LocalCloud cloud) {
        return DynamoDbClient.builder().endpointOverride(cloud.dynamoDbEndpoint()).region(Region.of(cloud.region()))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalCloud.ACCESS_KEY_ID, LocalCloud.SECRET_ACCESS_KEY));
    }
}
