package io.xxgk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.xxgk.cli.Main;
import io.xxgk.i18n.Messages;
import io.xxgk.util.SafeFileNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The page behind {@code xxgk web}: check, merge and template from the browser, by running the
 * command line's own commands ({@link Main#execute}) on the uploaded files, so nothing is checked or
 * added up a second way. Listens on 127.0.0.1 only; every request must carry the secret of this
 * start (in the address the user opens, then in a header) and name this host, so other local users,
 * other web pages and DNS-rebinding pages cannot drive it. Uploads go to a private folder of this
 * run, under names of our making; downloads are looked up by an id we issued, never by a path.
 */
public final class WebServer implements AutoCloseable {

    /** The port asked for is taken. */
    public static final class PortInUseException extends Exception {
        private static final long serialVersionUID = 1L;

        PortInUseException(Throwable cause) {
            super(cause);
        }
    }

    /** At most this many files in one drop (a province's agencies), each at most {@link #MAX_FILE_MB}. */
    public static final int MAX_FILES = 5000;
    public static final int MAX_FILE_MB = 20;
    static final String TOKEN_HEADER = "X-Xxgk-Token";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Download> downloads = new ConcurrentHashMap<>();
    /** The results of checked files, by the id the page asks for their table view with. */
    private final Map<String, JsonNode> checked = new ConcurrentHashMap<>();
    private final AtomicInteger batches = new AtomicInteger();
    private final String token;
    private final Path work;
    private final Locale defaultLocale;
    private Javalin app;
    private int port;

    /** A file the page may fetch: where it is and the name it is saved under. */
    private record Download(Path file, String name) {
    }

