// Placeholder: being built (issue 3).
export function KaderCompetencySection(_props: { kaderId: string }) {
  return null
}
