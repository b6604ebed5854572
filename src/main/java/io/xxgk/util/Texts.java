package io.xxgk.util;

import io.xxgk.i18n.Printable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text files as Chinese offices save them: UTF-8 (with or without BOM), else GB18030. */
public final class Texts {

    private Texts() {
    }

    /**
     * Control characters, direction overrides and invisible characters made visible as {@code \\uXXXX}:
     * a name from a file or a roster can then neither forge lines ("已汇总 999/999") nor move the
     * cursor, clear the screen or show "….xslx.exe" for a file that ends otherwise.
     */
    public static String printable(String s) {
        return Printable.of(s);
    }

    /** True for a character that shows nothing or changes how the rest shows. */
    public static boolean hidden(char c) {
        return Printable.hidden(c);
    }

    public static String decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