    private WebServer(Path work, Locale locale) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        this.work = work;
        this.defaultLocale = locale;
    }

    public static WebServer start(int port, Path work, Locale locale) throws IOException, PortInUseException {
        Files.createDirectories(work.resolve("uploads"));
        WebServer s = new WebServer(work, locale);
        s.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jetty.multipartConfig.cacheDirectory(work.resolve("uploads").toString());
            config.jetty.multipartConfig.maxFileSize(MAX_FILE_MB, SizeUnit.MB);
            // Every uploaded file goes to the private folder as it streams in: memory stays flat however many are dropped.
            config.jetty.multipartConfig.maxInMemoryFileSize(0, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(4, SizeUnit.GB);
            config.http.maxRequestSize = 64 * 1024;
            // Jetty's default of 1,000 form parts would stop a drop of a county's workbooks.
            config.jetty.modifyServletContextHandler(h -> h.setMaxFormKeys(MAX_FILES + 20));
        });
        s.routes();
        try {
            s.app.start("127.0.0.1", port);
        } catch (RuntimeException e) {
            if (hasCause(e, java.net.BindException.class)) {
                throw new PortInUseException(e);
            }
            throw e;
        }
        s.port = s.app.port();
        return s;
    }

    private static String rootMessage(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(' ');
        }
        return sb.toString();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The address to open: this host, this port, this start's secret. */
    public String address() {
        return "http://127.0.0.1:" + port + "/?t=" + token;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        app.stop();
    }

    private void routes() {
        app.before(ctx -> {
            String host = ctx.header("Host");
            if (host == null || !(host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port))) {
                deny(ctx, 403, "web.badHost");
                return;
            }
            String given = ctx.header(TOKEN_HEADER);
            if (given == null) {
                given = ctx.queryParam("t");
            }
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8))) {
                deny(ctx, 403, "web.badToken");
            }
        });
        app.get("/", ctx -> {
            Locale locale = locale(ctx);
            ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                    + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.html(WebPage.render(locale, token));
        });
        app.post("/api/check", ctx -> guarded(ctx, () -> check(ctx)));
        app.post("/api/merge", ctx -> guarded(ctx, () -> merge(ctx)));
        app.post("/api/template", ctx -> guarded(ctx, () -> template(ctx)));
        app.get("/api/download/{id}", ctx -> guarded(ctx, () -> download(ctx)));
        app.get("/api/view/{id}", ctx -> guarded(ctx, () -> view(ctx)));
        app.exception(Exception.class, (e, ctx) -> {
            if (hasCause(e, IllegalStateException.class) && String.valueOf(rootMessage(e)).toLowerCase(Locale.ROOT).contains("exceed")) {
                // Jetty refuses a part larger than the limit while it streams it in.
                ctx.status(413);
                error(ctx, Messages.get("web.tooLarge", MAX_FILE_MB));
                return;
            }
            if (String.valueOf(rootMessage(e)).contains("too many parts")) {
                ctx.status(413);
                error(ctx, Messages.get("web.tooMany", MAX_FILES));
                return;
            }
            ctx.status(500);
            error(ctx, Messages.get("web.failed", String.valueOf(e.getMessage())));
        });
    }

    private interface Handler {
        void handle() throws Exception;
    }

    /** Runs a request that passed the checks; one at a time (the commands share the language setting). */
    private void guarded(Context ctx, Handler h) throws Exception {
        Locale before = Messages.locale();
        synchronized (this) {
            try {
                Messages.use(locale(ctx));
                h.handle();
            } finally {
                Messages.use(before);
                io.xxgk.util.RunFiles.onInterrupt(Messages.get("web.stopped"));
            }
        }
    }

    private void deny(Context ctx, int status, String key) {
        String message = Messages.bundle(locale(ctx)).getString(key);
        throw new io.javalin.http.HttpResponseException(status, message);
    }

    private Locale locale(Context ctx) {
        String lang = ctx.queryParam("lang");
        if (lang == null) {
            lang = ctx.formParam("lang");
        }
        if ("en".equals(lang)) {
            return Locale.ENGLISH;
        }
        return "zh".equals(lang) ? Messages.CHINESE : defaultLocale;
    }

    private String lang() {
        return Messages.locale().getLanguage().equals("en") ? "en" : "zh";
    }

    /** The uploaded files of a field saved under names of ours; the names people gave them by path. */
    private Map<Path, String> save(Context ctx, String field, Path into) throws IOException {
        Files.createDirectories(into);
        List<UploadedFile> files = ctx.uploadedFiles(field);
        if (files.size() > MAX_FILES) {
            throw new TooMany();
        }
        SafeFileNames names = new SafeFileNames();
        Map<Path, String> saved = new java.util.LinkedHashMap<>();
        for (UploadedFile f : files) {
            String given = leaf(f.filename());
            int dot = given.lastIndexOf('.');
            String base = dot > 0 ? given.substring(0, dot) : given;
            String ext = dot > 0 ? given.substring(dot).toLowerCase(Locale.ROOT) : "";
            Path target = into.resolve(names.next(base.isBlank() ? "文件" : base, ext));
            try (InputStream in = f.content()) {
                Files.copy(in, target);
            }
            saved.put(target, given);
        }
        return saved;
    }

    /**
     * Puts the names people gave their files in place of the paths they were saved under in a batch
     * folder. A merge of thousands has as many findings: a text is looked at only when it holds the
     * batch folder's path, a whole path is looked up, and the paths are ordered once (longest first,
     * so that no path replaces the start of a longer one).
     */
    static final class Renamer {
        private final String batch;
        private final Map<String, String> given;
        private final List<String> longestFirst;

        Renamer(String batch, Map<String, String> given) {
            this.batch = batch;
            this.given = given;
            this.longestFirst = new ArrayList<>(given.keySet());
            longestFirst.sort(java.util.Comparator.comparingInt(String::length).reversed());
        }

        String named(String text) {
            String whole = given.get(text);
            if (whole != null || !text.contains(batch)) {
                return whole != null ? whole : text;
            }
            String out = text;
            for (String p : longestFirst) {
                out = out.replace(p, given.get(p));
            }
            return out;
        }
    }

    /** A browser sends a file's name, some with a folder before it; only the name counts, and never as a path. */
    static String leaf(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        return n.isEmpty() || n.equals(".") || n.equals("..") ? "文件" : n;
    }

    /**
     * The uploads of each field saved ({@code required}: the field that must hold a file, or null);
     * null after answering with the reason when there are too many or none.
     */
    private Map<String, Map<Path, String>> uploads(Context ctx, Path batch, String required, String... others)
            throws IOException {
        Map<String, Map<Path, String>> out = new HashMap<>();
        try {
            if (required != null) {
                out.put(required, save(ctx, required, batch.resolve("in")));
            }
            for (String field : others) {
                out.put(field, save(ctx, field, batch.resolve(field)));
            }
        } catch (TooMany e) {
            ctx.status(413);
            error(ctx, Messages.get("web.tooMany", MAX_FILES));
            return null;
        }
        if (required != null && out.get(required).isEmpty()) {
            ctx.status(400);
            error(ctx, Messages.get("web.noFiles"));
            return null;
        }
        return out;
    }

    private static final class TooMany extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private Path batch() throws IOException {
        return Files.createDirectories(work.resolve("batch-" + batches.incrementAndGet()));
    }

    /** Runs one command as the command line would; its standard output and error. */
    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), String.valueOf(code)};
    }

    private String offer(Path file, String name) {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (batches.get() + "-" + downloads.size() + "-" + name).getBytes(StandardCharsets.UTF_8));
        downloads.put(id, new Download(file, name));
        return "/api/download/" + id + "?t=" + token;
    }

    private void check(Context ctx) throws Exception {
        Path batch = batch();
        Map<String, Map<Path, String>> up = uploads(ctx, batch, "files");
        if (up == null) {
            return;
        }
        Map<Path, String> files = up.get("files");
        // Results as they come: one JSON line per file, in parts of CHUNK files, each part a run of check.
        ctx.status(200);
        ctx.res().setContentType("application/x-ndjson; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-store");
        var out = ctx.res().getOutputStream();
        line(out, json.createObjectNode().put("total", files.size()));
        Path annotated = batch.resolve("annotated");
        Path results = batch.resolve("results.json");
        List<Path> inputs = new ArrayList<>(files.keySet());
        boolean anyCopy = false;
        // The results file is written as the results come, not built in memory: 2,000 results are tens of MB.
        try (var gen = json.getFactory().createGenerator(Files.newOutputStream(results))) {
            gen.useDefaultPrettyPrinter();
            gen.writeStartArray();
            for (int from = 0; from < inputs.size(); from += CHUNK) {
                List<Path> part = inputs.subList(from, Math.min(inputs.size(), from + CHUNK));
                List<String> args = new ArrayList<>(List.of("check", "--format", "json", "--lang", lang(), "--annotate",
                        annotated.toString()));
                part.forEach(p -> args.add(p.toString()));
                String[] r = run(args.toArray(String[]::new));
                for (JsonNode n : parseArray(r[0])) {
                    ObjectNode o = (ObjectNode) n;
                    Path input = Path.of(o.path("file").asText());
                    o.put("file", files.getOrDefault(input, leaf(input.toString())));
                    String copy = annotatedCopy(annotated, input, o.path("file").asText());
                    if (copy != null) {
                        o.put("annotated", copy);
                        anyCopy = true;
                    }
                    String id = batches.get() + "-" + checked.size();
                    checked.put(id, o.deepCopy());
                    gen.writeTree(o);
                    o.put("view", "/api/view/" + id + "?t=" + token);
                    line(out, json.createObjectNode().set("result", o));
                }
            }
            gen.writeEndArray();
        } catch (IOException | RuntimeException e) {
            // The answer has begun: the reason goes as its last line, for the page to show.
            line(out, json.createObjectNode().put("error", Messages.get("web.failed", String.valueOf(e.getMessage()))));
            return;
        }
        ObjectNode done = json.createObjectNode().put("done", true).put("json", offer(results, "检查结果.json"));
        if (anyCopy) {
            done.put("zip", offer(zip(annotated, batch.resolve("问题标注副本.zip")), "问题标注副本.zip"));
        }
        line(out, done);
    }

    /** Files checked in one run of check before their results are sent: small enough for progress, large enough to be quick. */
    static final int CHUNK = 100;

    private void line(java.io.OutputStream out, JsonNode n) throws IOException {
        out.write(json.writeValueAsBytes(n));
        out.write('\n');
        out.flush();
    }

    /** The annotated copy check --annotate wrote for an input (named after it), offered under the name people gave it. */
    private String annotatedCopy(Path annotated, Path input, String given) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        Path copy = annotated.resolve(name.substring(0, dot) + "-问题标注" + name.substring(dot));
        return Files.isRegularFile(copy) ? offer(copy, stem(given) + "-问题标注" + name.substring(dot)) : null;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Path zip(Path folder, Path target) throws IOException {
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(target)); var list = Files.list(folder)) {
            for (Path f : list.sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(f.getFileName().toString()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return target;
    }

    private void merge(Context ctx) throws Exception {
        Path batch = batch();
        Map<String, Map<Path, String>> up = uploads(ctx, batch, "files", "roster", "previous", "expect");
        if (up == null) {
            return;
        }
        Map<Path, String> files = up.get("files");
        Map<Path, String> roster = up.get("roster");
        Map<Path, String> previous = up.get("previous");
        Map<Path, String> expect = up.get("expect");
        Path summary = batch.resolve("汇总.xlsx");
        List<String> args = new ArrayList<>(List.of("merge", "--format", "json", "--lang", lang(), "-o", summary.toString()));
        if (!roster.isEmpty()) {
            args.add("--roster");
            args.add(roster.keySet().iterator().next().toString());
        }
        if (!previous.isEmpty()) {
            args.add("--previous");
            args.add(batch.resolve("previous").toString());
        }
        if (!expect.isEmpty()) {
            // A summary made elsewhere, compared cell by cell with this one (M-SUM).
            args.add("--expect");
            args.add(expect.keySet().iterator().next().toString());
        }
        args.add(batch.resolve("in").toString());
        String[] r = run(args.toArray(String[]::new));
        ObjectNode body = json.createObjectNode();
        JsonNode result = r[0].isBlank() ? json.createObjectNode() : json.readTree(r[0]);
        Map<String, String> byPath = new HashMap<>();
        files.forEach((p, n) -> byPath.put(p.toString(), n));
        for (JsonNode in : result.path("inputs")) {
            ObjectNode o = (ObjectNode) in;
            o.put("file", byPath.getOrDefault(in.path("file").asText(), leaf(in.path("file").asText())));
            for (io.xxgk.merge.InputStatus st : io.xxgk.merge.InputStatus.values()) {
                if (st.id().equals(in.path("status").asText())) {
                    o.put("label", Messages.get("status." + st.id()));
                }
            }
        }
        for (JsonNode line : result.path("roster")) {
            ObjectNode o = (ObjectNode) line;
            for (io.xxgk.merge.RosterLine.Status st : io.xxgk.merge.RosterLine.Status.values()) {
                if (st.id().equals(line.path("status").asText())) {
                    o.put("label", Messages.get("rosterStatus." + st.id()));
                }
            }
        }
        // The messages name files by the paths they were saved under here: the names people gave them instead.
        Map<String, String> given = new HashMap<>();
        for (Map<Path, String> saved : List.of(files, roster, previous, expect)) {
            saved.forEach((p, n) -> given.put(p.toString(), n));
        }
        Renamer names = new Renamer(batch.toString(), given);
        for (String list : List.of("findings", "input_findings")) {
            for (JsonNode f : result.path(list)) {
                for (String field : List.of("file", "message")) {
                    if (f.path(field).isTextual()) {
                        ((ObjectNode) f).put(field, names.named(f.path(field).asText()));
                    }
                }
            }
        }
        body.set("result", result);
        if (Files.isRegularFile(summary)) {
            body.put("summary", offer(summary, "汇总.xlsx"));
        }
        body.put("messages", r[1]);
        send(ctx, body);
    }

    private void template(Context ctx) throws Exception {
        String agency = ctx.formParam("agency");
        String year = ctx.formParam("year");
        Path batch = batch();
        Map<String, Map<Path, String>> up = uploads(ctx, batch, null, "roster", "previous");
        if (up == null) {
            return;
        }
        Map<Path, String> roster = up.get("roster");
        Map<Path, String> previous = up.get("previous");
        List<String> args = new ArrayList<>(List.of("template", "--lang", lang()));
        Path out;
        String name;
        if (!roster.isEmpty()) {
            // One template per agency of the roster, offered as one zip.
            out = batch.resolve("模板");
            args.addAll(List.of("--roster", roster.keySet().iterator().next().toString(), "--out-dir", out.toString()));
            name = "填报模板.zip";
        } else {
            out = batch.resolve("模板.xlsx");
            args.addAll(List.of("-o", out.toString()));
            if (agency != null && !agency.isBlank()) {
                args.addAll(List.of("--agency", agency.strip()));
            }
            name = (agency == null || agency.isBlank() ? "" : agency.strip() + "-")
                    + (year == null || year.isBlank() ? "" : year.strip() + "-") + "统计表模板.xlsx";
        }
        if (!previous.isEmpty()) {
            args.addAll(List.of("--previous", batch.resolve("previous").toString()));
        } else if (year != null && !year.isBlank()) {
            args.addAll(List.of("--year", year.strip()));
        }
        String[] r = run(args.toArray(String[]::new));
        ObjectNode body = json.createObjectNode();
        if (Files.isDirectory(out)) {
            body.put("template", offer(zip(out, batch.resolve("templates.zip")), name));
        } else if (Files.isRegularFile(out)) {
            body.put("template", offer(out, name));
        } else {
            ctx.status(400);
            body.put("error", r[1].strip());
        }
        body.put("messages", r[1]);
        send(ctx, body);
    }

    /** A checked file's tables drawn as the official form, cells with findings marked, the message in their title. */
    private void view(Context ctx) {
        JsonNode r = checked.get(ctx.pathParam("id"));
        if (r == null) {
            ctx.status(404);
            error(ctx, Messages.get("web.gone"));
            return;
        }
        String layoutId = r.path("layout").isTextual() ? r.path("layout").asText() : null;
        if (layoutId == null || io.xxgk.schema.Layouts.find(layoutId).isEmpty()) {
            ctx.html("<p class=\"error\">" + WebPage.escape(r.path("findings").path(0).path("message").asText()) + "</p>");
            return;
        }
        io.xxgk.schema.Layout layout = io.xxgk.schema.Layouts.get(layoutId);
        Map<String, java.math.BigDecimal> values = new HashMap<>();
        r.path("values").fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                values.put(e.getKey(), e.getValue().decimalValue());
            }
        });
        Map<String, FormHtml.Mark> marks = new HashMap<>();
        for (JsonNode f : r.path("findings")) {
            String key = f.path("key").asText(null);
            String severity = f.path("severity").asText();
            if (key == null || !(severity.equals("error") || severity.equals("warning"))) {
                continue;
            }
            FormHtml.Mark before = marks.get(key);
            String css = severity.equals("error") || (before != null && before.cssClass().equals("err")) ? "err" : "warn";
            String message = (before == null ? "" : before.message() + "\n") + f.path("message").asText();
            marks.put(key, new FormHtml.Mark(css, message));
        }
        ctx.html(FormHtml.render(layout, values, marks));
    }

    private void download(Context ctx) throws IOException {
        Download d = downloads.get(ctx.pathParam("id"));
        if (d == null || !Files.isRegularFile(d.file())) {
            ctx.status(404);
            error(ctx, Messages.get("web.gone"));
            return;
        }
        String encoded = URLEncoder.encode(d.name(), StandardCharsets.UTF_8).replace("+", "%20");
        ctx.header("Content-Disposition", "attachment; filename=\"download\"; filename*=UTF-8''" + encoded);
        ctx.contentType(d.name().endsWith(".json") ? "application/json" : "application/octet-stream");
        ctx.result(Files.newInputStream(d.file()));
    }

    private ArrayNode parseArray(String text) throws IOException {
        if (text.isBlank()) {
            return json.createArrayNode();
        }
        JsonNode n = json.readTree(text);
        return n instanceof ArrayNode a ? a : json.createArrayNode();
    }

    private void send(Context ctx, JsonNode body) throws IOException {
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(json.writeValueAsString(body));
    }

    private void error(Context ctx, String message) {
        ObjectNode o = json.createObjectNode();
        o.put("error", message);
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(o.toString());
    }
}
