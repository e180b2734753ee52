// Placeholder: being built (issue 3).
export function TrainingDetailPage(_props: { id: string }) {
  return null
}
