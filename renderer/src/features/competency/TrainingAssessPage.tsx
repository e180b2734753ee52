// Placeholder: being built (issue 3).
export function TrainingAssessPage(_props: { trainingId: string }) {
  return null
}
