package io.xxgk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.xxgk.i18n.Messages;
import io.xxgk.merge.InputStatus;
import io.xxgk.merge.RosterLine;
import io.xxgk.pipeline.CheckRequest;
import io.xxgk.pipeline.CheckService;
import io.xxgk.pipeline.Inputs;
import io.xxgk.pipeline.MergeRequest;
import io.xxgk.pipeline.MergeService;
import io.xxgk.pipeline.RunListener;
import io.xxgk.pipeline.TemplateService;
import io.xxgk.report.CheckReport;
import io.xxgk.report.JsonOutput;
import io.xxgk.report.MergeReport;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.util.InputFiles;
import io.xxgk.util.SafeFileNames;
import io.xxgk.util.Texts;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.BindException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.jetty.http.BadMessageException;

/**
 * The page behind {@code xxgk web}: check, merge and template from the browser, through the same
 * services as the command line ({@code io.xxgk.pipeline}), so nothing is checked or added up a
 * second way; each request renders its messages in its own language. Listens on 127.0.0.1 only; every request must carry the secret of this
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
    /** How many years before last year a merge on the page takes (the page offers as many rows). */
    static final int EARLIER_YEARS = 10;
    static final String TOKEN_HEADER = "X-Xxgk-Token";

    /** As the command line writes JSON: numbers as written, hidden characters escaped. */
    private final ObjectMapper json = JsonOutput.mapper();
    private final Map<String, Download> downloads = new ConcurrentHashMap<>();
    /** The results of checked files, by the id the page asks for their table view with. */
    private final Map<String, JsonNode> checked = new ConcurrentHashMap<>();
    private final AtomicInteger batches = new AtomicInteger();
    /**
     * The ids of downloads and table views, unique however many requests run at once (they were made
     * of counts that two requests side by side could read alike).
     */
    private final AtomicLong ids = new AtomicLong();
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
            if (hasCause(e, BindException.class)) {
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
            // A page of another site that learnt the secret cannot post here: a browser names the page a
            // request comes from; only this page's own origin (or none, from a program) is served.
            String origin = ctx.header("Origin");
            if (!ctx.method().name().equals("GET") && origin != null
                    && !(origin.equals("http://127.0.0.1:" + port) || origin.equals("http://localhost:" + port))) {
                deny(ctx, 403, "web.badOrigin");
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
            if (hasCause(e, BadMessageException.class) || String.valueOf(rootMessage(e)).toLowerCase(Locale.ROOT).contains("multipart")) {
                // An upload the server could not take apart (a name holding NUL or a line break…): said plainly.
                ctx.status(400);
                error(ctx, Messages.get("web.badUpload"));
                return;
            }
            ctx.status(500);
            error(ctx, Messages.get("web.failed", Texts.printable(String.valueOf(e.getMessage()))));
        });
    }

    private interface Handler {
        void handle() throws Exception;
    }

    /**
     * Runs a request that passed the checks, its messages in its own language (on every thread it
     * uses): two requests in two languages run side by side.
     */
    private void guarded(Context ctx, Handler h) throws Exception {
        Messages.in(locale(ctx), true, () -> {
            h.handle();
            return null;
        });
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

    /** The uploaded files of a field saved under names of ours; the names people gave them by path. */
    private Map<Path, String> save(Context ctx, String field, Path into) throws IOException {
        Files.createDirectories(into);
        List<UploadedFile> files = ctx.uploadedFiles(field);
        if (files.size() > MAX_FILES) {
            throw new TooMany();
        }
        SafeFileNames names = new SafeFileNames();
        Map<Path, String> saved = new LinkedHashMap<>();
        // The page sends the files' own times (File.lastModified), in the files' order, as one field: the
        // copies saved here keep them, so "the newer submission counts" means here what it means on disk.
        String sent = ctx.formParam(field + ".modified");
        List<String> times = sent == null ? List.of() : List.of(sent.split(",", -1));
        int i = 0;
        Set<String> taken = new HashSet<>();
        for (UploadedFile f : files) {
            String shown = unique(shown(f.filename()), taken);
            String given = leaf(shown);
            int dot = given.lastIndexOf('.');
            String base = dot > 0 ? given.substring(0, dot) : given;
            String ext = dot > 0 ? given.substring(dot).toLowerCase(Locale.ROOT) : "";
            Path target = into.resolve(names.next(base.isBlank() ? "文件" : base, ext));
            try (InputStream in = f.content()) {
                Files.copy(in, target);
            }
            if (i < times.size() && times.get(i).matches("\\d{1,15}")) {
                Files.setLastModifiedTime(target, FileTime.fromMillis(Long.parseLong(times.get(i))));
            }
            i++;
            saved.put(target, shown);
        }
        return saved;
    }

    /**
     * {@code shown}, or when a file of the same field is shown so already (two folders' 报表.xlsx picked one
     * by one), the same with （2）, （3）… before its ending: a run tells its inputs apart by the names shown.
     */
    static String unique(String shown, Set<String> taken) {
        if (taken.add(shown)) {
            return shown;
        }
        int slash = shown.lastIndexOf('/');
        int dot = shown.lastIndexOf('.');
        String stem = dot > slash + 1 ? shown.substring(0, dot) : shown;
        String ext = dot > slash + 1 ? shown.substring(dot) : "";
        for (int k = 2; ; k++) {
            String next = stem + "（" + k + "）" + ext;
            if (taken.add(next)) {
                return next;
            }
        }
    }

    /**
     * The name to show a file by: the path the browser gave inside a folder the user picked or
     * dropped ({@code 第一批/某局.xlsx}), as the command line shows the files of a folder, so that
     * both order and name them alike. Only shown, never used as a path.
     */
    static String shown(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        List<String> parts = new ArrayList<>();
        for (String part : n.split("/")) {
            String p = part.strip();
            if (!p.isEmpty() && !p.equals(".") && !p.equals("..")) {
                parts.add(Texts.printable(p));
            }
        }
        return parts.isEmpty() ? "文件" : String.join("/", parts);
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

    private String offer(Path file, String name) {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (ids.incrementAndGet() + "-" + name).getBytes(StandardCharsets.UTF_8));
        downloads.put(id, new Download(file, name));
        return "/api/download/" + id + "?t=" + token;
    }

    private void check(Context ctx) throws Exception {
        Path batch = batch();
        Map<String, Map<Path, String>> up = uploads(ctx, batch, "files", "previous");
        if (up == null) {
            return;
        }
        Map<Path, String> files = up.get("files");
        Map<Path, String> previous = up.get("previous");
        Map<Path, String> given = new HashMap<>(files);
        given.putAll(previous);
        // Results as they come: one JSON line per file.
        ctx.status(200);
        ctx.res().setContentType("application/x-ndjson; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-store");
        var out = ctx.res().getOutputStream();
        line(out, json.createObjectNode().put("total", files.size()));
        Path annotated = Files.createDirectories(batch.resolve("annotated"));
        Path results = batch.resolve("results.json");
        // The files as dropped, in that order: each read, or skipped with the reason, as in a folder.
        Inputs inputs = Inputs.dropped(new ArrayList<>(files.keySet()), p -> given.getOrDefault(p, leaf(p.toString())));
        // Last year's reports, as check --previous: the cross-year checks, and evidence for rows left open.
        CheckRequest request = new CheckRequest(inputs, Layouts.defaultLayout(), null, null,
                previous.isEmpty() ? null : batch.resolve("previous"), annotated, false);
        List<String> notes = new ArrayList<>();
        boolean[] anyCopy = new boolean[1];
        CheckService.Outcome outcome;
        // The results file is written as the results come, not built in memory: 2,000 results are tens of MB.
        try (var gen = json.getFactory().createGenerator(Files.newOutputStream(results))) {
            gen.useDefaultPrettyPrinter();
            gen.writeStartArray();
            outcome = CheckService.run(request, notes(notes), checked -> {
                ObjectNode o = json.valueToTree(CheckReport.json(checked.result()));
                // What the page lists: a file's blank cells in one line, as the command line prints them.
                o.set("shown", json.valueToTree(CheckReport.shown(checked.result())));
                if (checked.annotated() != null) {
                    String name = checked.annotated().getFileName().toString();
                    o.put("annotated", offer(checked.annotated(), stem(leaf(checked.result().file())) + "-问题标注"
                            + name.substring(name.lastIndexOf('.'))));
                    anyCopy[0] = true;
                }
                if (checked.note() != null) {
                    o.put("note", checked.note());
                }
                String id = String.valueOf(ids.incrementAndGet());
                this.checked.put(id, o.deepCopy());
                gen.writeTree(o);
                o.put("view", "/api/view/" + id + "?t=" + token);
                line(out, json.createObjectNode().set("result", o));
            });
            gen.writeEndArray();
        } catch (UserException e) {
            line(out, json.createObjectNode().put("error", e.userMessage()));
            return;
        } catch (IOException | RuntimeException e) {
            // The answer has begun: the reason goes as its last line, for the page to show.
            line(out, json.createObjectNode().put("error", Messages.get("web.failed", String.valueOf(e.getMessage()))));
            return;
        }
        for (InputFiles.Skipped skip : outcome.skipped()) {
            if (!skip.reasonKey().equals(InputFiles.SYSTEM)) {
                line(out, json.createObjectNode().set("skipped", json.createObjectNode()
                        .put("file", inputs.name(skip.path())).put("message", Inputs.reason(skip))));
            }
        }
        ObjectNode done = json.createObjectNode().put("done", true).put("json", offer(results, "检查结果.json"));
        if (anyCopy[0]) {
            done.put("zip", offer(zip(annotated, batch.resolve("问题标注副本.zip")), "问题标注副本.zip"));
        }
        done.put("messages", String.join("\n", notes));
        line(out, done);
    }

    /** The uploads of a batch as the inputs of a run: the folder they were saved in, each shown by the name given. */
    private static Inputs inputs(Path folder, Map<Path, String> given) {
        return Inputs.of(List.of(folder), p -> given.getOrDefault(p, leaf(p.toString())));
    }

    /** The notes of a run, kept for the answer. */
    private static RunListener notes(List<String> into) {
        return new RunListener() {
            @Override
            public void note(String line) {
                synchronized (into) {
                    into.add(line);
                }
            }
        };
    }

    private void line(OutputStream out, JsonNode n) throws IOException {
        out.write(json.writeValueAsBytes(n));
        out.write('\n');
        out.flush();
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Path zip(Path folder, Path target) throws IOException {
        try (var out = new ZipOutputStream(Files.newOutputStream(target)); var list = Files.list(folder)) {
            for (Path f : list.sorted().toList()) {
                out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return target;
    }

    private void merge(Context ctx) throws Exception {
        Path batch = batch();
        List<String> fields = new ArrayList<>(List.of("roster", "previous", "expect"));
        for (int i = 0; i < EARLIER_YEARS; i++) {
            fields.add("earlier" + i);
        }
        Map<String, Map<Path, String>> up = uploads(ctx, batch, "files", fields.toArray(String[]::new));
        if (up == null) {
            return;
        }
        Map<Path, String> roster = up.get("roster");
        Map<Path, String> previous = up.get("previous");
        Map<Path, String> expect = up.get("expect");
        Map<Path, String> given = new HashMap<>();
        up.values().forEach(given::putAll);
        Path summary = batch.resolve("汇总.xlsx");
        Inputs inputs = inputs(batch.resolve("in"), given);
        // The years before last year, each its folder, in the page's order (as --previous given again).
        List<Path> earlier = new ArrayList<>();
        for (int i = 0; i < EARLIER_YEARS; i++) {
            if (!up.get("earlier" + i).isEmpty()) {
                earlier.add(batch.resolve("earlier" + i));
            }
        }
        // The files the coordinator chose to count (the page's 改用此文件), by the names the page shows them.
        List<String> pickNames = ctx.formParams("pick");
        List<Path> picks = new ArrayList<>();
        up.get("files").forEach((path, name) -> {
            if (pickNames.contains(name)) {
                picks.add(path);
            }
        });
        MergeRequest request = new MergeRequest(inputs, summary,
                roster.isEmpty() ? null : roster.keySet().iterator().next(),
                // A summary made elsewhere, compared cell by cell with this one (M-SUM).
                expect.isEmpty() ? null : expect.keySet().iterator().next(),
                previous.isEmpty() ? null : batch.resolve("previous"), false, null, null, null, null, false, picks,
                // The copies to send back, with their list, offered as one zip.
                batch.resolve("退回"), false, earlier, true);
        List<String> notes = new ArrayList<>();
        answer(ctx, notes, body -> {
            try (MergeService.Outcome outcome = MergeService.run(request, notes(notes))) {
                TokenBuffer tokens = new TokenBuffer(json, false);
                MergeReport.json(outcome, inputs, tokens);
                ObjectNode result = json.readTree(tokens.asParser());
                labels(result);
                body.set("result", result);
                if (outcome.written() != null) {
                    body.put("summary", offer(summary, "汇总.xlsx"));
                }
                if (outcome.returns() != null && !outcome.returns().entries().isEmpty()) {
                    body.put("returns", offer(zip(batch.resolve("退回"), batch.resolve("退回.zip")), "退回副本和退回清单.zip"));
                }
                StringWriter text = new StringWriter();
                // Named as the page offers it (the command line's "no -o" is no advice here).
                MergeReport.text(outcome, outcome.written() != null ? "汇总.xlsx" : null, new PrintWriter(text));
                notes.add(text.toString().strip());
            }
        });
    }

    /** What a route does with the answer's body; a user mistake it throws is answered 400 with its message. */
    private interface Answer {
        void fill(ObjectNode body) throws Exception;
    }

    /** Answers with the body {@code fill} makes, or the user mistake, and the run's notes. */
    private void answer(Context ctx, List<String> notes, Answer fill) throws Exception {
        ObjectNode body = json.createObjectNode();
        try {
            fill.fill(body);
        } catch (UserException e) {
            ctx.status(400);
            body.put("error", e.userMessage());
        }
        body.put("messages", String.join("\n", notes));
        send(ctx, body);
    }

    /** Each input's and roster line's status in words, beside its id. */
    private static void labels(ObjectNode result) {
        for (JsonNode in : result.path("inputs")) {
            for (InputStatus st : InputStatus.values()) {
                if (st.id().equals(in.path("status").asText())) {
                    ((ObjectNode) in).put("label", Messages.get("status." + st.id()));
                }
            }
        }
        for (JsonNode line : result.path("roster")) {
            for (RosterLine.Status st : RosterLine.Status.values()) {
                if (st.id().equals(line.path("status").asText())) {
                    ((ObjectNode) line).put("label", Messages.get("rosterStatus." + st.id()));
                }
            }
        }
    }

    private void template(Context ctx) throws Exception {
        String agency = blankless(ctx.formParam("agency"));
        String year = blankless(ctx.formParam("year"));
        Path batch = batch();
        Map<String, Map<Path, String>> up = uploads(ctx, batch, null, "roster", "previous");
        if (up == null) {
            return;
        }
        Map<Path, String> roster = up.get("roster");
        Map<Path, String> previous = up.get("previous");
        Path out;
        String name;
        TemplateService.Request request;
        Path lastYear = previous.isEmpty() ? null : batch.resolve("previous");
        // With last year's reports the year is theirs plus one.
        String thisYear = lastYear == null ? year : null;
        if (!roster.isEmpty()) {
            // One template per agency of the roster, offered as one zip.
            out = batch.resolve("模板");
            request = new TemplateService.Request(null, roster.keySet().iterator().next(), out, lastYear, thisYear, null,
                    null, null, null, Layouts.defaultLayout(), false);
            name = "填报模板.zip";
        } else {
            out = batch.resolve("模板.xlsx");
            request = new TemplateService.Request(out, null, null, lastYear, thisYear, agency, null, null, null,
                    Layouts.defaultLayout(), false);
            name = (agency == null ? "" : agency + "-") + (year == null ? "" : year + "-") + "统计表模板.xlsx";
        }
        List<String> notes = new ArrayList<>();
        answer(ctx, notes, body -> {
            new TemplateService(request).run(notes(notes));
            body.put("template", offer(Files.isDirectory(out) ? zip(out, batch.resolve("templates.zip")) : out, name));
        });
    }

    private static String blankless(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
        if (layoutId == null || Layouts.find(layoutId).isEmpty()) {
            ctx.html("<p class=\"error\">" + WebPage.escape(r.path("findings").path(0).path("message").asText()) + "</p>");
            return;
        }
        Layout layout = Layouts.get(layoutId);
        Map<String, BigDecimal> values = new HashMap<>();
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
