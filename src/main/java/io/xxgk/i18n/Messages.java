package io.xxgk.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-facing text from the resource bundles, in the language chosen with {@code --lang}. */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static volatile Locale locale = CHINESE;

    private Messages() {
    }

    /** Sets the language for this run; {@code zh} or {@code en}. */
    public static void use(Locale newLocale) {
        locale = newLocale;
    }

    public static Locale locale() {
        return locale;
    }

    public static ResourceBundle bundle() {
        return bundle(locale);
    }

    private static final java.util.Map<String, ResourceBundle> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The bundle for {@code l}'s language (Chinese, or English for any other), never the machine's
     * default locale. Read straight from its file: ResourceBundle.getBundle's search for providers
     * and candidate names took 10 ms of every run. Both files hold every key (a test checks).
     */
    public static ResourceBundle bundle(Locale l) {
        String file = l.getLanguage().equals("zh") ? "messages_zh.properties" : "messages_en.properties";
        return LOADED.computeIfAbsent(file, Messages::load);
    }

    private static ResourceBundle load(String file) {
        try (java.io.InputStream in = Messages.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " missing from the jar");
            }
            return new java.util.PropertyResourceBundle(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The message {@code key} with its {@code {0}} placeholders filled in. Numbers are not grouped. */
    public static String get(String key, Object... args) {
        String pattern = bundle().getString(key);
        if (args.length == 0) {
            return pattern;
        }
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // Names and paths come from files and rosters: shown with their control characters escaped.
            plain[i] = args[i] instanceof Number ? args[i].toString()
                    : args[i] instanceof CharSequence || args[i] instanceof java.nio.file.Path
                    ? io.xxgk.util.Texts.printable(args[i].toString()) : args[i];
        }
        // Every apostrophe is text ("last year's"); MessageFormat would take it as a quote and swallow
        // the placeholders after it.
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(plain);
    }
}
