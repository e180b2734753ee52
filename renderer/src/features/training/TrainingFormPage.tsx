// Placeholder: being built (issue 3).
export function TrainingFormPage(_props: { id: string | null }) {
  return null
}
