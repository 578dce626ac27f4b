/** Where the headless server serves the printable sheet of desk command barcodes; the settings screen links it. */
export const COMMAND_SHEET_PATH = '/command-sheet.pdf'
