/**
 * Where a licence applies. The 249 officially assigned ISO 3166-1 alpha-2 codes, plus `EU`: ISO reserves
 * it "exceptionally" and RSL 1.0's schema (Appendix A, `geoToken`) accepts it, and "only in the EU" is a
 * choice people actually make. A code list rather than `Intl.DisplayNames` alone: that also names
 * retired and private-use codes (`SU`, `XK`, `QO`), which no licence reader would understand.
 */
const ASSIGNED =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW ' +
  'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
  'FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN ' +
  'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
  'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF ' +
  'PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE ' +
  'YT ZA ZM ZW';

/** Every code `geo` accepts, uppercase. */
export const GEO_CODES: ReadonlySet<string> = new Set([...ASSIGNED.split(' '), 'EU']);

/** Whether `code` (exactly, uppercase) is a country or region a licence can be limited to. */
export function isGeoCode(code: string): boolean {
  return GEO_CODES.has(code);
}

let names: Intl.DisplayNames | null | undefined;

/**
 * A place's English name, or its code where the runtime has no names (Intl.DisplayNames is missing in
 * some embedded runtimes and small-ICU builds).
 * @example countryName('DE') // 'Germany'
 */
export function countryName(code: string): string {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    } catch {
      names = null;
    }
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}
