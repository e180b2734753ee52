// Strings of the training screens (Bahasa Indonesia first, English with the same keys).
// Merged into id.ts / en.ts as the section "training".

import type { Widen } from '../widen'

export const trainingId = {
  tabs: { label: 'Bagian pelatihan dan kompetensi', pelatihan: 'Pelatihan', matriks: 'Matriks kompetensi', kebutuhan: 'Kebutuhan pelatihan', katalog: 'Katalog keterampilan' },
}

export const trainingEn: Widen<typeof trainingId> = {
  tabs: { label: 'Training and competency sections', pelatihan: 'Trainings', matriks: 'Competency matrix', kebutuhan: 'Training needs', katalog: 'Skills catalogue' },
}
