// The minutes as React elements, from the blocks of shared/domain/meeting.ts: the text is never
// read as HTML, so whatever was typed (or pasted from a message) is shown, never run.

import { Fragment } from 'react'
import { parseRichText, type RichInline } from '@shared/domain/meeting'

function Inline({ parts }: { parts: RichInline[] }) {
  return (
    <>
      {parts.map((p, i) => (p.bold ? <strong key={i}>{p.text}</strong> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  )
}

export function RichText({ source, className, empty }: { source: string; className?: string; empty?: string }) {
  const blocks = parseRichText(source)
  if (blocks.length === 0) return empty ? <p className="muted">{empty}</p> : null
  return (
    <div className={`rich-text ${className ?? ''}`}>
      {blocks.map((b, i) => {
        if (b.type === 'p') {
          return (
            <p key={i}>
              {b.lines.map((line, j) => (
                <Fragment key={j}>
                  {j > 0 && <br />}
                  <Inline parts={line} />
                </Fragment>
              ))}
            </p>
          )
        }
        const items = b.items.map((item, j) => (
          <li key={j}>
            <Inline parts={item} />
          </li>
        ))
        return b.type === 'ul' ? <ul key={i}>{items}</ul> : <ol key={i}>{items}</ol>
      })}
    </div>
  )
}
