import type { Cue } from '../cues';
import type { EvidenceKind } from '../evidence';
import { normaliseWord } from './tokenize';
import type { LexiconEntry } from './types';

/**
 * Steady's own phrase lexicons: general English vocabulary for anger, fear,
 * sadness, hopelessness, money worries, tears, blame, demands, threats, abuse
 * and self-harm. Kept general on purpose (no words picked from individual
 * labelled rows) because the detector is judged on calls we never see.
 *
 * Weights: about 0.5 is a clear word that on its own should reach "rising";
 * about 0.3 is a moderate word that needs company; about 0.15 is a faint hint.
 */
function group(cue: Cue, kind: EvidenceKind, weight: number, phrases: string, insult = false): LexiconEntry[] {
  return phrases
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((phrase) => (insult ? { phrase, cue, kind, weight, insult } : { phrase, cue, kind, weight }));
}

const H = 'hostility';
const D = 'distress';

export const BUILTIN_LEXICON: readonly LexiconEntry[] = [
  // Anger and exasperation.
  ...group(H, 'anger', 0.55, `angry|angrier|angriest|anger|angered|angrily|furious|furiously|livid|fuming|seething|outraged|outrage|enraged|enraging|rage|raging|
    infuriating|infuriated|infuriates|pissed|pissed off|pisses me off|piss me off|pissing me off|hate|hated|hates|hating|hatred|despise|despised|loathe|loathed|
    disgusting|disgusted|disgust|disgusts|revolting|repulsive|vile|appalling|appalled|how dare|unacceptable|ridiculous|ludicrous|absurd|outrageous|
    disgrace|disgraceful|shameful|sick of|sick and tired|fed up|had enough|annoyed|annoying|annoys|annoyance|irritating|irritated|irritates|
    aggravating|aggravated|infuriate|resent|resentful|bitter|hostile|contempt|scum|gross|grossed out|makes me sick|drives me crazy|driving me crazy|
    drives me mad|driving me mad|driving me nuts|do not care|cant stand|cannot stand|sick of this|this is a joke|are you kidding me|are you serious|
    what the hell|what the fuck|wtf|for gods sake|for fucks sake|ffs|screw this|screw that|give me a break|enough is enough`),
  ...group(H, 'anger', 0.35, `mad|frustrated|frustrating|frustration|frustrates|useless|pathetic|incompetent|worthless|rubbish|garbage|trash|nonsense|
    ugh|grr|ew|eww|yuck|worst|sucks|sucked|suck|shut up|go away|get lost|nobody asked|who cares|
    stop it|cut it out|unbelievable|unreal|ignorant|arrogant|rude|disrespectful|selfish|entitled|hypocrite|hypocritical|lazy|liar|liars|lying|lied|
    fraud|scam|scammed|ripped off|rip off|cheated|cheat|cheating|stole|stealing|robbed|robbery|blame|blaming|stupid|dumb|idiotic|moronic|brainless|
    clueless|waste of time|wasting my time|waste of money|damn it|dammit|goddammit|bloody hell|yelling|shouting|screaming`),
  ...group(H, 'anger', 0.45, `idiot|idiots|moron|morons|imbecile|fool|fools|loser|losers|clown|clowns|jerk|jerks|creep|scumbag|bastard|bastards|
    asshole|assholes|arsehole|arseholes|dickhead|dick|douche|douchebag|prick|twat|wanker|bitch|bitches|cunt|piece of shit|piece of crap|trash human|pig|pigs|
    retard|retarded|dumbass|dipshit|shithead|numpty|muppet`, true),
  ...group(H, 'anger', 0.45, `irritate|irritates me|bothers me|bugs me|gets on my nerves|get on my nerves|getting on my nerves|hate it when|insulting|insult|
    offended|offensive|obnoxious|condescending|patronising|patronizing|unprofessional|inexcusable|unforgivable|sickening|shameless|spiteful|nasty|
    vicious|cruel|abusive|harassment|harassing|bullying|bully|greedy|crooks|thieves|incompetence|negligent|negligence|not fair|so unfair|unfair|
    injustice|peeved|irked|wound up|hacked off|cheesed off|steaming|fed up with|up to here|last straw|the last straw|beyond a joke|cringe|cringey|cringy|
    toxic|petty|smh|seriously what|grrr|argh|dishonest|corrupt|evil|damn you|hate you|hate this|hate that|hate them`),
  // Sarcasm that reads as praise word by word.
  ...group(H, 'anger', 0.5, `great just great|brilliant just brilliant|fantastic just fantastic|perfect just perfect|thanks for nothing`),
  ...group(H, 'anger', 0.3, `just great|just brilliant|just perfect|just what i needed|yeah right|oh brilliant|oh wonderful`),
  // Polite idioms built on strong words: "I hate to bother you" is courtesy, not anger.
  // "hate to" + a verb is an apology in advance, whatever the verb ("I hate to do this to you"); "hate it" and "hate that" stay anger.
  ...group(H, 'anger', 0.05, `hate to|i'd hate to|would hate to|hate to be a pain|sorry to bother`),
  // Idioms that open with blame words but blame nobody.
  ...group(H, 'blame', 0.02, `you never know|you never can tell|you always know|you never believe`),
  // Profanity, graded by strength the way broadcasting regulators rank swear words (strong, medium, mild):
  // only the strongest carry heat on their own; milder ones are a hint that needs company (people swear
  // happily too). On GoEmotions one flat weight of 0.3 for all of them gave hostility F1 0.482 (dev) and 0.462 (train);
  // graded, 0.509 and 0.481, with fewer false alerts. DailyDialog did not change.
  ...group(H, 'profanity', 0.35, `fuck|fucks|fucked|fucking|fuckin|fking|motherfucker|motherfucking`),
  ...group(H, 'profanity', 0.25, `shit|shits|shitty|bullshit|goddamn|goddamned|piss|pissy|bollocks`),
  ...group(H, 'profanity', 0.15, `crap|crappy|damn|damned|bloody|hell|ass|arse|bugger|sod|sodding|frigging|freaking|effing`),
  // Blame aimed at the organisation or the agent.
  ...group(H, 'blame', 0.35, `you people|your fault|you lot|you guys never|you never|you always|you lied|you lie|you've ruined|you ruined|you dont care|
    you dont listen|youre not listening|you are not listening|you dont understand|you promised|your useless|your stupid|
    blame you|its your fault|it's your fault|thanks to you|because of you|you screwed|you messed up|you made a mistake|your mistake|your problem|
    who do you think you are|do your job|doing your job|you should be ashamed|shame on you|no thanks to you`),
  // Demands: a need pushed hard.
  ...group(H, 'demand', 0.25, `i demand|i want to speak to|speak to your manager|speak to a manager|speak to someone else|get me your manager|
    put me through|your supervisor|i want it now|right now|immediately|sort it out|fix it now|i want a refund|give me my money|give me a refund|
    i want my money back|i insist|not good enough|do something|i expect|this instant|straight away|once and for all`),
  // Service frustration as callers put it.
  ...group(H, 'anger', 0.35, `absolute joke|complete joke|what a joke|third time|fourth time|every single time|keep getting passed around|pillar to post|
    going round in circles|going around in circles|nobody gets back to me|no one gets back to me|nobody called me back|no one called me back|
    never called me back|still waiting|been waiting for weeks|been waiting for months|on hold for ages|on hold for an hour|nobody knows anything|
    no one knows anything|sick to death of|had it up to here`),
  ...group(H, 'demand', 0.3, `i want to make a complaint|make a formal complaint|formal complaint|i want to complain|cancel my account|close my account|
    take my business elsewhere|switching provider|switch provider|i'm leaving|escalate this|escalate it`),
  // Naming an adviser or the ombudsman is a customer using their rights, not a threat: a weak escalation signal only.
  ...group(H, 'demand', 0.15, `my lawyer|my solicitor|my attorney|ombudsman|legal advice`),
  // Threats: legal, reputational or physical. These jump straight to high.
  ...group(H, 'threat', 0.9, `i'll report you|i will report you|im reporting you|report you|i'll sue|i will sue|im going to sue|gonna sue|sue you|suing you|
    see you in court|take you to court|taking you to court|get you fired|have you fired|your job is on the line|
    you will regret|youll regret|youre going to regret|i'll make sure you|i'll find you|i know where you|watch your back|youd better watch|i'll hurt you|
    i'll kill you|kill you|beat you|smash your|i'll come down there|im coming down there|burn it down|i'll destroy you|i'll ruin you|i'll go to the media|
    go to the press|going to the papers`),
  // Abuse aimed at the agent (bare insults above become abuse when aimed with "you"/"your").
  ...group(H, 'abuse', 0.9, `fuck you|fuck off|screw you|go to hell|go fuck yourself|piss off|bugger off|sod off|shut your mouth|shut the fuck up|
    up yours|eat shit|drop dead|kiss my ass|get stuffed`),

  // Fear and worry.
  ...group(D, 'fear', 0.5, `scared|afraid|frightened|frightening|terrified|terrifying|terrify|fear|fears|fearful|feared|panic|panicking|panicked|panicky|
    anxious|anxiety|nervous|nervously|worried|worrying|worry|worries|worrisome|stressed|stress|stressful|stressing|freaking out|freaked out|
    freak out|dread|dreading|dreaded|horrified|horrifying|horror|scary|spooked|uneasy|on edge|overwhelmed|overwhelming|desperate|desperately|
    helpless|petrified|alarmed|alarming|shaking|trembling|cant sleep|cant breathe|dont know what to do|what am i going to do|what do i do|
    what will i do|losing my mind|going crazy|nightmare|threatened|unsafe|in danger|danger|dangerous|at risk|insecure|apprehensive|tense`),
  ...group(D, 'fear', 0.15, `concerned|concern|concerning|unsure|uncertain|risky|awkward|embarrassed|embarrassing|ashamed|guilty|guilt`),
  // Courtesy built on fear words: "I'm afraid that's not possible" is politeness, not fear; "afraid of" is fear.
  ...group(D, 'fear', 0.05, `i'm afraid|i am afraid|afraid so|afraid not|sorry to hear|no worries|not to worry`),
  // "Stress" as emphasis ("I'd like to stress that"), not strain.
  ...group(D, 'fear', 0.02, `stress that|to stress|must stress|stressed that|stresses that|stress the|stressed the|stress how`),
  // "Suffer from" names a condition (backache, hay fever) more often than a feeling; "suffering" alone stays sadness.
  ...group(D, 'sadness', 0.1, `suffer from|suffers from|suffered from|suffering from`),
  ...group(D, 'fear', 0.5, `i'm afraid of|i am afraid of|afraid of|i'm afraid to|i am afraid to`),
  ...group(D, 'fear', 0.5, `worried sick|beside myself|distraught|shaken|shook up|traumatised|traumatized|trauma|nervous wreck|jittery|paranoid|
    phobia|insomnia|stressed out|so stressed|anxiety attack|panic attack|scares me|scared me|frightens me|terrifies me|worries me|freaks me out`),
  ...group(D, 'sadness', 0.5, `in bits|heartache|isolated|abandoned|sorrowful|mournful|gloomy|feeling down|feeling low|feel down|feel low|down in the dumps|
    nervous breakdown|shattered|grief stricken|grieving|lost my mum|lost my mom|lost my dad|lost my husband|lost my wife|lost my son|
    lost my daughter|lost my partner|lost my baby|passed on|no one to talk to|nobody to talk to|cant stop thinking|cry myself`),
  // Alone can be a plain fact ("I'll have tea by myself") as well as loneliness: a hint only.
  ...group(D, 'sadness', 0.15, `on my own|by myself`),
  // "Passed on" with an object is handing over ("passed on your details"), not a death; "give up" with an object is letting go of a thing.
  ...group(D, 'sadness', 0.02, `passed on your|passed on the|passed on a|passed on my|passed on his|passed on her|passed on their|passed on it|passed on this|passed on that|passed on to|passed on the message`),
  ...group(D, 'hopelessness', 0.05, `give up your|give up the|give up a|give up their|give up his|give up her|give up this|give up that|give up smoking|give up drinking|give up sugar`),
  // Things break down and get broken all day in a service call; people only sometimes do.
  ...group(D, 'tears', 0.6, `broke down in tears|broke down crying|breaking down in tears|break down in tears|i broke down|i'm breaking down`),
  ...group(D, 'sadness', 0.5, `mental breakdown|heart is broken|broken heart|feel broken|i'm broken|i am broken|i feel so broken`),
  ...group(D, 'financial', 0.35, `i'm broke|i am broke|we're broke|we are broke|flat broke|stone broke|so broke`),
  // Idioms of eagerness built on death words: "dying to see it", "I'd kill for a coffee".
  ...group(D, 'sadness', 0.02, `dying to|dying for|to die for|killing it|killed it|dead easy|dead good`),
  ...group(H, 'anger', 0.02, `kill for|i'd kill for|would kill for|killing it|killed it|dying to|dying for`),
  // Sadness and grief.
  ...group(D, 'sadness', 0.5, `sad|sadder|saddest|sadly|sadness|unhappy|misery|depressed|depressing|depression|heartbroken|heartbreaking|
    heartbreak|broke my heart|breaks my heart|broken hearted|devastated|devastating|devastation|grief|grieve|mourning|mourn|lonely|loneliness|
    sorrow|tragic|tragedy|passed away|gutted|crushed|despair|suffering|suffer|suffered|hurts|hurting|hurt so much|painful|agony|
    feel awful|feel terrible|feel horrible|feel so bad|feel bad|feel like crap|feel like shit|feel empty|feel alone|all alone|so alone|
    i miss|miss her|miss him|miss them|miss you|missing her|missing him|rest in peace|sorry for your loss|condolences|
    bereavement`),
  ...group(D, 'sadness', 0.3, `hurt|pain|died|loss|regret|regrets|exhausted|drained|struggling|hard time|tough time|rough time|bad day|worst day|
    rip|unfortunate|poor thing|dying|funeral|bereaved|grieving family`),
  ...group(D, 'sadness', 0.15, `dies|death|dead|lost|alone|sorry|tired|struggle|struggled|sick|ill|illness|hospital|diagnosed|disabled|disability|
    bad news|poor|homeless|cancer|terminal|widow|widowed|orphan|disappointed|disappointing|disappointment|let down|unfortunately`),
  // General misery that may be either cue: counted for both, moderately.
  ...group(D, 'sadness', 0.3, `awful|horrible|terrible|upset|upsetting|miserable|pointless`),
  ...group(H, 'anger', 0.3, `awful|horrible|terrible|upset|upsetting|miserable|pointless|creepy|tired of|sick of it`),
  // Hopelessness.
  ...group(D, 'hopelessness', 0.6, `cant cope|cannot cope|not coping|cant take it|cant take this|cant take it anymore|cant do this anymore|cant go on|cannot go on|
    whats the point|what is the point|no point|theres no point|dont see the point|cant see the point|dont see any point|see no point|hopeless|no hope|lost hope|losing hope|give up|giving up|gave up|given up|
    i give up|no way out|at the end of my rope|end of my tether|at my wits end|nothing left|nobody cares|no one cares|noone cares|
    nobody helps|no one will help|nobody will help|worthless|useless to everyone|a burden|im a burden|ive failed|ruined my life|
    life is over|my life is over|everything is falling apart|at rock bottom|rock bottom|no idea what to do`),
  ...group(D, 'hopelessness', 0.2, `stuck|trapped|failure|i failed|falling apart`),
  // Money trouble: hardship that raises the stakes of the call.
  ...group(D, 'financial', 0.35, `cant afford|cannot afford|couldnt afford|cant pay|cannot pay|unable to pay|cant make rent|cant make the payment|
    behind on|behind with|in arrears|arrears|in debt|debt|debts|overdrawn|overdraft|bailiffs|debt collectors|eviction|evicted|evict|repossession|
    repossessed|foreclosure|food bank|cut off|disconnected|disconnection|no money|lost my job|laid off|made redundant|redundancy|unemployed|
    out of work|lost my income|on benefits|pension wont cover|living paycheck to paycheck|paycheck to paycheck|payday loan|bankrupt|bankruptcy|
    hardship|skint|cant feed|feed my kids|struggling to pay|struggling financially|money is tight`),
  // Offers and deals, not hardship: "no money off this month", "no money down".
  ...group(D, 'financial', 0.02, `no money off|no money down|no money needed up front`),
  // Hardship as callers put it: the money, the home, the family.
  ...group(D, 'financial', 0.35, `how am i going to pay|how will i pay|don't know how i'm going to pay|can't keep up with|keep up with the payments|
    falling behind|fallen behind|got behind|final notice|final demand|red letter|court letter|debt collector|going to cut me off|cut me off|
    cut off my|no heating|no electricity|no gas|no food|kids are hungry|medical bills|lose the house|losing my home|lost my home|
    lose my home|losing the house|behind on my rent|behind on the rent|behind on my mortgage|rent arrears|mortgage arrears|universal credit|on the dole`),
  ...group(D, 'sadness', 0.35, `my husband died|my wife died|my mum died|my mom died|my dad died|my son died|my daughter died|my partner died|
    passed away recently|just passed away|on my own with the kids|single mum|single mom`),
  // What callers tell of their health, their needs and the people they care for: each asks the agent to slow down,
  // note it (with consent) and adjust, even said calmly.
  ...group(D, 'vulnerability', 0.35, `having chemo|on chemo|chemotherapy|radiotherapy|on dialysis|in and out of hospital|been in hospital|
    just been diagnosed|been diagnosed with|terminally ill|in a hospice|in hospice|caring for my|i care for my|i'm a carer|i am a carer|full time carer|
    i'm disabled|i am disabled|registered disabled|my disability|my disabilities|disabled son|disabled daughter|disabled child|disabled husband|
    disabled wife|in a wheelchair|wheelchair user|housebound|have dementia|has dementia|with dementia|alzheimer's|partially sighted|registered blind|
    visually impaired|i'm blind|i am blind|hard of hearing|i'm deaf|i am deaf|hearing aid|learning disability|learning disabilities|
    learning difficulties|i'm autistic|i am autistic|has autism|have autism|got autism|dyslexic|dyslexia|mental health problems|mental health issues|
    my mental health|bipolar|schizophrenia|ptsd|english isn't my first language|english is not my first language|my english isn't good|
    my english is not good|can't read very well|cannot read very well|can't read or write|struggle to read|trouble reading|domestic abuse|domestic violence|coercive control|financial abuse|economic abuse`),
  // Tears.
  ...group(D, 'tears', 0.6, `crying|cry|cried|cries|tears|in tears|sobbing|sob|sobs|weeping|weep|wept|cant stop crying|
    choked up|tearing up|teared up|tearful|teary|bawling|bawled|welling up`),

  // Self-harm and suicide: safety. Never smoothed, never held back.
  ...group('safety', 'selfharm', 1.0, `kill myself|killing myself|kms|end my life|ending my life|end it all|take my own life|taking my own life|
    suicide|suicidal|want to die|wanna die|wish i was dead|wish i were dead|better off dead|better off without me|no reason to live|
    dont want to live|dont want to be alive|dont want to be here anymore|hurt myself|hurting myself|harm myself|harming myself|self harm|selfharm|
    cut myself|cutting myself|not worth living|overdose|jump off a bridge|end things|ending things|not be around much longer|wont be around much longer|
    taken too many pills|took too many pills|taken all my pills|took all my pills|taken some pills|took a handful of pills|taken a handful of pills|
    sleep and not wake up|sleep and never wake up|hope i dont wake up|wish i wouldnt wake up|never want to wake up|want it all to stop|
    want it all to end|make it all stop|want to disappear|disappear forever|nothing to live for|no point living|no point in living|rather be dead`),

];

