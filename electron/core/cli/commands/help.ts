import { defineCommand, type Command } from '../command'

export function helpText(commands: readonly Command[]): string {
  const lines = [
    'Simpul Posyandu — perintah tanpa layar',
    '',
    'Cara pakai: npm run simpul -- PERINTAH [OPSI]',
    '',
    'Perintah:',
    ...commands.flatMap((c) => [`  ${c.name} ${c.usage}`.trimEnd(), `      ${c.summary}`]),
    '',
    'Contoh:',
    '  npm run simpul -- init --db kota.sqlite --level kota --wilayah 36.71 --name "Dinas Kesehatan Kota Tangerang"',
    '  npm run simpul -- demo --db kota.sqlite --wilayah 36.71',
    '  npm run -s simpul -- kader list --db kota.sqlite --json > kader.json',
    '  npm run simpul -- training list --db kota.sqlite',
    '  npm run simpul -- kompetensi matrix --db kota.sqlite --wilayah 36.71.01',
    '  npm run -s simpul -- kompetensi matrix --db kota.sqlite --wilayah 3671011001 --json > matriks.json',
    '  npm run simpul -- rapat list --db kota.sqlite',
    '  npm run simpul -- tindak-lanjut list --db kota.sqlite --overdue',
    '  npm run -s simpul -- tindak-lanjut list --db kota.sqlite --json > tindak-lanjut.json',
    '  npm run -s simpul -- db digest --db kota.sqlite',
    '',
    'Bila terjadi kesalahan tak terduga, jalankan lagi dengan SIMPUL_DEBUG=1 untuk melihat rinciannya.',
  ]
  return `${lines.join('\n')}\n`
}

/** The help command needs the table it is part of, so the table passes itself in. */
export function helpCommand(commands: () => readonly Command[]): Command {
  return defineCommand({
    name: 'help',
    summary: 'Menampilkan daftar perintah ini.',
    usage: '',
    options: {},
    async run(_values, io) {
      io.stdout(helpText(commands()))
    },
  })
}
