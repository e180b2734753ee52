// Placeholder: being built (issue 4).
export function MeetingListPage(_props: { query: URLSearchParams }) {
  return null
}
