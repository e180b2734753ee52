// Placeholder: being built (issue 3).
export function TrainingListPage(_props: { query: URLSearchParams }) {
  return null
}
