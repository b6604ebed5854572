package io.xxgk.util;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;

/**
 * The name of a file whose name is not UTF-8 (a zip made on Chinese Windows and unpacked on Linux: 报表 is
 * b1a8b1ed in GBK), which Java shows as "����": decoded as GBK where its bytes are GBK, else each byte that
 * is not plain text as \xNN, so two such files never share one name. Only a path as listed keeps the bytes.
 */
public final class FileNames {

    private static final Charset GBK = Charset.forName("GB18030");

    private FileNames() {
    }

    /** True when the name cannot be shown or opened by its text (its bytes are not UTF-8). */
    public static boolean notUtf8(Path p) {
        return p.getFileName() != null && p.getFileName().toString().indexOf('\uFFFD') >= 0;
    }

    /** {@code p} as a person should read it: its last part decoded from its bytes (the folders as Java shows them). */
    public static String shown(Path p) {
        if (!notUtf8(p)) {
            return p.toString();
        }
        String raw = p.toAbsolutePath().toUri().getRawPath();
        if (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        String leaf = decode(unescape(raw.substring(raw.lastIndexOf('/') + 1)));
        Path parent = p.getParent();
        return parent == null ? leaf : parent + p.getFileSystem().getSeparator() + leaf;
    }

    private static byte[] unescape(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write((byte) c);
            }
        }
        return out.toByteArray();
    }

    private static String decode(byte[] bytes) {
        try {
            return GBK.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            StringBuilder s = new StringBuilder();
            for (byte b : bytes) {
                s.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xFF));
            }
            return s.toString();
        }
    }
}
