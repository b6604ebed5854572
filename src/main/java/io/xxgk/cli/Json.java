package io.xxgk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON for machines: pretty, stable key order, no timestamps, LF line ends. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
    static final class ArrayWriter implements java.io.Closeable {
        private final com.fasterxml.jackson.core.JsonGenerator g;

        ArrayWriter(java.io.Writer out) throws java.io.IOException {
            g = MAPPER.getFactory().createGenerator(out)
                    .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(printer());
            g.writeStartArray();
        }

        void add(Object value) throws java.io.IOException {
            MAPPER.writeValue(g, value);
        }

        @Override
        public void close() throws java.io.IOException {
            g.writeEndArray();
            g.writeRaw('\n');
            g.close();
        }
    }
}
