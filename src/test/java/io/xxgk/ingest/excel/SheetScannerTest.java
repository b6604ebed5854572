package io.xxgk.ingest.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sheet scanner reads what the StAX path reads, or gives up; it never reads something else.
 * Every case is also read by the StAX path, which is the oracle.
 */
class SheetScannerTest {

    static final long SEED = 77L;
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
            + "xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\"><sheetData>";
    private static final String TAIL = "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>";

    /** Wants A1, B2 and C3 (slots 0, 1, 2). */
    private static FastXlsxReader.SheetPlan plan() {
        int[][] slots = new int[3][];
        slots[0] = new int[] {1};
        slots[1] = new int[] {0, 2};
        slots[2] = new int[] {0, 0, 3};
        return new FastXlsxReader.SheetPlan("xl/worksheets/sheet1.xml", 2, slots, 3);
    }

    private static FastXlsxReader.Raw[] scanned(String xml) {
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        FastXlsxReader.Raw[] found = new FastXlsxReader.Raw[3];
        return SheetScanner.scan(b, b.length, plan(), found) >= 0 ? found : null;
    }

    private static FastXlsxReader.Raw[] parsed(String xml) throws Exception {
        FastXlsxReader.Raw[] found = new FastXlsxReader.Raw[3];
        assertThat(FastXlsxReader.stax(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), plan(), found))
                .as("StAX reads %s", xml).isTrue();
        return found;
    }

    private static void readsAsStax(String xml) throws Exception {
        FastXlsxReader.Raw[] scan = scanned(xml);
        assertThat(scan).as("the scanner reads %s", xml).isNotNull();
        assertThat(scan).as(xml).containsExactly(parsed(xml));
    }

    private static void givesUp(String body) {
        assertThat(scanned(body)).as("gives up on %s", body).isNull();
    }

    @Test
    void readsValuesTypesAndFormulasOfTheWantedCellsOnly() throws Exception {
        String xml = HEAD + "<row r=\"1\" spans=\"1:3\"><c r=\"A1\" s=\"3\" t=\"s\"><v>17</v></c><c r=\"B1\"><v>9</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x &amp; y</t></is></c>"
                + "<c r=\"B2\"><f>SUM(A1:A2)</f><v>5</v></c></row><row r=\"3\"><c r=\"C3\" s=\"2\"/></row>" + TAIL;
        FastXlsxReader.Raw[] found = scanned(xml);
        assertThat(found).containsExactly(new FastXlsxReader.Raw("s", "17", false),
                new FastXlsxReader.Raw(null, "5", true), new FastXlsxReader.Raw(null, null, false));
        readsAsStax(xml);
    }

    @Test
    void oddButValidFormsReadTheSame() throws Exception {
        readsAsStax("\uFEFF" + HEAD + "<row r='1'><!-- note <c r=\"A1\"><v>99</v></c> --><c s = '1' t = 'str' r = 'A1'>"
                + "<f><![CDATA[IF(A2<3,\"<\",\">\")]]></f><v>x</v></c></row>"
                + "<?pi data?><row r=\"2\" x14ac:dyDescent=\"0.25\"><c r=\"B2\" foo=\"a>b\"><v> 12 </v></c></row>"
                + "<row r=\"3\"><c r=\"C3\" t=\"e\"><f t=\"shared\" ref=\"C3:C4\" si=\"0\"/><v>#DIV/0!</v></c></row>" + TAIL);
        readsAsStax(HEAD.replace("encoding=\"UTF-8\"", "encoding='utf-8'") + "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                + "<row r=\"2\"><c r=\"B2\"/></row><row r=\"3\"><c r=\"C3\"><v></v></c></row>" + TAIL);
        readsAsStax("<worksheet><sheetData>\n  <row r=\"1\">\n    <c r=\"A1\">\n      <v>1.5</v>\n    </c>\n  </row>\n"
                + "</sheetData></worksheet>");
    }

    @Test
    void readsToTheEndOfSheetDataWhenWantedCellsAreMissingAndNoFurther() throws Exception {
        readsAsStax(HEAD + "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"5\"><c r=\"E5\"><v>2</v></c></row>"
                + "</sheetData><this is not read");
    }

    @Test
    void rowsOutOfOrderAreLeftToTheFullReader() throws Exception {
        String xml = HEAD + "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"7\"><c r=\"A7\"><v>7</v></c></row>"
                + "<row r=\"2\"><c r=\"B2\"><v>2</v></c></row>" + TAIL;
        assertThat(scanned(xml)).as("the scanner gives up").isNull();
        assertThat(FastXlsxReader.stax(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), plan(),
                new FastXlsxReader.Raw[3])).as("the StAX path hands over to POI").isFalse();
    }

    @Test
    void givesUpOnWhatItDoesNotRead() {
        String a1 = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>";
        givesUp("<!DOCTYPE worksheet [<!ENTITY e \"7\">]>" + HEAD + a1 + TAIL);
        givesUp(HEAD.replace("UTF-8", "UTF-16") + a1 + TAIL);
        givesUp(HEAD + "<row r=\"1\"><x:c r=\"A1\"><x:v>1</x:v></x:c></row>" + TAIL);
        givesUp(HEAD + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>甲</t></is></c></row>" + TAIL);
        givesUp(HEAD + "<row r=\"1\"><c r=\"A1\"><v>&#49;2</v></c></row>" + TAIL);
        givesUp(HEAD + "<row r=\"1\"><c r=\"A1\"><v><![CDATA[12]]></v></c></row>" + TAIL);
        givesUp(HEAD + "<row r=\"1\"><c r=\"A1\"><v>1</v><v>2</v></c></row>" + TAIL);
        givesUp(HEAD + "<row r=\"1\"><c><v>1</v></c></row>" + TAIL);
        givesUp(HEAD + "<row><c r=\"A1\"><v>1</v></c></row>" + TAIL);
        givesUp(HEAD + "<row r=\"1\"><c r=\"A&#49;\"><v>1</v></c></row>" + TAIL);
        givesUp(HEAD + a1 + "<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>" + TAIL);
        givesUp(HEAD + "<row r=\"1\"><c r=\"Z1\"><v>1</v></row>" + TAIL);
        givesUp(HEAD + a1 + "<row r=\"2\"><c r=\"C3\"><v>3</v></c><c r=\"B2\"><v>2</v></c></row>" + TAIL);
        givesUp(HEAD + "<c r=\"A1\"><v>1</v></c>" + TAIL);
        givesUp(HEAD + "<row r=\"1\"><c r=\"A1\"><v>1</v>");
        givesUp("");
        givesUp("\u0000<\u0000w");
    }

    @Test
    void randomSheetsReadTheSameAsStax() throws Exception {
        Random random = new Random(SEED);
        String[] spaces = {"", " ", "\n  ", "\t"};
        for (int round = 0; round < 500; round++) {
            StringBuilder xml = new StringBuilder(random.nextBoolean() ? HEAD : "<worksheet><sheetData>");
            for (int row = 1; row <= 4; row++) {
                xml.append("<row r=\"").append(row).append("\">").append(spaces[random.nextInt(spaces.length)]);
                for (int col = 0; col < 4; col++) {
                    if (random.nextInt(4) == 0) {
                        continue;
                    }
                    String ref = (char) ('A' + col) + String.valueOf(row);
                    List<String> attrs = new ArrayList<>(List.of("r=\"" + ref + "\"", "s='" + random.nextInt(9) + "'"));
                    String[] types = {null, "s", "str", "b", "e", "n", "d"};
                    String type = types[random.nextInt(types.length)];
                    if (type != null) {
                        attrs.add("t=\"" + type + "\"");
                    }
                    Collections.shuffle(attrs, random);
                    xml.append("<c ").append(String.join(spaces[random.nextInt(spaces.length)] + " ", attrs));
                    int content = random.nextInt(4);
                    if (content == 0) {
                        xml.append("/>");
                        continue;
                    }
                    xml.append('>');
                    if (content >= 2) {
                        xml.append(random.nextBoolean() ? "<f>A1+" + random.nextInt(99) + "</f>"
                                : "<f><![CDATA[IF(A1<2,\"</c>\",1)]]></f>");
                    }
                    if (content != 2 || random.nextBoolean()) {
                        xml.append("<v>").append(random.nextInt(100_000) / (random.nextBoolean() ? 1 : 100.0)).append("</v>");
                    }
                    if (random.nextInt(5) == 0) {
                        xml.append("<!-- c -->");
                    }
                    xml.append("</c>");
                }
                xml.append("</row>");
            }
            xml.append(TAIL);
            FastXlsxReader.Raw[] scan = scanned(xml.toString());
            assertThat(scan).as("seed %d round %d: %s", SEED, round, xml).isNotNull();
            assertThat(Arrays.asList(scan)).as("seed %d round %d: %s", SEED, round, xml)
                    .isEqualTo(Arrays.asList(parsed(xml.toString())));
            // A prefix (as inflated so far) gives the same cells, or asks for more; never other cells.
            byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
            int cut = random.nextInt(bytes.length + 1);
            FastXlsxReader.Raw[] part = new FastXlsxReader.Raw[3];
            if (SheetScanner.scan(bytes, cut, plan(), part) >= 0) {
                assertThat(part).as("seed %d round %d, first %d bytes", SEED, round, cut).containsExactly(scan);
            }
        }
    }
}
