/**
 * GS1 Application Identifiers: length, character set and check digit of each AI's data field.
 * Source: the GS1 Barcode Syntax Dictionary (gs1/gs1-syntax-dictionary:gs1-syntax-dictionary.txt,
 * which mirrors the AI table of the GS1 General Specifications), in the same notation:
 *   `AI[-AI]  [*]  component...  # title`, `*` = predefined length, needs no FNC1 after it;
 *   component `N18` (digits, exactly 18), `X..20` (GS1 CSET 82, 1–20), `[N..12]` (optional last part),
 *   `,csum` a GS1 mod-10 check digit, `,yymmd0`/`,yymmdd` a date (day 00 allowed by the first).
 * Left out: coupons (8110, 8112), digital signature (8030), fields no desk will meet on a parcel.
 * Pure; parsed once at module load.
 */
const DICTIONARY = `
00        * N18,csum             # SSCC
01        * N14,csum             # GTIN
02        * N14,csum             # CONTENT
10          X..20                # BATCH/LOT
11        * N6,yymmd0            # PROD DATE
12        * N6,yymmd0            # DUE DATE
13        * N6,yymmd0            # PACK DATE
15        * N6,yymmd0            # BEST BEFORE
16        * N6,yymmd0            # SELL BY
17        * N6,yymmd0            # USE BY or EXPIRY
20        * N2                   # VARIANT
21          X..20                # SERIAL
22          X..20                # CPV
235         X..28                # TPX
240         X..30                # ADDITIONAL ID
241         X..30                # CUST. PART No.
242         N..6                 # MTO VARIANT
243         X..20                # PCN
250         X..30                # SECONDARY SERIAL
251         X..30                # REF. TO SOURCE
253         N13,csum [X..17]     # GDTI
254         X..20                # GLN EXTENSION COMPONENT
255         N13,csum [N..12]     # GCN
30          N..8                 # VAR. COUNT
37          N..8                 # COUNT
3900-3909   N..15                # AMOUNT
3910-3919   N3 N..15             # AMOUNT (ISO currency)
3920-3929   N..15                # PRICE
3930-3939   N3 N..15             # PRICE (ISO currency)
3940-3943   N4                   # PRCNT OFF
3950-3955   N6                   # PRICE/UoM
400         X..30                # ORDER NUMBER
401         X..30                # GINC
402         N17,csum             # GSIN
403         X..30                # ROUTE
410-417   * N13,csum             # GLN (ship to, bill to, purchase from, ship for, loc, pay to, prod/serv loc, party)
420         X..20                # SHIP TO POST
421         N3 X..9              # SHIP TO POST (ISO country)
422         N3                   # ORIGIN
423         N..15                # COUNTRY - INITIAL PROCESS
424         N3                   # COUNTRY - PROCESS
425         N..15                # COUNTRY - DISASSEMBLY
426         N3                   # COUNTRY - FULL PROCESS
427         X..3                 # ORIGIN SUBDIVISION
4300-4301   X..35                # SHIP TO COMP / NAME
4302-4306   X..70                # SHIP TO ADD1 / ADD2 / SUB / LOC / REG
4307        X2                   # SHIP TO COUNTRY
4308        X..30                # SHIP TO PHONE
4309        N10 N10              # SHIP TO GEO
4310-4311   X..35                # RTN TO COMP / NAME
4312-4316   X..70                # RTN TO ADD1 / ADD2 / SUB / LOC / REG
4317        X2                   # RTN TO COUNTRY
4318        X..20                # RTN TO POST
4319        X..30                # RTN TO PHONE
4320        X..35                # SRV DESCRIPTION
4321-4323   N1                   # DANGEROUS GOODS / AUTH TO LEAVE / SIG REQUIRED
4324-4325   N6,yymmd0 N4         # NOT BEF / NOT AFT DEL DT
4326        N6,yymmdd            # REL DATE
4330-4333   N6 [X1]              # MAX / MIN TEMP
7001        N13                  # NSN
7002        X..30                # MEAT CUT
7003        N6,yymmdd N4         # EXPIRY TIME
7004        N..4                 # ACTIVE POTENCY
7005        X..12                # CATCH AREA
7006        N6,yymmdd            # FIRST FREEZE DATE
7007        N6,yymmdd [N6]       # HARVEST DATE
7008        X..3                 # AQUATIC SPECIES
7009        X..10                # FISHING GEAR TYPE
7010        X..2                 # PROD METHOD
7011        N6,yymmdd [N4]       # TEST BY DATE
7020-7022   X..20                # REFURB LOT / FUNC STAT / REV STAT
7023        X..30                # GIAI - ASSEMBLY
7030-7039   N3 X..27             # PROCESSOR # n
7040        N1 X1 X1 X1          # UIC+EXT
710-715     X..20                # NHRN (PZN, CIP, CN, DRN, AIM, NDC)
7230-7239   X2 X..28             # CERT # n
7240        X..20                # PROTOCOL
7241        N2                   # AIDC MEDIA TYPE
7242        X..25                # VCN
8001        N4 N5 N3 N1 N1       # DIMENSIONS
8002        X..20                # CMT No.
8003        N1 N13,csum [X..16]  # GRAI
8004        X..30                # GIAI
8005        N6                   # PRICE PER UNIT
8006        N14,csum N4          # ITIP
8007        X..34                # IBAN
8008        N8 [N..4]            # PROD TIME
8009        X..50                # OPTSEN
8010        Y..30                # CPID
8011        N..12                # CPID SERIAL
8012        X..20                # VERSION
8013        X..25                # GMN
8017-8018   N18,csum             # GSRN - PROVIDER / RECIPIENT
8019        N..10                # SRIN
8020        X..25                # REF No.
8026        N14,csum N4          # ITIP CONTENT
8111        N4                   # POINTS
8200        X..70                # PRODUCT URL
90          X..30                # INTERNAL
91-99       X..90                # INTERNAL
`

