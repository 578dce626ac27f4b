import { spawn } from 'node:child_process'
import { connect, type Socket } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseExtendedStatus } from '../../electron/core/devices/printer/zpl/zebra-extended-status.parser'
import { parseHostStatus } from '../../electron/core/devices/printer/zpl/zebra-status.parser'
import { startZebraEmulator, type ZebraEmulator } from './zebra-emulator'

/** A raw client: write, then read until `done` says the reply is complete. */
async function ask(port: number, data: string, done: (reply: string) => boolean): Promise<string> {
  const socket = await open(port)
  try {
    return await new Promise<string>((resolve) => {
      let reply = ''
      socket.on('data', (chunk: Buffer) => {
        reply += chunk.toString('latin1')
        if (done(reply)) resolve(reply)
      })
      socket.write(data)
    })
  } finally {
    socket.destroy()
  }
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket))
    socket.once('error', reject)
  })
}

async function send(port: number, data: string | Buffer): Promise<void> {
  const socket = await open(port)
  await new Promise<void>((resolve) => socket.end(data, resolve))
}

const etx = (n: number) => (r: string) => r.split('\x03').length - 1 >= n
const hs = async (emu: ZebraEmulator) => parseHostStatus(await ask(emu.port, '~HS', etx(3)))

let emu: ZebraEmulator
beforeEach(async () => {
  emu = await startZebraEmulator()
})
afterEach(async () => {
  await emu.close()
})

describe('zebra emulator', () => {
  it('listens on 127.0.0.1 with an ephemeral port', () => {
    expect(emu.port).toBeGreaterThan(0)
    expect(emu.uri).toBe(`tcp://127.0.0.1:${emu.port}`)
  })

  it('records printed formats split at ^XA…^XZ, as UTF-8, and keeps raw bytes', async () => {
    const data = '^XA^CI28^FDĞülşen^FS^XZ\r\n^XA^FDiki^FS^XZ'
    await send(emu.port, data)
    expect(await emu.waitForJobs(2)).toEqual(['^XA^CI28^FDĞülşen^FS^XZ', '^XA^FDiki^FS^XZ'])
    expect(emu.rawBytes.toString('utf8')).toBe(data)
  })

  it('answers ~HS with the sample layout when ready', async () => {
    const reply = await ask(emu.port, '~HS', etx(3))
    expect(reply).toBe('\x02030,0,0,1200,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n')
  })

  const states: ReadonlyArray<[string, Parameters<ZebraEmulator['setState']>[0], Record<string, unknown>]> = [
    ['paper out', { paperOut: true }, { paperOut: true, ready: false }],
    ['paused', { paused: true }, { paused: true, ready: false }],
    ['head open', { headOpen: true }, { headOpen: true, ready: false }],
    ['ribbon out', { ribbonOut: true }, { ribbonOut: true, ready: false }],
    ['labels remaining', { labelsRemaining: 37 }, { labelsRemaining: 37, ready: true }],
    ['label length', { labelLengthDots: 800 }, { labelLengthDots: 800 }],
  ]
  it.each(states)('~HS reflects %s', async (_name, patch, expected) => {
    emu.setState(patch)
    expect(await hs(emu)).toMatchObject(expected)
  })

  it('~HQES carries the error bitmask', async () => {
    emu.setState({ paperOut: true, paused: true })
    const reply = await ask(emu.port, '~HQES', (r) => /WARNINGS:[^\x03]*\x03/.test(r))
    expect(reply).toContain('ERRORS:         1 00000000 00010001')
    expect(parseExtendedStatus(reply)).toMatchObject({ mediaOut: true, paused: true, headOpen: false })
  })

  it('buffers formats while paused, counts them in ~HS, prints them on resume', async () => {
    emu.setState({ paused: true })
    const queued = new Promise<string>((resolve) => emu.onDidReceiveJob(resolve))
    await send(emu.port, '^XA^FDbekle^FS^XZ')
    expect(await queued).toBe('^XA^FDbekle^FS^XZ')
    expect(emu.jobs).toEqual([])
    expect(emu.queued).toEqual(['^XA^FDbekle^FS^XZ'])
    expect(await hs(emu)).toMatchObject({ formatsInBuffer: 1, paused: true })
    emu.setState({ paused: false })
    expect(await emu.waitForJobs(1)).toEqual(['^XA^FDbekle^FS^XZ'])
    expect(emu.queued).toEqual([])
  })

  it('~PS resumes a paused printer and ~JA drops what is waiting', async () => {
    emu.setState({ paperOut: true })
    // One connection: the emulator acts on the bytes in order, so ~HS sees the effect of ~JA.
    expect(parseHostStatus(await ask(emu.port, '^XA^FDa^FS^XZ~HS', etx(3))).formatsInBuffer).toBe(1)
    expect(parseHostStatus(await ask(emu.port, '~JA~HS', etx(3))).formatsInBuffer).toBe(0)
    emu.setState({ paperOut: false, paused: true })
    await send(emu.port, '^XA^FDb^FS^XZ~PS')
    expect(await emu.waitForJobs(1)).toEqual(['^XA^FDb^FS^XZ'])
  })

  it('flags a partial format in ~HS while ^XZ has not arrived', async () => {
    expect((await hs(emu)).partialFormat).toBe(false)
    // ~HS is acted on as it arrives, even inside the open format.
    expect(parseHostStatus(await ask(emu.port, '^XA^FDyarım~HS', etx(3))).partialFormat).toBe(true)
  })

  it('answers SGD getvar', async () => {
    emu.setState({ headOpen: true })
    expect(await ask(emu.port, '! U1 getvar "head.latch"\r\n', (r) => r.endsWith('"') && r.length > 1)).toBe('"open"')
    expect(await ask(emu.port, '! U1 getvar "device.languages"\r\n', (r) => r.endsWith('"') && r.length > 1)).toBe('"zpl"')
  })

  it('can stay silent on ~HS while faulted, yet answer ~HQES', async () => {
    const silent = await startZebraEmulator({ silentWhenFault: true })
    try {
      silent.setState({ headOpen: true })
      // Replies come in order: had ~HS answered, its strings would arrive before the ~HQES reply.
      const reply = await ask(silent.port, '~HS~HQES', (r) => /WARNINGS:[^\x03]*\x03\r\n/.test(r))
      expect(reply).not.toContain('1234,0')
      expect(parseExtendedStatus(reply).headOpen).toBe(true)
      silent.setState({ headOpen: false })
      expect((await hs(silent)).ready).toBe(true)
    } finally {
      await silent.close()
    }
  })

  it('writes replies in small pieces when asked to', async () => {
    const chunky = await startZebraEmulator({ replyChunkBytes: 5 })
    try {
      const reply = await ask(chunky.port, '~HS', etx(3))
      expect(parseHostStatus(reply).ready).toBe(true)
    } finally {
      await chunky.close()
    }
  })
})

