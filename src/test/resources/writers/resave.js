// Re-saves a workbook with a JavaScript writer (see make.sh):
//   node resave.js sheetjs IN.xlsx OUT.xlsx   SheetJS (npm "xlsx"): read, write back
//   node resave.js exceljs IN.xlsx OUT.xlsx   ExcelJS: read, write back
const [mode, input, output] = process.argv.slice(2);
if (mode === "sheetjs") {
  const XLSX = require("xlsx");
  const wb = XLSX.readFile(input, { cellFormula: true, cellNF: true });
  XLSX.writeFile(wb, output, { bookType: "xlsx" });
} else if (mode === "exceljs") {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.xlsx.readFile(input).then(() => wb.xlsx.writeFile(output)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  console.error("mode: sheetjs | exceljs");
  process.exit(2);
}
