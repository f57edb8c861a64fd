package io.broadsheet.bench.local;

/** The static credentials and region every local service and function of a run share. */
public record LocalCredentials(String accessKeyId, String secretAccessKey, String region) {

    public static LocalCredentials bench() {
        return new LocalCredentials("bench", "bench-secret", "us-east-1");
    }
}
