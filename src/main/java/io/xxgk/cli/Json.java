package io.xxgk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.xxgk.report.JsonOutput;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/** JSON for machines: pretty, stable key order, no timestamps, LF line ends. */
final class Json {

    private static final ObjectMapper MAPPER = JsonOutput.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writer(printer()).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static DefaultPrettyPrinter printer() {
        return new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    }

    /**
     * A JSON array written value by value as it is known (formatted as {@link #write} formats a
     * list), so a check of thousands of files does not hold every result until the end.
     */
    static final class ArrayWriter implements Closeable {
        private final JsonGenerator g;

        ArrayWriter(Writer out) throws IOException {
            g = MAPPER.getFactory().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(printer());
            g.writeStartArray();
        }

        void add(Object value) throws IOException {
            MAPPER.writeValue(g, value);
        }

        @Override
        public void close() throws IOException {
            g.writeEndArray();
            g.writeRaw('\n');
            g.close();
        }
    }
}
