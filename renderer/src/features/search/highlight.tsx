import type { ReactNode } from 'react'

/**
 * The core marks the matched words «like this». They become <strong> elements here, never
 * HTML: the minutes are typed by people, and nothing they type may become markup.
 */
export function highlight(snippet: string): ReactNode[] {
  const out: ReactNode[] = []
  const re = /«([^«»]*)»/g
  let last = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(snippet))) {
    if (m.index > last) out.push(snippet.slice(last, m.index))
    out.push(<strong key={m.index}>{m[1]}</strong>)
    last = m.index + m[0].length
  }
  if (last < snippet.length) out.push(snippet.slice(last).replace(/[«»]/g, ''))
  return out
}
