"""Word lists the extraction rules use: general English for political news, nothing article-specific."""
from __future__ import annotations

# Words that make up a post's title before a name ("Prime Minister", "Foreign Secretary").
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "ambassador", "chancellor", "premier",
    "foreign", "trade", "commerce", "defence", "defense", "finance", "deputy", "general", "senator",
    "representative", "rep", "sen", "king", "queen", "crown", "prince", "princess", "envoy", "special",
    "commissioner", "chairman", "chairwoman", "chair", "governor", "mayor", "spokesperson", "spokesman",
    "spokeswoman", "state", "adviser", "advisor", "security", "national", "director", "chief", "executive",
    "leader", "speaker", "economy", "economic", "energy", "climate", "treasury", "interior", "home",
    "affairs", "external", "industry", "digital", "health", "environment", "agriculture", "justice",
    "coordinator", "counselor", "counsellor", "emir", "crown-prince", "high", "supreme",
    "first", "lady", "pope", "cardinal", "archbishop", "ceo", "chairperson", "commander",
    "admiral", "gen", "lt", "colonel", "army", "navy", "brig", "col", "maj", "capt", "sgt", "cmdr", "cdr", "amb",
    "minister-president", "mr", "mrs", "ms", "dr",
    "acting", "former", "assistant", "under", "undersecretary", "attorney", "central", "bank", "governor",
    "international", "cooperation", "development", "science", "technology", "transport", "labour", "labor",
    "house", "senate", "majority", "minority", "whip", "parliamentary", "party", "union", "european",
    "commission", "council", "prosecutor", "judge", "justice", "lawmaker", "congressman", "congresswoman",
    "indo-pacific", "pacific", "asia", "policy", "negotiator", "chief", "officer", "head", "top", "senior",
}
# Honorifics that are not posts.
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "sheikh", "sheikha"}
# Role modifiers that change which post is meant ("Vice President" is not "President").
ROLE_MODIFIERS = {"vice", "deputy", "assistant", "under", "prime", "first", "acting", "former", "crown", "undersecretary"}

# Heads of descriptions that denote a person holding a post ("the trade minister", "a senior official").
PERSON_NOUNS = {
    "official", "officials", "minister", "president", "leader", "premier", "chancellor", "ambassador",
    "envoy", "diplomat", "diplomats", "spokesperson", "spokesman", "spokeswoman", "secretary",
    "negotiator", "adviser", "advisor", "commissioner", "representative", "counterpart", "aide",
    "lawmaker", "senator", "governor", "mayor", "king", "queen", "prince", "emir", "chief", "executive",
    "director", "chairman", "chairwoman", "chair", "head", "coordinator", "prosecutor", "general",
    "officer", "man", "woman", "author", "analyst", "economist", "expert", "counsellor", "counselor", "ruler",
}
# Words for unnamed sources besides the posts above ("people involved in the talks").
SOURCE_NOUNS = {"people", "person", "source", "sources"}
# Descriptions of unidentified sources: kept anonymous, never made into named people.
ANONYMOUS_PATTERNS = (
    "people familiar with", "person familiar with", "sources familiar with", "source familiar with",
    "people briefed on", "person briefed on", "people with knowledge", "person with knowledge",
    "sources", "a source", "one source", "insiders", "an insider", "people close to", "a person close to",
    "diplomatic sources", "officials who", "an official who", "people involved", "a person involved",
)
# Plural nouns for collective sources that speak as a body without a name: "Rights groups
# said", "Aid agencies warned", "Industry figures said".
SOURCE_GROUP_NOUNS = {"group", "charity", "agency", "organisation", "organization", "campaigner", "activist",
                      "figure", "advocate", "critic", "lawmaker", "legislator", "union", "association",
                      "watchdog", "ngo", "ngos", "environmentalist", "scientist", "researcher", "trader", "investor"}