describe('zebra emulator fault modes', () => {
  it('a link dropped mid-format: the partial is held (~HS flag) until the next ^XA discards it; it never prints', async () => {
    const socket = await open(emu.port)
    await new Promise<void>((resolve) => socket.write('^XA^FDyar', () => resolve()))
    socket.resetAndDestroy()
    await expect.poll(() => emu.holdsPartialFormat).toBe(true)
    expect((await hs(emu)).partialFormat).toBe(true)
    await send(emu.port, '^XA^FDtam^FS^XZ')
    expect(await emu.waitForJobs(1)).toEqual(['^XA^FDtam^FS^XZ'])
    expect(emu.discarded).toEqual(['^XA^FDyar'])
    expect((await hs(emu)).partialFormat).toBe(false)
  })

  it('dropAfterBytes resets the connection after that many bytes, once', async () => {
    emu.setFaults({ dropAfterBytes: 8 })
    const closed = await new Promise<string>((resolve) => {
      void open(emu.port).then((socket) => {
        socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'))
        socket.on('close', () => resolve('close'))
        socket.write('^XA^FDbir^FS^XZ')
      })
    })
    expect(closed).toBe('ECONNRESET')
    expect(emu.jobs).toEqual([])
    await send(emu.port, '^XA^FDiki^FS^XZ')
    expect(await emu.waitForJobs(1)).toEqual(['^XA^FDiki^FS^XZ'])
  })

  it('paperOutAfterLabels: the roll ends after that label, the rest waits in the buffer', async () => {
    emu.setFaults({ paperOutAfterLabels: 1 })
    await send(emu.port, '^XA^FD1^FS^XZ^XA^FD2^FS^XZ')
    await expect.poll(() => emu.queued.length).toBe(1)
    expect(emu.jobs).toEqual(['^XA^FD1^FS^XZ'])
    expect(await hs(emu)).toMatchObject({ paperOut: true, formatsInBuffer: 1 })
  })
})

describe('sandbox/zebra/main.ts', () => {
  it('starts from the command line and prints its port', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/zebra/main.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString()
          const m = /ZEBRA_PORT=(\d+)/.exec(out)
          if (m) resolve(Number(m[1]))
        })
        child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)))
      })
      expect(parseHostStatus(await ask(port, '~HS', etx(3))).ready).toBe(true)
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  })
})
