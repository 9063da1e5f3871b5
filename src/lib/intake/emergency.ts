/**
 * The emergency help a client sees the moment a safety answer says someone
 * may be in danger. Chosen by the client's time zone (the one place we know
 * roughly where they are); anywhere else, a generic line.
 */
export type EmergencyHelp = {
  /** "911", "112", "999", or null: "your local emergency number". */
  number: string | null;
  /** The US 988 Suicide & Crisis Lifeline (call or text). */
  lifeline988: boolean;
};

const US_ZONES = /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Adak|Boise|Detroit|Juneau|Sitka|Metlakatla|Nome|Yakutat|Menominee|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+)|Pacific\/Honolulu|US\/.+)$/;
const CANADA_ZONES =
  /^(America\/(Toronto|Vancouver|Edmonton|Winnipeg|Halifax|St_Johns|Regina|Moncton|Whitehorse|Yellowknife|Glace_Bay|Goose_Bay|Iqaluit|Rankin_Inlet|Resolute|Cambridge_Bay|Inuvik|Dawson|Dawson_Creek|Fort_Nelson|Creston|Swift_Current|Atikokan|Blanc-Sablon|Montreal)|Canada\/.+)$/;
const UK_ZONES = /^(Europe\/(London|Belfast)|GB)$/;
const EU_ZONES =
  /^(Europe\/(Amsterdam|Athens|Berlin|Bratislava|Brussels|Bucharest|Budapest|Busingen|Copenhagen|Dublin|Helsinki|Lisbon|Ljubljana|Luxembourg|Madrid|Malta|Mariehamn|Paris|Prague|Riga|Rome|Sofia|Stockholm|Tallinn|Vienna|Vilnius|Warsaw|Zagreb|Nicosia)|Atlantic\/(Canary|Madeira|Azores)|Asia\/(Nicosia|Famagusta)|Africa\/Ceuta)$/;

export function emergencyHelpFor(timeZone: string): EmergencyHelp {
  if (US_ZONES.test(timeZone)) return { number: "911", lifeline988: true };
  if (CANADA_ZONES.test(timeZone)) return { number: "911", lifeline988: false };
  if (UK_ZONES.test(timeZone)) return { number: "999", lifeline988: false };
  if (EU_ZONES.test(timeZone)) return { number: "112", lifeline988: false };
  return { number: null, lifeline988: false };
}
