package io.broadsheet.aws;

import io.broadsheet.core.pipeline.ObjectStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the store reads S3's answers (missing keys, sizes); emulator runs are ITs. */
class S3ObjectStoreTest {

    static final class FakeS3 implements S3Client {
        byte[] content;
        Long declaredLength;
        int headStatus = 200;
        int putStatus = 200;
        final List<PutObjectRequest> puts = new ArrayList<>();

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {
        }

        @Override
        public HeadObjectResponse headObject(HeadObjectRequest request) {
            if (headStatus != 200) {
                throw (S3Exception) S3Exception.builder().statusCode(headStatus).message("head " + headStatus).build();
            }
            return HeadObjectResponse.builder().contentLength((long) content.length).contentType("text/plain").eTag("\"e1\"").build();
        }

        @Override
        public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
            if (content == null) {
                throw NoSuchKeyException.builder().statusCode(404).message("no such key").build();
            }
            GetObjectResponse response = GetObjectResponse.builder().contentLength(declaredLength)
                    .contentType("text/markdown").eTag("\"e1\"").build();
            try {
                return transformer.transform(response, AbortableInputStream.create(new ByteArrayInputStream(content)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public ResponseInputStream<GetObjectResponse> getObject(GetObjectRequest request) {
            return getObject(request, ResponseTransformer.toInputStream());
        }

        @Override
        public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
            puts.add(request);
            if (putStatus != 200) {
                throw (S3Exception) S3Exception.builder().statusCode(putStatus).message("put " + putStatus).build();
            }
            return PutObjectResponse.builder().build();
        }
    }

    private final FakeS3 s3 = new FakeS3();
    private final S3ObjectStore store = new S3ObjectStore(s3, "articles");

    @Test
    void head_isEmpty_whenS3Answers404_andFailsOnOtherErrors() {
        s3.headStatus = 404;
        assertThat(store.head("incoming/gone.txt")).isEmpty();

        s3.headStatus = 403;
        assertThatThrownBy(() -> store.head("incoming/forbidden.txt")).isInstanceOf(S3Exception.class);
    }

    @Test
    void get_readsTheObject_withItsTypeAndEtag() {
        s3.content = "# Title\n\nBody".getBytes();
        s3.declaredLength = (long) s3.content.length;

        ObjectStore.StoredObject object = store.get("incoming/a.md", 1024).orElseThrow();

        assertThat(object.content()).isEqualTo(s3.content);
        assertThat(object.contentType()).isEqualTo("text/markdown");
        assertThat(object.etag()).isEqualTo("\"e1\"");
    }

    @Test
    void get_isEmpty_forAMissingKey() {
        assertThat(store.get("incoming/none.md", 1024)).isEmpty();
    }

    @Test
    void get_refusesAnObjectOverTheLimit_byItsDeclaredLength_orWhileReading() {
        s3.content = new byte[2048];
        s3.declaredLength = 2048L;
        assertThatThrownBy(() -> store.get("incoming/big.txt", 1024)).isInstanceOf(ObjectStore.ObjectTooLargeException.class);

        s3.declaredLength = null;
        assertThatThrownBy(() -> store.get("incoming/big.txt", 1024)).isInstanceOf(ObjectStore.ObjectTooLargeException.class);
    }

    @Test
    void put_setsTypeAndCacheControl_onlyWhenGiven() {
        store.put("a.html", new byte[] {1}, "text/html; charset=utf-8", "public, max-age=300");
        store.put("b.json", new byte[] {1}, null, null);

        assertThat(s3.puts.get(0).contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(s3.puts.get(0).cacheControl()).isEqualTo("public, max-age=300");
        assertThat(s3.puts.get(1).contentType()).isNull();
        assertThat(s3.puts.get(1).bucket()).isEqualTo("articles");
    }

    @Test
    void putIfMatch_makesTheWriteItselfConditional_withoutReadingFirst() {
        assertThat(store.putIfMatch("parsed/a.json", new byte[] {1}, "application/json", "\"e1\"")).isTrue();
        assertThat(store.putIfMatch("parsed/b.json", new byte[] {1}, "application/json", null)).isTrue();

        assertThat(s3.puts.get(0).ifMatch()).isEqualTo("\"e1\"");
        assertThat(s3.puts.get(0).ifNoneMatch()).isNull();
        assertThat(s3.puts.get(0).contentType()).isEqualTo("application/json");
        assertThat(s3.puts.get(1).ifNoneMatch()).isEqualTo("*");
        assertThat(s3.puts.get(1).ifMatch()).isNull();
        assertThat(s3.content).as("no HEAD or GET was made").isNull();
    }

    @Test
    void putIfMatch_isFalse_whenS3RefusesThePrecondition_andThrowsOnOtherErrors() {
        s3.putStatus = 412;
        assertThat(store.putIfMatch("parsed/a.json", new byte[] {1}, null, "\"e1\"")).isFalse();
        assertThat(store.putIfMatch("parsed/a.json", new byte[] {1}, null, null)).isFalse();

        s3.putStatus = 409;
        assertThat(store.putIfMatch("parsed/a.json", new byte[] {1}, null, "\"e1\"")).isFalse();

        s3.putStatus = 404;
        assertThat(store.putIfMatch("parsed/a.json", new byte[] {1}, null, "\"e1\"")).as("deleted since read").isFalse();
        assertThatThrownBy(() -> store.putIfMatch("parsed/a.json", new byte[] {1}, null, null)).as("no bucket")
                .isInstanceOf(S3Exception.class);

        s3.putStatus = 503;
        assertThatThrownBy(() -> store.putIfMatch("parsed/a.json", new byte[] {1}, null, "\"e1\"")).isInstanceOf(S3Exception.class);
    }
}
