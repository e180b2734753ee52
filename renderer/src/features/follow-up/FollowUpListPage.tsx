// Placeholder: being built (issue 4).
export function FollowUpListPage(_props: { query: URLSearchParams }) {
  return null
}
