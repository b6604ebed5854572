package io.xxgk.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** User-facing text from the resource bundles, in the language chosen with {@code --lang}. */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** The language of a command-line run (its {@code --lang}). */
    private static volatile Locale runLocale = CHINESE;

    /**
     * The language of the request this thread works for, where one is: the web page serves requests
     * in two languages side by side, and each request's threads render its messages in its own.
     */
    private static final ThreadLocal<Locale> REQUEST = new ThreadLocal<>();

    private Messages() {
    }

    /** Sets the language for this run; {@code zh} or {@code en}. */
    public static void use(Locale newLocale) {
        runLocale = newLocale;
    }

    /** The language messages are rendered in on this thread: its request's, else the run's. */
    public static Locale locale() {
        Locale l = REQUEST.get();
        return l != null ? l : runLocale;
    }

    /** Work to do in a language. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code work} on this thread with its messages in {@code l}; the thread's language after is as before. */
    public static <T, E extends Exception> T in(Locale l, Work<T, E> work) throws E {
        return in(l, onPage(), work);
    }

    /**
     * The messages of the web page's requests: where a message advises a command-line option
     * (--agency, --year), the page has its own wording ({@code key.page}), without the option.
     */
    private static final ThreadLocal<Boolean> PAGE = new ThreadLocal<>();

    /** True on a thread working for the web page. */
    public static boolean onPage() {
        return Boolean.TRUE.equals(PAGE.get());
    }

    /** Runs {@code work} with its messages in {@code l}, worded for the page when {@code page}. */
    public static <T, E extends Exception> T in(Locale l, boolean page, Work<T, E> work) throws E {
        Locale before = REQUEST.get();
        Boolean pageBefore = PAGE.get();
        REQUEST.set(l);
        PAGE.set(page);
        try {
            return work.run();
        } finally {
            if (before == null) {
                REQUEST.remove();
            } else {
                REQUEST.set(before);
            }
            if (pageBefore == null) {
                PAGE.remove();
            } else {
                PAGE.set(pageBefore);
            }
        }
    }

    public static ResourceBundle bundle() {
        return bundle(locale());
    }

    private static final Map<String, ResourceBundle> LOADED = new ConcurrentHashMap<>();

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
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " missing from the jar");
            }
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message {@code key} with its {@code {0}} placeholders filled in. Numbers are not grouped. */
    public static String get(String key, Object... args) {
        ResourceBundle b = bundle();
        String pattern = onPage() && b.containsKey(key + ".page") ? b.getString(key + ".page") : b.getString(key);
        if (args.length == 0) {
            return pattern;
        }
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // Names and paths come from files and rosters: shown with their control characters escaped.
            plain[i] = args[i] instanceof CharSequence || args[i] instanceof Path
                    ? Printable.of(args[i].toString()) : args[i];
        }
        // Every apostrophe is text ("last year's"); MessageFormat would take it as a quote and swallow
        // the placeholders after it.
        MessageFormat format = new MessageFormat(pattern.replace("'", "''"), Locale.ROOT);
        // A plain {0} shows a number as it is (10000, 112.55034: never grouped or rounded); a number stays
        // a number for {0,choice,1#file|1<files}.
        Format[] formats = format.getFormats();
        for (int i = 0; i < formats.length; i++) {
            if (formats[i] == null) {
                formats[i] = AS_IS;
            }
        }
        format.setFormats(formats);
        return format.format(plain);
    }

    /** A value shown as it is: a decimal in plain notation, anything else by its text. */
    private static final Format AS_IS = new Format() {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(Object o, StringBuffer to, FieldPosition pos) {
            return to.append(o instanceof BigDecimal d ? d.toPlainString() : String.valueOf(o));
        }

        @Override
        public Object parseObject(String source, ParsePosition pos) {
            throw new UnsupportedOperationException();
        }
    };
}
