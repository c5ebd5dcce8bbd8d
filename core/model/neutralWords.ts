/**
 * Words that carry no feeling by themselves: the words of ordinary service
 * talk, function words, bare negations ("don't", "can't") and everyday verbs.
 * A caller says them whether calm or upset. The model may weigh them, but they
 * are never shown as the reason for a card, because an agent shown "charged",
 * "sorry" or "don't" as the reason learns to ignore the cards.
 */
/**
 * The service part of those: what calls are about (accounts, bills, charges,
 * refunds). Callers say them calm or upset alike, so the model does not read
 * them at all: a complaint about a charge must be heard in how it is said, not
 * in the word "charged".
 */
export const SERVICE_WORDS: ReadonlySet<string> = new Set(
  `account accounts bill bills billing billed charge charged charges charging fee fees pay paid paying payment payments
  refund refunds refunded money price cost costs balance card bank credit debit order ordered delivery parcel package
  meter energy gas water electricity council insurance policy claim claims letter letters email form phone number
  address postcode reference details appointment booking technician engineer invoice statement tariff direct debit`.split(/\s+/).filter(Boolean),
);

/**
 * Courtesy said in one word. A caller asking "can I have the reference number please" is not pleading, yet in the
 * written sets the model learns from, "please" comes mostly in pleas ("please help me"), and by itself it scored a calm
 * request over the distress line. The model does not read it; a plea is still heard in the words around it.
 */
export const COURTESY_WORDS: ReadonlySet<string> = new Set(['please']);

/**
 * Hesitation. A recogniser gives "uh" or "um" as a turn of its own when a caller stops to think; such a turn says
 * nothing in words (the voice is read by the acoustic signals).
 */
export const HESITATIONS: ReadonlySet<string> = new Set(['uh', 'um', 'uhm', 'erm', 'er', 'hmm', 'mm', 'mhm']);

/**
 * Words that hold a sentence together and say nothing by themselves: what is left of "I can't log in to my account"
 * once the service phrase and word are unread ("i to my"), which read 0.43 for distress.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but so if then than that this these those there here it it's its is are was were be been am
  i i'm i've me my mine myself you your yours we us our they them their he she him her his
  to of in on at by for with from about into as just also`.split(/\s+/).filter(Boolean),
);

/** Words that carry no feeling by themselves in a service call, function words among them: never a reason shown. */
export const NEUTRAL_WORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  ...`being i'd i'll you're hers over under up down out off only very really quite too do does did done doing have has had
  having can could would should will shall may might must not no yes yeah ok okay what when where why how who which
  whom whose all any some every each more most much many one two three get got getting go going went gone come came
  make made take took say said tell told know knew think thought want need like well now still even again back way
  thing things something anything nothing everything account bill bills billing charge charged charges charging pay
  paid paying payment payments refund refunds money price cost costs fee fees balance card bank credit debit order
  ordered delivery parcel package phone call called calling number email letter form claim policy insurance meter
  energy gas water council sorry please thanks thank wrong accidentally mistake problem issue issues cancel cancelled
  cancellation time today yesterday tomorrow week month year day days minutes hours again already don't doesn't didn't
  can't cannot couldn't won't wouldn't shouldn't isn't aren't wasn't weren't haven't hasn't hadn't you've you'll you'd
  we're we've we'll they're they've they'll he's she's that's there's what's let's it'll that'll there'll gonna wanna
  gotta uh um because cause such stuff around without against unless especially sometimes enough seems seem feel put
  give keep let see look try trying ask speak talk talking use find making help received receive receiving arrived
  sent delivered reference password login address`.split(/\s+/).filter(Boolean),
]);

/** A turn of hesitation alone ("uh", "um"), or of words that say nothing by themselves: it says nothing in words. */
export function saysNothing(words: readonly string[]): boolean {
  if (words.length === 0) return false;
  for (const w of words) if (!HESITATIONS.has(w) && !FUNCTION_WORDS.has(w)) return false;
  return true;
}

export function isNeutralWord(word: string): boolean {
  return NEUTRAL_WORDS.has(word) || HESITATIONS.has(word);
}
