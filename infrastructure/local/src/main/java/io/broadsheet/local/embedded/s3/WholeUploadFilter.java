package io.broadsheet.local.embedded.s3;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Reads the rest of an upload s3proxy has started to read, before the connection is handed back.
 *
 * <p>s3proxy 4.1 reads an {@code aws-chunked} upload (what the AWS SDK sends over plain HTTP) only
 * up to its decoded length, stores it and answers. The final zero-length chunk is still on its way;
 * Jetty, finding the request unread, closes the connection, and the client, still writing that
 * chunk, reports a broken write although the object was stored. Its retry then finds the object
 * changed: a conditional write that went through is answered 412. S3 reads the whole request first.
 *
 * <p>An upload s3proxy refused without reading (a failed precondition, say) is left alone: with
 * {@code Expect: 100-continue} its client never sends the body, and waiting for it would hang.
 */
final class WholeUploadFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http)) {
            chain.doFilter(request, response);
            return;
        }
        ReadTracking tracked = new ReadTracking(http);
        chain.doFilter(tracked, response);
        if (tracked.body != null && tracked.body.started) {
            try {
                tracked.body.transferTo(OutputStream.nullOutputStream());
            } catch (IOException clientGone) {
                // the client stopped sending: there is no connection left to keep
            }
        }
    }

    private static final class ReadTracking extends HttpServletRequestWrapper {

        private TrackedInput body;

        ReadTracking(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new TrackedInput(super.getInputStream());
            }
            return body;
        }
    }

    private static final class TrackedInput extends ServletInputStream {

        private final ServletInputStream in;
        private boolean started;

        TrackedInput(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            started = true;
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            started = true;
            return in.read(b, off, len);
        }

        @Override
        public int readLine(byte[] b, int off, int len) throws IOException {
            started = true;
            return in.readLine(b, off, len);
        }

        @Override
        public long skip(long n) throws IOException {
            started = true;
            return in.skip(n);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
