package io.xxgk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.finding.Rule;
import io.xxgk.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * docs/参考-键名与规则.md is made from the layout definitions and the rule catalogue, so it cannot
 * drift from the code: this test makes it again and fails when the committed file differs.
 * After changing a layout or a rule: {@code mvn -Dtest=ReferenceDocTest -Dxxgk.writeDocs=true test}.
 */
class ReferenceDocTest {

    static final Path DOC = Path.of("docs/参考-键名与规则.md");

    static String make() {
        Messages.use(Messages.CHINESE);
        StringBuilder md = new StringBuilder();
        md.append("# 参考：键名与规则\n\n")
                .append("本文件由代码中的表样定义和规则目录生成（`ReferenceDocTest`），与程序一致；命令行中 `xxgk schema`、")
                .append("`xxgk rules` 给出同样的内容（`--format json` 供程序使用）。\n\n");
        md.append("## 规则\n\n| 编号 | 严重程度 | 说明 |\n|---|---|---|\n");
        for (Rule r : Rule.values()) {
            md.append("| `").append(r.id()).append("` | ").append(Messages.get("severity." + r.severity().id()))
                    .append(" | ").append(Messages.get(r.descriptionKey()).replace("|", "\\|")).append(" |\n");
        }
        for (String id : Layouts.ids()) {
            Layout layout = Layouts.get(id);
            md.append("\n## 键名：").append(id).append(" 年版（").append(layout.document()).append("），共 ")
                    .append(layout.cells().size()).append(" 个数字单元格\n");
            String table = null;
            for (CellDef c : layout.cells()) {
                if (!c.table().equals(table)) {
                    table = c.table();
                    md.append("\n### 表").append(table).append("\n\n| 键名 | 类型 | 行 | 列 |\n|---|---|---|---|\n");
                }
                md.append("| `").append(c.key()).append("` | ").append(Messages.get("type." + c.type().name().toLowerCase(Locale.ROOT)))
                        .append(" | ").append(String.join(" / ", c.rowPath()).replace("\n", ""))
                        .append(" | ").append(String.join(" / ", c.colPath()).replace("\n", "")).append(" |\n");
            }
            for (CombinedRow g : layout.combined()) {
                md.append("\n报告把表三的“（六）其他处理”印成一行时（2019 年版的写法），这一行的数放在下列键名，三个分项留空；")
                        .append("核对用这一行代替三个分项，汇总和导入时计入“3.其他”：\n\n");
                for (CellDef c : g.cells()) {
                    md.append("- `").append(c.key()).append("`：").append(String.join(" / ", c.colPath())).append('\n');
                }
            }
            md.append("\n### 表内关系\n\n| 规则 | 左边 | 右边 |\n|---|---|---|\n");
            for (SumDef rel : layout.relations()) {
                md.append("| `").append(rel.ruleId()).append("` | ").append(String.join(" + ", rel.left()))
                        .append(" | ").append(String.join(" + ", rel.right())).append(" |\n");
            }
        }
        return md.toString();
    }

    @Test
    void theCommittedReferenceIsWhatTheCodeMakes() throws Exception {
        String made = make();
        if (System.getProperty("xxgk.writeDocs") != null) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, made, StandardCharsets.UTF_8);
        }
        assertThat(DOC).as("regenerate: mvn -Dtest=ReferenceDocTest -Dxxgk.writeDocs=true test").exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/参考-键名与规则.md differs from the code; regenerate: mvn -Dtest=ReferenceDocTest -Dxxgk.writeDocs=true test")
                .isEqualTo(made);
    }
}
