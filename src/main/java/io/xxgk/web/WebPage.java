package io.xxgk.web;

import io.xxgk.i18n.Messages;
import io.xxgk.ingest.format.Formats;
import io.xxgk.util.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one page of {@code xxgk web}: {@code page.html} with its texts taken from the message bundles
 * ({@code {{key}}} → the {@code web.ui.key} message, escaped) and this start's secret. No script or
 * style is fetched from anywhere: everything is in the page.
 */
final class WebPage {

    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-zA-Z.]+)}}");
    private static final String TEMPLATE = load();

    private WebPage() {
    }

    private static String load() {
        try (InputStream in = WebPage.class.getResourceAsStream("page.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(Locale locale, String token) {
        ResourceBundle b = Messages.bundle(locale);
        boolean english = locale.getLanguage().equals("en");
        Matcher m = SLOT.matcher(TEMPLATE);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = switch (key) {
                case "token" -> token;
                case "lang" -> english ? "en" : "zh";
                case "otherLang" -> english ? "zh" : "en";
                case "htmlLang" -> english ? "en" : "zh-CN";
                case "systemFolders" -> escape(String.join("/", new TreeSet<>(InputFiles.SYSTEM_FOLDERS)));
                // The formats read, as the registry has them, where a text names them (%workbooks%, %reports%);
                // {0} in these texts is the page script's own.
                default -> escape(b.getString("web.ui." + key)
                        .replace("%workbooks%", Formats.workbookEndings())
                        .replace("%reports%", Formats.reportEndings()));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
