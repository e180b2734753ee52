// ExcelJS, with JSZip, archiver and their polyfills, takes about a third of a second to load:
// it is loaded by the first spreadsheet read or written, not by every command and every start
// of the app that never touches one. Modules that use it import only its types statically.
//
// It is also taught one thing it cannot write: Excel's quote prefix (`quotePrefix="1"` on a cell
// style, what Excel sets when someone types '=A1). A kader named =HYPERLINK(…) is written as a
// text cell either way, but without the prefix Excel turns it into a live formula as soon as
// someone edits the cell (F2, Enter); with it the cell stays text (issue 17). ExcelJS 4.4 keeps
// no such flag in its style model and has no hook for one, and the streaming writer has already
// sent the sheets when it writes styles.xml, so rewriting the file afterwards would mean
// unpacking and packing it again. Instead its style table learns the flag: a style object with
// `quotePrefix: true` (text-cell.ts) gets its own <xf quotePrefix="1" …> entry. Tests open every
// export and check the attribute in the file itself, so an ExcelJS update that changes these
// internals fails loudly rather than silently dropping the prefix.

import type ExcelJS from 'exceljs'

/** The two methods of ExcelJS's StylesXform (lib/xlsx/xform/style/styles-xform.js) the patch wraps. */
interface StyleTable {
  addStyleModel(model: unknown, cellType?: unknown): number
  _addStyle(style: object): number
  map: { style: { toXml(style: object): string } }
  index: { style: Record<string, number> }
  model: { styles: string[] }
  [QUOTE]?: boolean
}

const QUOTE = Symbol('quotePrefix')
let taught: Promise<void> | null = null

async function teachQuotePrefix(): Promise<void> {
  const mod = await import('exceljs/lib/xlsx/xform/style/styles-xform.js')
  const loaded = mod as unknown as { default?: { prototype: object }; prototype?: object }
  const proto = (loaded.default ?? loaded).prototype as StyleTable
  if (typeof proto.addStyleModel !== 'function' || typeof proto._addStyle !== 'function') {
    throw new Error('ExcelJS: StylesXform.addStyleModel/_addStyle not found; the quote prefix cannot be written')
  }
  const addStyleModel = proto.addStyleModel
  const addStyle = proto._addStyle
  // addStyleModel builds the <xf> from the model's known parts and hands it to _addStyle: the
  // flag rides along on the table for the length of that call.
  proto.addStyleModel = function (this: StyleTable, model: unknown, cellType?: unknown) {
    if (!(model && typeof model === 'object' && (model as { quotePrefix?: unknown }).quotePrefix === true)) return addStyleModel.call(this, model, cellType)
    this[QUOTE] = true
    try {
      return addStyleModel.call(this, model, cellType)
    } finally {
      this[QUOTE] = false
    }
  }
  // As the original, keyed by the <xf> XML so equal styles share one entry, with the attribute added.
  proto._addStyle = function (this: StyleTable, style: object) {
    if (!this[QUOTE]) return addStyle.call(this, style)
    const xml = this.map.style.toXml(style).replace(/^<xf /, '<xf quotePrefix="1" ')
    let index = this.index.style[xml]
    if (index === undefined) {
      index = this.index.style[xml] = this.model.styles.length
      this.model.styles.push(xml)
    }
    return index
  }
}

export async function loadExcelJs(): Promise<typeof ExcelJS> {
  const mod = await import('exceljs')
  taught ??= teachQuotePrefix()
  await taught
  // CommonJS through import(): the module object is `default` in Node and the built JavaScript bundle, the
  // namespace itself where a loader already unwrapped it.
  return (mod as { default?: typeof ExcelJS }).default ?? mod
}
