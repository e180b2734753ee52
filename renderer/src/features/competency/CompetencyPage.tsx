// Placeholder: being built (issue 3).
export function CompetencyPage(_props: { query: URLSearchParams }) {
  return null
}
