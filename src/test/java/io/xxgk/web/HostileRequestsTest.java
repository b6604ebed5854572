package io.xxgk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.testing.Multipart;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 25's requests to the page: another site posting with the secret, upload names holding NUL or a newline. */
class HostileRequestsTest {

    @RegisterExtension
    final Served page = new Served();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(Multipart body, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(page.base() + "/api/check"))
                .header("Content-Type", body.contentType()).header(WebServer.TOKEN_HEADER, page.token());
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Multipart good() {
        return new Multipart().files("files", List.of(Path.of("examples/2023/上杭县人民政府办公室.xlsx")), List.of("a.xlsx"));
    }

    @Test
    void aPostFromAnotherSiteIsRefusedEvenWithTheSecret() throws Exception {
        HttpResponse<String> other = post(good(), "http://evil.example");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("只接受本页面");
        assertThat(post(good(), "null").statusCode()).isEqualTo(403);
        // The page itself (its own origin) and a client that sends none (the command line's tests, curl) are served.
        assertThat(post(good(), page.base()).statusCode()).isEqualTo(200);
        assertThat(post(good(), "http://localhost:" + page.server().port()).statusCode()).isEqualTo(200);
        assertThat(post(good(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void uploadNamesWithControlCharactersAreCheckedNotAnError() throws Exception {
        for (String name : List.of("a\u0000b.xlsx", "第一行\n第二行.xlsx", "a\rb.xlsx")) {
            Multipart body = new Multipart().files("files", List.of(Path.of("examples/2023/上杭县人民政府办公室.xlsx")), List.of(name));
            HttpResponse<String> r = post(body, null);
            assertThat(r.statusCode()).as(name + " " + r.body()).isIn(200, 400);
            assertThat(r.body()).as(name).doesNotContain("Exception").doesNotContain("jetty").doesNotContain("org.eclipse");
            if (r.statusCode() == 200) {
                String file = new ObjectMapper().readTree(r.body().split("\n")[1]).path("result").path("file").asText();
                assertThat(file).as(name).doesNotContain("\n").doesNotContain("\u0000");
            }
        }
    }

    /**
     * A client with the secret trickling an upload at 2 bytes a second held the lock every POST shared: a
     * second check waited over 120 s. Requests share no lock now: the check is answered while it trickles.
     */
    @Test
    void aTricklingUploadHoldsUpNoOtherRequest() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", page.server().port())) {
            OutputStream out = slow.getOutputStream();
            String boundary = "trickle";
            out.write(("POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:" + page.server().port() + "\r\n" + WebServer.TOKEN_HEADER
                    + ": " + page.token() + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nContent-Length: 100000\r\n\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.xlsx\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 120 && !Thread.currentThread().isInterrupted(); i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(500);
                    }
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            Thread.sleep(1000);
            long start = System.nanoTime();
            HttpResponse<String> r = post(good(), null);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(trickle.isAlive()).as("still trickling when the check was answered").isTrue();
            assertThat(seconds).as("answered without waiting for the trickle").isLessThan(30);
            trickle.interrupt();
        }
    }
}
