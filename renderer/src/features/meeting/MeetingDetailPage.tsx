// Placeholder: being built (issue 4).
export function MeetingDetailPage(_props: { id: string }) {
  return null
}
