// The search at the head of every list screen: the words typed are asked for after a pause in
// typing (not at each keystroke: the roster holds 20,000 kader), Enter asks at once, "/" reaches
// the box from anywhere on the page and "n" starts a new record (listKeys.ts).

import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { usePageKeys } from './listKeys'

export interface ListSearchOptions {
  /** The words the list shows now (trimmed): held by the page, in its state or its address. */
  query: string
  /** Ask for new words. */
  commit: (query: string) => void
  /** The box's first text, when it differs from `query` (words typed but not yet asked for). */
  initialText?: string
  /** The pause in typing, in milliseconds. */
  delay?: number
  /** Where "n" goes; null when the page adds nothing. */
  newPath?: string | null
  /** Alt+N adds even while typing. */
  altNew?: boolean
}

export function useListSearch({ query, commit, initialText = query, delay = 200, newPath = null, altNew = false }: ListSearchOptions) {
  const searchRef = useRef<HTMLInputElement>(null)
  const [text, setText] = useState(initialText)
  const commitRef = useRef(commit)
  useLayoutEffect(() => {
    commitRef.current = commit
  })

  // Words changed from elsewhere (a link in the address, the tabs, "clear filters") show in the box.
  const [seen, setSeen] = useState(query)
  if (seen !== query) {
    setSeen(query)
    if (text.trim() !== query) setText(query)
  }

  useEffect(() => {
    const q = text.trim()
    if (q === query) return
    const timer = window.setTimeout(() => commitRef.current(q), delay)
    return () => window.clearTimeout(timer)
  }, [text, query, delay])

  usePageKeys(searchRef, newPath, altNew)

  const submit = () => commit(text.trim())
  return {
    text,
    setText,
    searchRef,
    submit,
    /** What a SearchField takes besides its id, texts and arrow-down. */
    field: { inputRef: searchRef, value: text, onChange: setText, onEnter: submit },
  }
}
