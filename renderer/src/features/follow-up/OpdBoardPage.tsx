// Placeholder: being built (issue 4).
export function OpdBoardPage(_props: Record<string, never>) {
  return null
}
