package io.xxgk.schema;

/** The agency's identity (基本信息) fields of FORMAT.md, in the order the workbook shows them. */
public enum IdentityField {
    NAME("name", "单位名称", true),
    CREDIT_CODE("credit_code", "统一社会信用代码", false),
    REGION_CODE("region_code", "行政区划代码", false),
    PARENT("parent", "上级单位", false),
    YEAR("year", "报告年度", true),
    FILLER("filler", "填报人", false),
    PHONE("phone", "联系电话", false),
    EMAIL("email", "电子邮箱", false),
    WEBSITE("website", "门户网站", false),
    ADDRESS("address", "通讯地址", false),
    POSTCODE("postcode", "邮政编码", false);

    private final String id;
    private final String label;
    private final boolean required;

    IdentityField(String id, String label, boolean required) {
        this.id = id;
        this.label = label;
        this.required = required;
    }

    /** Machine id used in JSON output, e.g. {@code credit_code}. */
    public String id() {
        return id;
    }

    /** Official Chinese label. */
    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }

    /** The Excel defined name of the field's input cell, e.g. {@code info.credit_code}. */
    public String definedName() {
        return "info." + id;
    }
}
