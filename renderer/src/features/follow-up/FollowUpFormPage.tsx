// Placeholder: being built (issue 4).
export function FollowUpFormPage(_props: { id: string | null; query: URLSearchParams }) {
  return null
}