/** Words that turn the next few words around ("not angry", "never worried"). Normalised without apostrophes. */
export const NEGATORS: ReadonlySet<string> = new Set(
  [
  'not', 'no', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'cant', 'cannot', 'wont', 'wouldnt',
  'shouldnt', 'couldnt', 'aint', 'hardly', 'barely', 'without', 'neither', 'nor', 'nothing', 'nobody', 'havent', 'hasnt', 'hadnt',
  ].map(normaliseWord),
);

/** Words that make the next word stronger ("so angry", "really worried"). */
export const INTENSIFIERS: ReadonlySet<string> = new Set([
  'so', 'really', 'very', 'extremely', 'absolutely', 'totally', 'completely', 'utterly', 'incredibly', 'seriously', 'super', 'too',
  'truly', 'deeply', 'terribly', 'awfully', 'beyond', 'such', 'fucking', 'bloody', 'damn', 'freaking', 'insanely', 'massively', 'hugely', 'genuinely',
]);

/** Negation stops at these: "not because I'm angry" is rare, "isn't fixed and I'm angry" is common. */
export const CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'but', 'if', 'because', 'so', 'when', 'or', 'then', 'unless', 'until', 'though', 'although']);

/** Words that open a clause with its own subject. */
export const SUBJECTS: ReadonlySet<string> = new Set(
  ['i', "i'll", "i'm", "i've", "i'd", 'we', "we'll", "we're", 'you', "you're", "you'll", 'he', 'she', 'they', "they're"].map(normaliseWord),
);

/** Words that soften the next word ("a bit annoying", "slightly worried"). Single words only: the scorer looks back one word at a time. */
export const DOWNTONERS: ReadonlySet<string> = new Set(['bit', 'little', 'slightly', 'somewhat', 'mildly', 'kinda', 'abit', 'fairly', 'rather']);

/** "you", "you're", "your": an insult after one of these is aimed at the listener. */
export const ADDRESS_WORDS: ReadonlySet<string> = new Set(['you', 'youre', 'your', 'ur', 'u', 'yours', 'yourself'].map(normaliseWord));
