"""What a lexicon entry does beyond matching: its role, a field of its own that admins see
and set in the criteria editor (``LexiconEntry.role`` and ``tells_service``).

Plain benign context (role "") cancels a red flag it stands near (``benign_scope``). An
entry of a role is read apart: a thing named cancels only a match that ends on its word, an
overseer bounds the act after it, and so on (``ROLES``). Whatever its role, benign context
beside a security service named plainly cancels it only when the entry tells what that
service is there for (``tells_service``: the subject of a film, a fire and rescue service).
An interception phrase may have one role (``PHRASE_ROLES``): reading a warrant made
optional, it reads nothing where its match says a warrant is required (``safeguards``).

Packs and database rows written before roles were fields had them set by how the entry's
source began (``role_from_source``): a pack entry without the fields is read so, and
migration 0017 set the rows' fields so. Those beginnings are frozen: a new role is a
field's value, never a source's beginning.
"""

from __future__ import annotations

BENIGN = "benign"  # the category of benign context (``lexicon`` takes it from here)

# Each role and what it cancels, in the words the criteria editor shows.
ROLES = {
    "": "Plain: cancels a red flag it stands near",
    "thing named": (
        "A thing named: cancels only a match ending on its word (“cámara frigorífica”, a cold "
        "room), or starting inside it"
    ),
    "idiom": "An idiom: cancels a match that starts or ends in it (“sans arrêt”, nonstop)",
    "channel": (
        "A channel a system sends its own messages by: as a thing named, unless the act is "
        "written right before it (“intercept the SMS alerts”)"
    ),
    "oversight": (
        "An overseer: bounds the act across the clauses after it (“audited by the data-protection"
        " authority”)"
    ),
    "measure": (
        "A machine’s state measured: the act is done to machines when its object stands before "
        "the means word"
    ),
    "other": (
        "Something other than a protected group (animals, vehicles, lost devices, patients): said"
        " beside a match naming a group, it changes nothing"
    ),
    "own object": (
        "An act with its own object, a trade or a machine (“investigative journalists”, “network "
        "monitoring”): cancels only the act read inside it"
    ),
    "thing held": "A thing held: cancels only the detention act it is the object of",
    "union's own": "A union’s own affairs (dues, payroll): bounds acts on its own members only",
    "group's own": (
        "A group’s own affairs (press accreditation at a press conference): done for the group"
    ),
    "agreed": (
        "Agreed with the workers’ union: bounds acts on other workers, not on union members or "
        "protected groups"
    ),
    "calls": (
        "Calls a contact centre holds or queues: bounds only the interception of calls, in a text"
        " naming no police or security service"
    ),
    "workplace": "Where the act is done (the office network, staff laptops), not whom to",
    "own mail": "A company’s data loss prevention: bounds only the interception of its own mail",
    "billing": "Billing: bounds only the keeping of call records",
    "compliance": (
        "A bank’s or a broker’s compliance recording: of its traders’ calls, never journalists’ "
        "or activists’"
    ),
    "own people": (
        "An NGO, a parish or a union wanting something for its own people, bounded by whom it "
        "goes to"
    ),
}
# Roles of other categories' phrases: (the category, what the role does).
WARRANT_MADE_OPTIONAL = "warrant made optional"
PHRASE_ROLES = {
    WARRANT_MADE_OPTIONAL: (
        "interception",
        "Reads a warrant made optional: reads nothing where its match says a warrant is "
        "required (“mandat judiciaire obligatoire … l'export PDF rendu facultatif”)",
    ),
}
# A role as the lexicon's list and a draft's changes name it: its description up to a colon.
ROLE_NAMES = {
    **{role: text.split(":")[0] for role, text in ROLES.items()},
    **{role: text.split(":")[0] for role, (_category, text) in PHRASE_ROLES.items()},
}
# The role only the lexicon gives, to the phrase a category's families compose (never an
# admin's: no such role may be saved): its targets tell where a text names a protected group.
COMPOSED = "composed from families"
TELLS_SERVICE = (
    "Tells what a security service named beside it is there for (a film or an archive about "
    "it, a fire and rescue service): only then may it cancel that service"
)

