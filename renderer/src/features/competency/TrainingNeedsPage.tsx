// Placeholder: being built (issue 3).
export function TrainingNeedsPage(_props: { query: URLSearchParams }) {
  return null
}
