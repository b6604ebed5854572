package io.xxgk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.i18n.Messages;
import io.xxgk.testing.Multipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The web page served for each test ({@code @RegisterExtension final Served page = new Served();}): started
 * in Chinese on a free port with its own work folder, stopped and cleared after the test.
 */
final class Served implements BeforeEachCallback, AfterEachCallback {

    private WebServer server;
    private Path work;
    private String token;
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        work = Files.createTempDirectory("xxgk-web-test");
        server = WebServer.start(0, work.resolve("work"), Messages.CHINESE);
        token = server.address().substring(server.address().indexOf("t=") + 2);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        server.close();
        try (Stream<Path> all = Files.walk(work)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    WebServer server() {
        return server;
    }

    String token() {
        return token;
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** {@code body} posted to {@code path} with the secret, as the page posts it. */
    HttpResponse<String> post(String path, Multipart body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", body.contentType()).header(WebServer.TOKEN_HEADER, token)
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A download link the page was given, fetched. */
    byte[] download(String link) throws Exception {
        HttpResponse<byte[]> d = http.send(HttpRequest.newBuilder(URI.create(base() + link)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(d.statusCode()).as(link).isEqualTo(200);
        return d.body();
    }
}