# The roles as sources set them (frozen), and why each is read apart:
# an overseer ("audited by the data-protection authority") bears on the act across the
# clauses after it; a machine's state measured ("using uptime checks") says what the act
# is done to (servers, not people) when the act's object stands before the means word.
# Animals, vehicles, lost devices, a site's visitors, patients in care, a service's price,
# faults on a line and emergency calls are something other than a protected group: said
# beside a match naming one ("locate protesters' phones, with the families' consent",
# "block the opposition websites in case of faults", "track the protesters' phones for the
# emergency services") they change nothing of whom the act is done to; beside a service or
# a region cut off, only inside the match ("cut the internet cost", not "cut the internet
# in the province … in case of faults").
# Words that read as an act together with what it is done to, when that is no person: a
# trade ("investigative journalists", "调查记者") or a machine ("network monitoring",
# "مراقبة الشبكة"). They cancel only a match whose act is one of their words and which ends
# inside them: the people named stand in them, or before them as the buyer ("the mosque
# buys Wi-Fi with network monitoring"); never an act beside them ("track investigative
# journalists") nor people after them ("monitor the network of mosques").
# A group's own affairs (its members' dues, the accreditation of the press at a press
# conference): a purpose naming one is done for the group ("工会会员名单用于从工资中扣除
# 会费"), not a pretext for an act on it.
ROUND_17_OTHER = ("suspicious transfers", "who is where")
KIND_SOURCES = {
    # A union's dues and payroll bound acts on its own members only (``union_own``).
    "Benign context (anchors): trade-union membership": "union's own",
    "Benign context (anchors): press accreditation": "group's own",
    "Benign context (names)": "own object",
    # A thing whose name holds a word the lexicon reads ("cámara frigorífica": a cold room,
    # not a camera) cancels only a match that ends on that word (``benign_scope.bears_on``).
    "Benign context (things)": "thing named",
    # An idiom holding a word the lexicon reads as an act ("sans arrêt": nonstop, "خارج
    # الموقع": off-site, "удалённая площадка": a remote site) cancels a match that ends or
    # starts on it, whatever group the match names: the word is no act there.
    "Benign context (idioms)": "idiom",
    # A channel a system sends its own messages by ("alertes SMS", "SMS reminders") cancels a
    # match ending on its word as a thing named does, unless the match's act is written
    # right before it ("intercept the SMS alerts"): then the channel is what it is done to.
    "Benign context (channels)": "channel",
    "Benign context (objects)": "own object",
    "Benign context (oversight)": "oversight",
    "Benign context (measures)": "measure",
    **dict.fromkeys(
        (
            "Benign context (kinds): animals",
            "Benign context (kinds): public transport",
            "Benign context (kinds): lost or stolen devices",
            "Benign context (kinds): web analytics",
            "Benign context (kinds): care of residents",
            "Benign context (kinds): the price of a service",
            "Benign context (kinds): faults located",
            "Benign context: emergency calls",
            # a bank's suspicious transfers, an evacuation roll call: never of protesters
            *(f"Benign context (round 17 wording): {w}" for w in ROUND_17_OTHER),
        ),
        "other",
    ),
    # A union's agreement to a safety system bounds acts on other workers only
    # (``benign_scope.bears_on``): not on union members, strikers or any protected group.
    "Benign context (round 17 wording): something agreed with the workers' union": "agreed",
    # Calls a contact centre holds or queues bound only the interception of calls, in a text
    # naming no police or security service: people sorted by the language they speak are
    # profiled whichever queue their calls go to.
    "Benign context: calls a contact centre": "calls",
    # Where the act is done (the office network, staff laptops), not whom to
    # (``benign_scope.bears_on``): "track the protesters' phones on the office network" is
    # still done to protesters; "block social media on the office network" is the employer's.
    "Benign context: an employer's acceptable-use web filter": "workplace",
    "Benign context beside the families: an employer's or a school's own computers": "workplace",
    # A company's data loss prevention bounds only the interception of its own mail.
    "Benign context: a company's data loss prevention": "own mail",
    # Billing bounds the keeping of call records only (``act_scope.billed_records``); a
    # thing held only the act it is the object of (``own_object.act_on_thing_held``).
    "Benign context (kinds): call records billed": "billing",
    "Benign context (kinds): a thing held": "thing held",
    # A bank's or a broker's compliance recording is of its traders' calls, never of
    # journalists' or activists' ("record the journalists' calls as a compliance
    # requirement"); otherwise plain benign context, bounded by whom it goes to.
    "Benign context (anchors): a bank's compliance recording": "compliance",
    "Benign context (round 17 wording): a broker's trading desk": "compliance",
    # An NGO, a parish or a union wanting something for its own people, bounded by whom
    # it goes to (``benign_scope.bears_on``): not a worshippers' list shared with the police.
    "Benign context (kinds): an NGO, a parish or a union that wants something": "own people",
}


# Benign context that tells what a security service named beside it is there for, as the
# subject of a film, an exhibition or an archive (a museum of the former secret police), an
# interior ministry's fire and rescue service, a financial intelligence unit's suspicious
# transactions, devices protected against spies. Any other benign context beside a named
# service says what is bought or how it is delivered, not who buys it: "the cargo goes to
# the Mukhabarat's headquarters", "an exploit lab (vulnerabilities) for the State Security
# Committee" (``benign_scope.bears_on``). Inside the match it still gives the words another
# meaning ("threat intelligence", "the stadium's security service").
SERVICE_TOLD_SOURCES = (
    "Benign context (anchors): songs, films, exhibitions and archives about",
    "Benign context (round 41 wording): a museum's permanent or temporary exhibition",
    "Benign context (round 16 wording): a fire, rescue or civil-protection",
    "Benign context (round 17 wording): suspicious transfers",
    "Benign context (kinds): minority shareholders, anti-money-laundering",
    "Benign context (widened): devices of journalists or staff protected",
)


def role_problems(role: str, tells_service: bool, category: str, family: str = "") -> list[str]:
    """What is wrong with an entry's role and tick (for the criteria editor), or nothing."""
    if role not in ROLES and role not in PHRASE_ROLES:
        known = ", ".join(f'"{r}"' for r in (*ROLES, *PHRASE_ROLES) if r)
        return [f'role "{role}" is not one of {known} or empty (plain)']
    if family and (role or tells_service):
        return ["a family has no role: give it to a phrase"]
    if role in PHRASE_ROLES and category != PHRASE_ROLES[role][0]:
        return [f'role "{role}" is for {PHRASE_ROLES[role][0]} phrases only']
    if category != BENIGN and ((role and role in ROLES) or tells_service):
        return ["only benign context has a role or tells a security service apart"]
    return []


# Interception phrases reading a warrant made optional, by their source (frozen).
MADE_OPTIONAL_SOURCE = "Composed: the warrant or court order of an interception made optional"


def role_from_source(source: str, category: str) -> tuple[str, bool]:
    """(role, tells_service) as an entry's source set them before they were fields."""
    if category == "interception" and source.startswith(MADE_OPTIONAL_SOURCE):
        return WARRANT_MADE_OPTIONAL, False
    if category != BENIGN:
        return "", False
    role = next((kind for start, kind in KIND_SOURCES.items() if source.startswith(start)), "")
    return role, source.startswith(SERVICE_TOLD_SOURCES)