export type Gs1Charset = 'N' | 'X' | 'Y'

export type Gs1Component = Readonly<{
  charset: Gs1Charset
  minLength: number
  maxLength: number
  optional: boolean
  check: 'csum' | 'yymmd0' | 'yymmdd' | null
}>

export type Gs1AiSpec = Readonly<{
  ai: string
  title: string
  /** Predefined length: the field ends after `maxLength` characters, no FNC1 needed (flag `*`). */
  predefinedLength: boolean
  components: readonly Gs1Component[]
  minLength: number
  maxLength: number
}>

function parseComponent(text: string): Gs1Component {
  const optional = text.startsWith('[')
  const [type, check] = text.replace(/^\[|\]$/g, '').split(',')
  const m = /^([NXY])(\.\.)?(\d+)$/.exec(type ?? '')
  if (!m) throw new Error(`bad GS1 dictionary component: ${text}`)
  const n = Number(m[3])
  return {
    charset: m[1] as Gs1Charset,
    minLength: m[2] ? 1 : n,
    maxLength: n,
    optional,
    check: check === 'csum' || check === 'yymmd0' || check === 'yymmdd' ? check : null,
  }
}

// Trade and logistic measures 310n–369n (n = implied decimal places 0–5), all `* N6`; only these
// three-digit prefixes are defined (dictionary lines 3100-3105 … 3690-3695).
const MEASURE_PREFIXES = [
  [310, 316],
  [320, 337],
  [340, 357],
  [360, 369],
] as const

function dictionaryLines(): string[] {
  const lines = DICTIONARY.split('\n')
  for (const [from, to] of MEASURE_PREFIXES) {
    for (let p = from; p <= to; p++) lines.push(`${p}0-${p}5 * N6 # MEASURE`)
  }
  return lines
}

function buildTable(): ReadonlyMap<string, Gs1AiSpec> {
  const table = new Map<string, Gs1AiSpec>()
  for (const line of dictionaryLines()) {
    const m = /^(\d+)(?:-(\d+))?\s+(\*\s+)?([^#]+?)\s*#\s*(.*)$/.exec(line)
    if (!m) continue
    const components = m[4]!.split(/\s+/).map(parseComponent)
    const minLength = components.reduce((n, c) => n + (c.optional ? 0 : c.minLength), 0)
    const maxLength = components.reduce((n, c) => n + c.maxLength, 0)
    const first = m[1]!
    const last = m[2] ?? first
    for (let v = Number(first); v <= Number(last); v++) {
      const ai = String(v).padStart(first.length, '0')
      table.set(ai, { ai, title: m[5]!.trim(), predefinedLength: Boolean(m[3]), components, minLength, maxLength })
    }
  }
  return table
}

const TABLE = buildTable()

/** The AI spec whose number starts `data` at `offset` (AIs are 2–4 digits and prefix-free), or null. */
export function matchAi(data: string, offset = 0): Gs1AiSpec | null {
  for (const length of [2, 3, 4]) {
    const spec = TABLE.get(data.slice(offset, offset + length))
    if (spec) return spec
  }
  return null
}

export function getAiSpec(ai: string): Gs1AiSpec | null {
  return TABLE.get(ai) ?? null
}