# Plural descriptions that refer back to the last pair of people ("the two leaders").
GROUP_ANAPHORS = {"the two leaders", "both leaders", "the two men", "the two women", "the pair",
                  "the leaders", "the two sides", "both sides", "the two presidents", "the two ministers",
                  "the two", "they", "their"}

# "the three countries", "both nations": a counted group of countries named earlier.
COUNTRY_GROUP_NOUNS = {"country", "nation", "government", "state", "ally", "partner", "capital", "economy"}
NUMBER_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "2": 2, "3": 3, "4": 4}

# Verbs that introduce speech.
REPORTING_VERBS = {
    "say", "tell", "state", "add", "note", "stress", "warn", "insist", "argue", "explain", "write",
    "announce", "declare", "claim", "indicate", "suggest", "acknowledge", "admit", "confirm", "deny",
    "reiterate", "emphasize", "emphasise", "complain", "predict", "vow", "pledge", "urge", "reply",
    "respond", "remark", "assert", "contend", "caution", "signal", "tweet", "post", "observe",
    "concede", "maintain", "allege", "point", "underline", "underscore", "highlight", "recall", "report",
    "promise", "hint", "disclose", "reveal", "repeat", "counter", "comment", "describe", "call", "ask",
}
# Of those, the ones that need a clause or quote to count as speech ("call" needs "called for").
WEAK_REPORTING = {"call", "describe", "point", "post", "report", "recall", "highlight", "signal", "urge", "vow",
                  "pledge", "promise", "complain", "add", "ask"}

# Speech acts whose report, relayed by a spokesperson, is the actor's own statement.
RELAY_VERBS = {"urge", "tell", "warn", "ask", "assure", "promise", "pledge", "insist", "press", "call", "raise",
               "express", "voice", "stress", "reiterate", "propose", "demand", "complain", "criticise", "criticize",
               "describe", "reject", "refute", "dismiss"}
# Appeals reported as speech: "urged Berlin to reconsider", "called on Israel to ...".
APPEAL_VERBS = {"urge", "press", "call", "implore", "exhort"}

# Exchange triggers.
MEETING_VERBS = {
    "meet": "meeting", "discuss": "meeting", "talk": "talks", "speak": "call", "negotiate": "talks",
    "consult": "talks", "confer": "meeting", "host": "meeting", "receive": "meeting", "welcome": "meeting",
    "visit": "visit", "call": "call", "phone": "call", "telephone": "call", "sign": "signing",
    "write": "letter", "raise": "meeting", "agree": "talks", "hold": None, "have": None,
    "summon": "meeting",    # "the foreign ministry summoned the Canadian ambassador"
    "initial": "signing",   # "the foreign ministers initialled the text of a peace treaty"
    "greet": "meeting",     # "Biden and Harris greeted the freed Americans at Joint Base Andrews"
    "shuttle": "talks",     # "the mediator shuttled between the two delegations" (each side apart)
    "dine": "meeting", "din": "meeting", "lunch": "meeting",   # the small model lemmatises "dined" as "din"
}
MEETING_NOUNS = {
    "meeting": "meeting", "meetings": "meeting", "talks": "talks", "talk": "talks", "call": "call",
    "calls": "call", "phone call": "call", "conversation": "call", "conversations": "call",
    "visit": "visit", "trip": "visit", "summit": "summit", "consultations": "talks", "consultation": "talks",
    "negotiations": "talks", "negotiation": "talks", "discussions": "talks", "discussion": "talks",
    "dialogue": "talks", "letter": "letter", "videoconference": "call", "video call": "call",
    "teleconference": "call", "sit-down": "meeting", "bilateral": "meeting", "meet": "meeting",
    "exchange": "talks", "signing": "signing", "session": "meeting", "encounter": "meeting",
    "lunch": "meeting", "dinner": "meeting", "breakfast": "meeting", "banquet": "meeting", "luncheon": "meeting",
    "tea": "meeting",       # "she also had tea with King Charles III at Windsor Castle"
}
# Verbs that mark a trigger as not (yet) having happened.
PLAN_VERBS = {"plan", "expect", "schedule", "hope", "intend", "aim", "seek", "want", "agree", "prepare",
              "propose", "invite", "set", "due", "slate", "arrange", "try", "will", "offer",
              "hop"}     # the small model lemmatises "hoped" as "hop"
