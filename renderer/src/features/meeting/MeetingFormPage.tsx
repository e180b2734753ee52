// Placeholder: being built (issue 4).
export function MeetingFormPage(_props: { id: string | null }) {
  return null
}
