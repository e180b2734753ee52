import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron'

export const AREA_DATA_CREDIT = 'Berisi data wilayah dari idn-area-data, © kontributor, lisensi ODbL.'

export function buildMenu(devMode: boolean): Menu {
  const template: MenuItemConstructorOptions[] = [
    { label: 'Berkas', submenu: [{ role: 'quit', label: 'Keluar' }] },
    {
      label: 'Sunting',
      submenu: [
        { role: 'undo', label: 'Urungkan' },
        { role: 'redo', label: 'Ulangi' },
        { type: 'separator' },
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih semua' },
      ],
    },
    {
      label: 'Tampilan',
      submenu: [
        { role: 'zoomIn', label: 'Perbesar' },
        { role: 'zoomOut', label: 'Perkecil' },
        { role: 'resetZoom', label: 'Ukuran asli' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Layar penuh' },
        ...(devMode
          ? ([
              { type: 'separator' },
              { role: 'reload', label: 'Muat ulang' },
              { role: 'toggleDevTools', label: 'Alat pengembang' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
      ],
    },
    {
      label: 'Bantuan',
      submenu: [
        {
          label: 'Tentang Simpul Posyandu',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'Tentang Simpul Posyandu',
              message: `Simpul Posyandu ${app.getVersion()}`,
              detail: `Register Posyandu dan kader untuk kelurahan, Puskesmas dan Dinas.\n\n${AREA_DATA_CREDIT}`,
              buttons: ['Tutup'],
            }),
        },
      ],
    },
  ]
  return Menu.buildFromTemplate(template)
}
