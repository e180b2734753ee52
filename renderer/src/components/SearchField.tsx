// The search box at the head of every long list: "/" reaches it from anywhere (the page binds
// the key), Enter searches at once instead of after the typing pause, arrow down goes into the
// list.

import type { Ref } from 'react'

export function SearchField({
  id,
  label,
  placeholder,
  value,
  onChange,
  onEnter,
  onArrowDown,
  inputRef,
}: {
  id: string
  label: string
  placeholder: string
  value: string
  onChange: (text: string) => void
  onEnter: () => void
  onArrowDown: () => void
  inputRef: Ref<HTMLInputElement>
}) {
  return (
    <div className="field toolbar-search">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        aria-keyshortcuts="/"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            onArrowDown()
          } else if (e.key === 'Enter') {
            e.preventDefault()
            onEnter()
          }
        }}
      />
    </div>
  )
}
