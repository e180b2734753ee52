// Placeholder: being built (issue 3).
export function CataloguePage(_props: Record<string, never>) {
  return null
}
