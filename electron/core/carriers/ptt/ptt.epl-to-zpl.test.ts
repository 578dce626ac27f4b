import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
import { firstBarcodeInZpl } from '../../../../shared/zpl/zpl-barcode'
import { thrown } from '../../../../tests/support/app-error'
import { decodeBarcodes, renderZplToPng } from '../../../../tests/support/zpl-render'
import { eplToZpl } from './ptt.epl-to-zpl'

/** The fields of a one-command label (between the frame lines). */
function body(command: string): string {
  const zpl = eplToZpl(`N\n${command}\nP1\n`)
  return zpl.split('\n').slice(2, -2).join('\n')
}

const refusal = (epl: string) => thrown(() => eplToZpl(epl))

describe('commands → ZPL', () => {
  it.each([
    // A x,y,rotation,font,h-mult,v-mult,N|R,"data": ^A0 at the font's cell size × multipliers
    ['A50,20,0,3,1,1,N,"ALICI"', '^FO50,20^A0N,20,12^FH_^FDALICI^FS'],
    ['A50,20,1,4,2,3,N,"x"', '^FO50,20^A0R,72,28^FH_^FDx^FS'],
    ['A0,0,2,1,1,1,R,"ters"', '^FO0,0^A0I,12,8^FR^FH_^FDters^FS'],
    ['A10,10,3,5,1,1,N,"Ödemiş/İZMİR"', '^FO10,10^A0B,48,32^FH_^FDÖdemiş/İZMİR^FS'],
    // Quotes, backslashes, commas and ZPL control characters inside the data
    ['A1,2,0,2,1,1,N,"a,b \\"c\\" \\\\ ^~_"', '^FO1,2^A0N,16,10^FH_^FDa,b "c" \\ _5E_7E_5F^FS'],
    // B x,y,rotation,type,narrow,wide,height,B|N,"data"
    ['B100,400,0,1,3,6,200,B,"2740000000010"', '^FO100,400^BY3,2.0,200^BCN,200,Y,N,N,A^FH_^FD2740000000010^FS'],
    ['B0,0,1,1C,2,2,80,N,"1234"', '^FO0,0^BY2,2.0,80^BCR,80,N,N,N,A^FH_^FD1234^FS'],
    ['B5,5,0,3,2,5,100,B,"ABC"', '^FO5,5^BY2,2.5,100^B3N,N,100,Y,N^FH_^FDABC^FS'],
    ['B5,5,0,3C,1,3,50,N,"ABC"', '^FO5,5^BY1,3.0,50^B3N,Y,50,N,N^FH_^FDABC^FS'],
    ['B5,5,0,E30,2,4,90,B,"400638133393"', '^FO5,5^BY2,2.0,90^BEN,90,Y,N^FH_^FD400638133393^FS'],
    ['B5,5,0,2,2,9,60,N,"1234"', '^FO5,5^BY2,3.0,60^B2N,60,N,N,N^FH_^FD1234^FS'],
    ['B5,5,0,9,2,4,60,N,"AB"', '^FO5,5^BY2,2.0,60^BAN,60,N,N,N^FH_^FDAB^FS'],
    ['B5,5,0,UA0,2,4,60,B,"03600029145"', '^FO5,5^BY2,2.0,60^BUN,60,Y,N,Y^FH_^FD03600029145^FS'],
    // LO black line, LE exclusive-or (reverses what it covers), LW white line
    ['LO40,80,732,4', '^FO40,80^GB732,4,4^FS'],
    ['LE20,20,300,60', '^FO20,20^FR^GB300,60,60^FS'],
    ['LW0,0,10,2', '^FO0,0^GB10,2,2,W^FS'],
    // X x1,y1,thickness,x2,y2
    ['X20,20,4,792,1198', '^FO20,20^GB772,1178,4^FS'],
    ['X10,10,8,12,400', '^FO10,10^GB8,390,8^FS'],
  ])('%s', (command, zpl) => {
    expect(body(command)).toBe(zpl)
  })

  it('frames each P as one ^XA…^XZ with UTF-8, width, length, reference point, orientation and quantity', () => {
    const zpl = eplToZpl('\r\nI8,A,090\r\nq812\r\nQ1218,24\r\nR8,0\r\nZB\r\nS3\r\nD10\r\nOD\r\nJF\r\nN\r\n; comment\r\nLO1,1,5,5\r\nP2,3\r\n')
    expect(zpl).toBe(['^XA', '^CI28', '^PW812', '^LL1218', '^LH8,0', '^POI', '^FO1,1^GB5,5,5^FS', '^PQ6', '^XZ'].join('\n'))
  })

  it('N clears the buffer; P keeps it, as EPL does', () => {
    const zpl = eplToZpl('N\nLO0,0,9,9\nN\nLO1,1,2,2\nP1\nLO3,3,4,4\nP1\nN\nLO5,5,6,6\nP1')
    const labels = zpl.split('^XZ').filter((l) => l.trim() !== '')
    expect(labels).toHaveLength(3)
    expect(labels[0]).not.toContain('^GB9,9')
    expect(labels[1]).toContain('^FO1,1^GB2,2,2^FS\n^FO3,3^GB4,4,4^FS')
    expect(labels[2]).not.toContain('^GB2,2')
    expect(eplToZpl('Q1218,B24,0\nN\nLO1,1,1,1\nP1')).toContain('^LL1218')
  })
})

