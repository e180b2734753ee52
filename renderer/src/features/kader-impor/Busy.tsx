/** A step's work in progress (reading the file, checking the rows): a spinner and what is happening. */
export function Busy({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  )
}
