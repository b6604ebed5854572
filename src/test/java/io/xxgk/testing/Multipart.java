package io.xxgk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body as the web page sends it: files under their names, each field's file times beside them. */
public final class Multipart {

    private final String boundary = UUID.randomUUID().toString();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** {@code files} in {@code field}, each sent under the name at the same place of {@code names}. */
    public Multipart files(String field, List<Path> files, List<String> names) {
        StringBuilder times = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + names.get(i) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            try {
                body.write(Files.readAllBytes(files.get(i)));
                times.append(i == 0 ? "" : ",").append(Files.getLastModifiedTime(files.get(i)).toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            write("\r\n");
        }
        // The files' own times in one field beside them, as the page sends them.
        return field(field + ".modified", times.toString());
    }

    /** The files under {@code folder}, each sent under its path from {@code folder}'s parent (第一批/某局.xlsx). */
    public Multipart folder(String field, Path folder) {
        List<Path> files;
        try (var s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files(field, files, files.stream().map(f -> folder.getParent().relativize(f).toString()).toList());
    }

    public Multipart field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        write("--" + boundary + "--\r\n");
        return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
    }

    private void write(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