describe('refusals: carrier.badResponse naming the line, never retried', () => {
  it.each([
    ['N\nGW10,10,1,1,A\nP1', 2, /unsupported EPL command "GW"/],
    ['N\nb10,10,Q,"x"\nP1', 2, /unsupported EPL command "b1"/],
    ['N\nA10,10,0,a,1,1,N,"x"\nP1', 2, /font "a"/],
    ['N\nA10,10,0,3,1,1,N,V00\nP1', 2, /only quoted data/],
    ['N\nA10,10,0,3,1,1,N,"open\nP1', 2, /not closed/],
    ['N\nA10,10,0,3,1,1,N,"x"y\nP1', 2, /after closing quote/],
    ['N\nA10,10,4,3,1,1,N,"x"\nP1', 2, /rotation/],
    ['N\nA10,10,0,3,0,1,N,"x"\nP1', 2, /horizontal multiplier/],
    ['N\nA10,10,0,3,1,1,X,"x"\nP1', 2, /reverse/],
    ['N\nA-5,10,0,3,1,1,N,"x"\nP1', 2, /x must be a whole number/],
    ['N\nA10,10,0,3,1,1,"x"\nP1', 2, /8 parameters/],
    ['N\nB10,10,0,1E,2,4,50,B,"x"\nP1', 2, /barcode type "1E"/],
    ['N\nB10,10,0,1,0,4,50,B,"x"\nP1', 2, /narrow bar width/],
    ['N\nB10,10,0,1,2,4,50,Y,"x"\nP1', 2, /human-readable/],
    ['N\nLO1,1,0,5\nP1', 2, /horizontal length/],
    ['N\nX10,10,2,5,50\nP1', 2, /ends before it starts/],
    ['qwide\nN\nLO1,1,1,1\nP1', 1, /label width/],
    ['Q100,x\nN\nLO1,1,1,1\nP1', 1, /gap/],
    ['N1\nLO1,1,1,1\nP1', 1, /N takes no parameters/],
    ['N\nP1', 2, /empty label/],
    ['N\nLO1,1,1,1\nP0', 3, /label sets/],
  ])('%j → line %i', (epl, line, message) => {
    const err = refusal(epl)
    expect(err).toMatchObject({ code: ErrorCode.carrierBadResponse, retryable: false, meta: { line, operation: 'etiketGetir' } })
    expect(err.message).toMatch(message)
  })

  it.each([[''], ['\n\n'], ['N\nLO1,1,1,1\n']])('%j prints nothing', (epl) => {
    expect(refusal(epl)).toMatchObject({ code: ErrorCode.carrierBadResponse, meta: { line: null } })
  })
})

describe('the converted label prints and scans', () => {
  it('zebrash renders it and zbarimg reads the 13-digit barcode back', async () => {
    const epl = [
      '',
      'N',
      'q812',
      'Q1218,24',
      'A40,30,0,4,2,2,N,"PTT KARGO"',
      'LE30,20,400,70',
      'LO40,110,732,4',
      'A40,140,0,3,1,1,N,"ALICI: Mehmet Polat"',
      'A40,180,0,3,1,1,N,"Ödemiş / İZMİR"',
      'X20,10,4,792,1190',
      'B120,400,0,1,3,6,220,B,"2740000000010"',
      'P1',
      '',
    ].join('\r\n')
    const zpl = eplToZpl(epl)
    expect(firstBarcodeInZpl(zpl)).toBe('2740000000010')
    const png = await renderZplToPng(zpl, { widthMm: 101.6, heightMm: 152.4, dpmm: 8 })
    const dir = mkdtempSync(join(tmpdir(), 'ptt-epl-'))
    try {
      const file = join(dir, 'label.png')
      writeFileSync(file, png)
      expect(await decodeBarcodes(file)).toEqual(['2740000000010'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
