// Placeholder: being built (issue 4).
export function SearchPage(_props: { query: URLSearchParams }) {
  return null
}
