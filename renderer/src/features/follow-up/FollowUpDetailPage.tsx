// Placeholder: being built (issue 4).
export function FollowUpDetailPage(_props: { id: string }) {
  return null
}
