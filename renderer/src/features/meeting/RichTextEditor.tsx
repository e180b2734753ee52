// A plain textarea with three buttons that type the minutes' markup (shared/domain/meeting.ts)
// for people who do not know it, and a live preview beside it. Edits go through the browser's
// own "insert text" so Ctrl+Z undoes a button press like any typing.

import { useRef, type KeyboardEvent, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { ControlProps } from '../../components/Field'
import { RichText } from './RichText'

const BULLET = /^(\s*)[-*•]\s+(.*)$/
const NUMBERED = /^(\s*)(\d+)([.)])\s+(.*)$/

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value)
  else if (ref) (ref as { current: T | null }).current = value
}

export function RichTextEditor(
  props: ControlProps & {
    value: string
    onChange: (value: string) => void
    onBlur?: () => void
    /** What is being written, for the buttons' group name ("notulen agenda 1"). */
    name: string
    rows?: number
    textareaRef?: Ref<HTMLTextAreaElement>
  },
) {
  const { t } = useTranslation()
  const { value, onChange, onBlur, name, rows = 6, textareaRef, ...control } = props
  const ref = useRef<HTMLTextAreaElement | null>(null)

  /** Replaces [start, end) with `text` and selects [selStart, selEnd) afterwards. */
  function replace(start: number, end: number, text: string, selStart: number, selEnd = selStart) {
    const ta = ref.current
    if (!ta) return
    ta.focus()
    ta.setSelectionRange(start, end)
    const done = text ? document.execCommand('insertText', false, text) : document.execCommand('delete')
    if (!done) {
      // Without execCommand (not expected in Chromium) the change still happens, only not undoable.
      onChange(ta.value.slice(0, start) + text + ta.value.slice(end))
      requestAnimationFrame(() => ref.current?.setSelectionRange(selStart, selEnd))
      return
    }
    ta.setSelectionRange(selStart, selEnd)
  }

  function bold() {
    const ta = ref.current
    if (!ta) return
    const s = ta.selectionStart
    const e = ta.selectionEnd
    if (s === e) {
      replace(s, e, '****', s + 2)
      return
    }
    const selected = ta.value.slice(s, e)
    // A double-clicked word often brings its trailing space: that space stays outside the bold.
    const core = selected.trimEnd()
    const tail = selected.slice(core.length)
    if (core.startsWith('**') && core.endsWith('**') && core.length >= 4) {
      const inner = core.slice(2, -2)
      replace(s, e, inner + tail, s, s + inner.length)
    } else {
      replace(s, e, `**${core}**${tail}`, s + 2, s + 2 + core.length)
    }
  }

  function list(kind: 'ul' | 'ol') {
    const ta = ref.current
    if (!ta) return
    const v = ta.value
    const s = ta.selectionStart
    // A selection that ends at the start of a line does not take that line in.
    const e = ta.selectionEnd > s && v[ta.selectionEnd - 1] === '\n' ? ta.selectionEnd - 1 : ta.selectionEnd
    const lineStart = v.lastIndexOf('\n', s - 1) + 1
    const found = v.indexOf('\n', e)
    const lineEnd = found === -1 ? v.length : found
    const lines = v.slice(lineStart, lineEnd).split('\n')
    const pattern = kind === 'ul' ? BULLET : NUMBERED
    const filled = lines.filter((l) => l.trim())
    const already = filled.length > 0 && filled.every((l) => pattern.test(l))
    let n = 0
    const next = lines.map((l) => {
      if (!l.trim()) return l
      const plain = l.replace(BULLET, '$1$2').replace(NUMBERED, '$1$4')
      if (already) return plain
      n += 1
      return kind === 'ul' ? `- ${plain.trimStart()}` : `${n}. ${plain.trimStart()}`
    })
    const text = next.join('\n')
    if (lines.length === 1 && !lines[0]!.trim()) {
      // An empty line: start the list here, the cursor after the marker.
      const marker = kind === 'ul' ? '- ' : '1. '
      replace(lineStart, lineEnd, marker, lineStart + marker.length)
      return
    }
    if (lines.length === 1) replace(lineStart, lineEnd, text, lineStart + text.length)
    else replace(lineStart, lineEnd, text, lineStart, lineStart + text.length)
  }

  /** Enter inside a list continues it; Enter on an empty item ends it (as in a word processor). */
  function onEnter(e: KeyboardEvent<HTMLTextAreaElement>) {
    const ta = e.currentTarget
    if (ta.selectionStart !== ta.selectionEnd) return
    const pos = ta.selectionStart
    const lineStart = ta.value.lastIndexOf('\n', pos - 1) + 1
    const line = ta.value.slice(lineStart, pos)
    const bullet = BULLET.exec(line)
    const numbered = NUMBERED.exec(line)
    const lineEnd = ta.value.indexOf('\n', pos)
    // In the middle of an item Enter just breaks the line.
    if (ta.value.slice(pos, lineEnd === -1 ? undefined : lineEnd).trim()) return
    if (bullet) {
      e.preventDefault()
      if (!bullet[2]) replace(lineStart, pos, '', lineStart)
      else replace(pos, pos, `\n${bullet[1]}- `, pos + 3 + bullet[1]!.length)
    } else if (numbered) {
      e.preventDefault()
      if (!numbered[4]) {
        replace(lineStart, pos, '', lineStart)
      } else {
        const marker = `\n${numbered[1]}${Number(numbered[2]) + 1}${numbered[3]} `
        replace(pos, pos, marker, pos + marker.length)
      }
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'b' || e.key === 'B')) {
      e.preventDefault()
      bold()
    } else if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) {
      onEnter(e)
    }
  }

  // The buttons leave the focus (and so the selection) in the text while clicked with a mouse.
  const keep = (e: React.MouseEvent) => e.preventDefault()

  return (
    <div className="rte">
      <div className="rte-toolbar" role="group" aria-label={t('meeting.rte.toolbar', { name })}>
        <button type="button" className="btn btn-small" onMouseDown={keep} onClick={bold} aria-controls={control.id} aria-keyshortcuts="Control+B" title={t('meeting.rte.boldTitle')}>
          <b aria-hidden="true">B</b> {t('meeting.rte.bold')}
        </button>
        <button type="button" className="btn btn-small" onMouseDown={keep} onClick={() => list('ul')} aria-controls={control.id}>
          <span aria-hidden="true">•</span> {t('meeting.rte.bullets')}
        </button>
        <button type="button" className="btn btn-small" onMouseDown={keep} onClick={() => list('ol')} aria-controls={control.id}>
          <span aria-hidden="true">1.</span> {t('meeting.rte.numbers')}
        </button>
      </div>
      <div className="rte-panes">
        <textarea
          {...control}
          ref={(el) => {
            ref.current = el
            assignRef(textareaRef, el)
          }}
          rows={rows}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          onKeyDown={onKeyDown}
        />
        <div className="rte-preview" data-testid={`${control.id}-preview`}>
          <p className="rte-preview-title">{t('meeting.rte.preview')}</p>
          <RichText source={value} empty={t('meeting.rte.previewEmpty')} />
        </div>
      </div>
    </div>
  )
}
