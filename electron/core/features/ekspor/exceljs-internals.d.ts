// ExcelJS's style table, which its published types leave out: exceljs.ts teaches it Excel's
// quotePrefix (see there why).
declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  const StylesXform: { prototype: object }
  export default StylesXform
}
