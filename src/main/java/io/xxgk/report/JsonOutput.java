package io.xxgk.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.xxgk.i18n.Printable;

/**
 * The one way JSON is written, on the command line and on the page: characters that show nothing or
 * change how the rest shows (C1 controls such as U+009B, which a terminal takes as an escape, direction
 * overrides, zero-width characters, line separators) written as {@code \\uXXXX}, as the text output
 * shows them; numbers kept as written (never passed through a double).
 */
public final class JsonOutput {

    private JsonOutput() {
    }

    /** A new mapper writing and reading JSON so. */
    public static ObjectMapper mapper() {
        JsonMapper m = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
        m.getFactory().setCharacterEscapes(new Escapes());
        return m;
    }

    /** JSON's own escapes for ASCII, and {@code \\uXXXX} for every hidden character beyond it. */
    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        Escapes() {
            ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch <= 0xFFFF && (Printable.hidden((char) ch) || ch == 0x2028 || ch == 0x2029) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