# "was prepared to speak with X", "is ready to meet": a disposition, not an exchange that happened.
DISPOSITION_ADJECTIVES = {"prepared", "ready", "willing", "eager", "keen", "open", "unwilling", "reluctant", "likely", "unlikely"}
# Verbs by which an exchange did not happen: "refused to meet", "rejected a request for talks".
REFUSAL_VERBS = {"refuse", "decline", "fail", "reject", "rebuff", "snub", "shun", "avoid", "skip", "boycott",
                 "spurn", "deny"}
# Verbs of taking part, whose negation denies the exchange: "did not take part in the talks".
PARTICIPATION_VERBS = {"take", "attend", "join", "hold", "have", "participate", "secure", "get", "arrange", "meet"}
CANCEL_VERBS = {"cancel", "postpone", "scrap", "delay", "suspend", "call off", "abandon", "shelve", "drop"}
# Modals under which an exchange is not (yet) held: futures, possibilities and demands
# ("Iran must accept direct talks", "they should meet").
MODAL_FUTURE = {"will", "would", "shall", "may", "might", "could", "'ll", "wo", "ca", "must", "should"}
PLAN_ADJECTIVES = {"upcoming", "planned", "proposed", "scheduled", "expected", "possible", "potential",
                   "next", "future", "forthcoming", "prospective"}
# Nouns for speech events ("in an interview", "at a think-tank event") that are not exchanges between actors.
NON_EXCHANGE_CONTEXT = {"interview", "event", "conference", "briefing", "speech", "forum", "statement"}

# Anaphoric topic nouns: "discussed the issue" refers back to the topic under discussion.
ANAPHORIC_TOPICS = {"topic", "issue", "matter", "subject", "question", "it", "this", "that", "proposal", "plan",
                    "text", "document",   # "endorsed the text": the agreement told of, not a topic
                    "name", "signature",  # "put their names to the agreement"
                    "message"}            # "carried the same message to Xi": what it said is told elsewhere

# Policy measures by trigger lemma.
MEASURE_NOUNS = {
    "export control": "export-control", "export controls": "export-control", "control": "export-control",
    "export restriction": "export-control", "export ban": "export-control", "export curb": "export-control",
    "restriction": "export-control", "curb": "export-control",
    "sanction": "sanction", "embargo": "sanction", "asset freeze": "sanction", "blacklist": "sanction",
    "price cap": "sanction", "entity list": "export-control",
    "tariff": "tariff", "duty": "tariff", "levy": "tariff", "anti-dumping": "tariff",
    "subsidy": "subsidy", "tax credit": "subsidy", "grant": "subsidy", "incentive": "subsidy",
    "agreement": "agreement", "deal": "agreement", "accord": "agreement", "pact": "agreement",
    "treaty": "agreement", "framework": "agreement", "partnership": "agreement", "memorandum": "agreement",
    "ban": "measure", "law": "measure", "act": "measure", "regulation": "measure", "rule": "measure",
}
MEASURE_VERBS_ISSUE = {"publish", "impose", "announce", "introduce", "adopt", "unveil", "approve", "sign",
                       "extend", "expand", "tighten", "enact", "issue", "pass", "implement", "roll", "slap",
                       "levy", "place", "put", "agree", "reach", "strike", "conclude", "finalise", "finalize",
                       "launch", "offer", "provide", "broaden", "widen", "renew", "raise", "increase"}
MEASURE_VERBS_PLAN = {"propose", "consider", "plan", "weigh", "threaten", "prepare", "draft", "study", "mull"}
