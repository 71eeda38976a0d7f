"""Step 'names': variants of known names -> canonical form; proper-noun casing.

Editors keep style lists ("S. Jaishankar", not "S.J. Shankar" or "Jaishankar
S"); transcripts spell names by ear and write proper nouns in lower case
("aggressive china", "new Delhi"). The gazetteer `rules/names.yaml` lists the
names (people, places, organisations) with their canonical form; a request may
add its own (`Options.names`), which win over the gazetteer. Another outlet's
accepted spelling (an entry's `variants`: Reuters' "Zelenskiy") is the
document's style, not an error: with the default `name_style` "document" it
is only suggested unless the text also writes the canonical form
(`style`).

Only the tokens near capitals and lower-case forms are read (`scan`,
exact: the same changes as reading every token). A few linear passes over
them, with every index built once (request
names: once per distinct list): lower-case words that start a case-fixable
form ("china", "new delhi") are tried as proper nouns (`casing.fix_case`); runs of
capitalised words and initials are collected (`collect_runs`), read once for
document facts (`run_facts`, `collect_facts`: who is named, which surnames belong to
someone else), then cut into windows of at most MAX_PARTS parts and matched by
`ear.match_window`. The text as fixed is matched again (`settle_names`); a later
round takes the runs that the fixes left untouched from the round before (`rounds`).

>>> from service.options import Options
>>> from service.edits import apply_edits
>>> g = compile_rules([{"id": "names.place.china", "canonical": "China", "kind": "place",
...                     "case_fix": True, "case_guard": {"before": ["fine"]}}])
>>> from dataclasses import replace
>>> from service.steps import context_for
>>> ctx = replace(context_for("names"), rules=g, resources=None)
>>> apply_edits("aggressive china, fine china", run("aggressive china, fine china", ctx))
'aggressive China, fine china'
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ...edits import Change, EditLog, SpanSet
from ...errors import OptionsError, RulesError
from ...lexicon import is_common_word, is_known_word
from ...tokens import sentence_start
from .ear import match_by_ear, match_window
from .runs import apposition_after, collect_runs, describes, in_place_frame, role_in, segments_of, title_before
from .match import (MAX_PARTS, Gazetteer, WindowContext, build_gazetteer, match_exact, normalise_surface,
                    parse_parts)
from ...sized_cache import SizedCache
from .guards import names_unlisted
from .net import offer_by_net
from .roles import build_roles
from .titled import MIN_APPLY, is_initialled_surname, match_after_role, unless_title_misfits, vouch_by_title
from .rounds import Earlier, FactReads, OtherFacts, Round, RunRecord, SeenFacts, noting_unlisted
from .romanise import load_name_tables
from .places import SMALLEST_TABLE, SOURCES, drop_spacing_forms, place_entries
from .casing import fix_case
from .scan import cached_on, could_be_word, could_name, screen_of, sparse_tokens
from .sound import SUGGEST_CONFIDENCE
from .style import VariantStyle
from .view import reading_of
from ..base import RuleSpec, Step


_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}}
_NAME_ONLY = ("canonical", "aliases", "variants", "keep", "kind", "case_fix", "case_guard", "case_cues",
              "surname_alone")
RULE_SCHEMA = {
    "type": "object",
    # a name (canonical, kind, ...), a source of places from data (`data`: places.py)
    # or the titles of an office (`role`: roles.py)
    "oneOf": [{"required": ["canonical", "kind"], "not": {"anyOf": [{"required": ["data"]}, {"required": ["role"]}]}},
              {"required": ["data"], "not": {"anyOf": [{"required": [k]} for k in _NAME_ONLY + ("role",)]}},
              {"required": ["role"], "not": {"anyOf": [{"required": [k]} for k in _NAME_ONLY + ("data",)]}}],
    "dependentRequired": {"min_population": ["data"], "leave": ["data"]},
    "properties": {
        # places from data: every country, and the cities of at least
        # min_population people, of a pinned package; `leave`: places of it
        # whose lower case is never capitalised
        "data": {"enum": list(SOURCES)},
        "min_population": {"type": "integer", "minimum": SMALLEST_TABLE},
        "leave": _WORDS,
        # the title words of an office, and phrases of the `source` of the people who hold it
        "role": {"type": "object", "additionalProperties": False, "required": ["titles", "sources"],
                 "properties": {"titles": _WORDS, "sources": _WORDS}},
        "canonical": {"type": "string", "minLength": 1},
        "aliases": _WORDS,          # wrong or informal forms, always replaced by the canonical form
        # spellings that are right in some major outlets' house style
        # ("Zelensky", "Zelenskiy"): with name_style "document" only replaced
        # when the text also writes the canonical form, else suggested
        "variants": _WORDS,
        "keep": _WORDS,             # forms recognised but left as written ("UN")
        "kind": {"enum": ["person", "place", "organisation"]},
        # lower-case forms may be capitalised; default: people (full names
        # only, "narendra modi"), never places/organisations unless set
        "case_fix": {"type": "boolean"},
        # words around a lower-case form that show the ordinary word ("fine china")
        "case_guard": {"type": "object", "additionalProperties": False,
                       "properties": {"before": _WORDS, "after": _WORDS}},
        # when set, a lower-case form is fixed only next to one of these words
        # or when the text also writes the canonical form mid-sentence ("quad")
        "case_cues": _WORDS,
        # a person's surname alone may be matched by ear (default true)
        "surname_alone": {"type": "boolean"},
    },
}


def compile_rules(entries) -> Gazetteer:
    """Build the matcher indexes once (RulesError names the entry at fault),
    with the places a `data` entry reads (places.py) after the listed names,
    and their screen (`scan`), at load time, before gunicorn forks."""
    names = [e for e in entries if "data" not in e and "role" not in e]
    gaz = build_gazetteer(names + place_entries([e for e in entries if "data" in e], names))
    gaz.roles.update(build_roles([e for e in entries if "role" in e], [e for e in names if e["kind"] == "person"]))
    drop_spacing_forms(gaz)
    screen_of(gaz)
    return gaz


# Compiled request name lists, kept by estimated size: a list at the limits of
# Options (5000 forms) weighs ~10-20 MB, so a few dozen such lists at most.
REQUEST_NAMES_CACHE = SizedCache(max_bytes=96 * 1024 * 1024, max_entries=256)


def compile_request_names(names: tuple) -> Gazetteer:
    """The request's own names, compiled once per distinct tuple of NameEntry
    (while the cache keeps it: REQUEST_NAMES_CACHE).

    >>> from service.options import NameEntry
    >>> compile_request_names((NameEntry("Jaishankar S"),)).exact["Jaishankar S"].entry.id
    'request.1'
    """
    return REQUEST_NAMES_CACHE.get_or_build(names, lambda: _compile_names(names), lambda _: names_weight(names))


def names_weight(names: tuple) -> int:
    """Estimated bytes of a compiled name list and its screen (measured with
    tracemalloc: ~1.8 KB a form, ~100 bytes a character of a long form).

    >>> from service.options import NameEntry
    >>> names_weight((NameEntry("Jaishankar S", ("S. Jaishankar",)),))
    7500
    """
    forms = sum(1 + len(n.aliases) for n in names)
    chars = sum(len(n.canonical) + sum(len(a) for a in n.aliases) for n in names)
    return 1000 + 2000 * forms + 100 * chars


def _compile_names(names: tuple) -> Gazetteer:
    raw = [{"id": f"request.{i}", "canonical": n.canonical, "aliases": list(n.aliases), "kind": n.kind}
           for i, n in enumerate(names, 1)]
    try:
        gaz = build_gazetteer(raw)
    except RulesError as exc:
        raise OptionsError(f"'names': {exc}") from None
    screen_of(gaz)
    return gaz


def make_is_word(resources):
    """Is a lower-case word ordinary English (or another known name)? From the
    shared dictionary; wordfreq when the step runs without one."""
    if resources is not None:
        return lambda w: resources.count(w) > 0
    return is_known_word


class WindowMemo:
    """One run's memo of window matches and given-name checks.

    The passes ask about the same windows again and again (`run_facts`
    and `match_segment` both call `follows_name` for every part; the fuzzy
    pass repeats the exact tiers): ~750 match_window calls per article, most
    of them repeats. A window is one slice of one segment, so its first
    part's offset and its length name it within the run; the exact tiers read
    no context, the fuzzy ones only the context's flags and document facts.
    """

    def __init__(self, text: str, gazetteers, is_word):
        self.text, self.gazetteers, self.is_word = text, gazetteers, is_word
        self.plain = WindowContext(is_word)
        self._exact: dict = {}
        self._by_ear: dict = {}
        self._follows: dict = {}
        self._flagged: dict = {}

    def match(self, window: tuple, ctx: WindowContext, fuzzy: bool = True):
        """`match_window(window, gazetteers, ctx, text, fuzzy)`, memoised."""
        key = (window[0].start, len(window))
        if key in self._exact:
            hit = self._exact[key]
        else:
            hit = self._exact[key] = match_exact(window, self.gazetteers, self.text)
        if hit is not None or not fuzzy:
            return hit
        if len(window) == 1 and not window[0].initial and self.is_word(window[0].key):
            return None  # a lone ordinary word ("The") is never a name heard wrong
        # the seen dict lives as long as the run: its id names the facts
        key += (ctx.prev_is_name, ctx.after_title, id(ctx.seen), ctx.others)
        if key not in self._by_ear:
            self._by_ear[key] = match_by_ear(window, self.gazetteers, ctx)
        return self._by_ear[key]

    def flagged(self, facts: WindowContext, prev_is_name: bool, after_title: bool) -> WindowContext:
        """`replace(facts, prev_is_name=..., after_title=...)`, one object per flags
        (dataclasses.replace cost more than the match it sets up)."""
        key = (id(facts), prev_is_name, after_title)  # `facts` lives as long as the memo
        found = self._flagged.get(key)
        if found is None:
            found = self._flagged[key] = replace(facts, prev_is_name=prev_is_name, after_title=after_title)
        return found

    def follows_name(self, seg: tuple, j: int) -> bool:
        """`follows_name(text, seg, j, ...)`, memoised by the part's offset."""
        key = seg[j].start
        if key not in self._follows:
            self._follows[key] = follows_name(self.text, seg, j, self.is_word, self.gazetteers, self)
        return self._follows[key]


def follows_name(text: str, seg: tuple, j: int, is_word, gazetteers, memo: WindowMemo | None = None) -> bool:
    """A given name of someone right before part j: a capitalised word that is
    no ordinary word, or is capitalised mid-sentence ("Anita" in "met Anita
    Mody"; not "When" in "When Mody spoke"), and does not end a known name
    ("Jaishanker Mody's", "S. Jai Shankar Mody's" list two people)."""
    if j == 0 or seg[j - 1].initial:
        return False
    prev = seg[j - 1]
    if is_common_word(prev.key) and sentence_start(text, prev.start):
        return False  # "When Mody spoke"; a proper noun ("Florence") may still be a given name
    memo = memo or WindowMemo(text, gazetteers, is_word)
    return all(not names_another(memo.match(seg[k:j], memo.plain), j - k, gazetteers)
               for k in range(max(0, j - MAX_PARTS), j))


def starts_longer_name(seg: tuple, j: int) -> bool:
    """Part j is followed in its segment by another capitalised word that is no
    ordinary word: a given name or the start of a longer name, never a lone
    surname heard by ear ("Prime Minister Abiy Ahmed" is not Abe; "President
    Erdowan Says" in a headline may still be Erdogan).

    >>> seg = parse_parts("Abiy Ahmed Says")
    >>> [starts_longer_name(seg, j) for j in range(3)]
    [True, False, False]
    >>> starts_longer_name(parse_parts("Abiy A."), 0)
    False
    """
    if j + 1 >= len(seg):
        return False
    following = seg[j + 1]
    return not following.initial and not is_common_word(following.key)


def names_another(match, size: int, gazetteers) -> bool:
    """A window before a part names someone or something else; a one-word place does not,
    as many given names are places ("Florence Mody", "Austin Smith")."""
    if match is None:
        return False
    if size > 1:
        return True
    return not is_place(match, gazetteers)


def yields_to_longer(match, gazetteers) -> bool:
    """A one-word exact match that a person heard by ear in a longer window may win over:
    a place, or a person's surname alone (not a one-word canonical name, "Naruhito")."""
    entry = next((g.by_id[match.entry_id] for g in gazetteers if match.entry_id in g.by_id), None)
    return entry is not None and (entry.kind == "place" or entry.kind == "person" and len(entry.parts) > 1)


def is_place(match, gazetteers) -> bool:
    """The match names a place, not a person."""
    entry = next((g.by_id[match.entry_id] for g in gazetteers if match.entry_id in g.by_id), None)
    return entry is not None and entry.kind == "place"


def windows_at(seg: tuple, j: int, min_size: int = 1):
    """(size, window) of the windows of `seg` starting at part j, longest first,
    up to MAX_PARTS parts; an initial belongs to the name after it, so no window
    ends on one unless it ends the segment with other parts before it.

    >>> seg = parse_parts("E. P. Dutton spoke")
    >>> [size for size, _ in windows_at(seg, 0)]
    [4, 3]
    >>> [size for size, _ in windows_at(seg, 2, min_size=2)]
    [2]
    """
    for size in range(min(MAX_PARTS, len(seg) - j), min_size - 1, -1):
        window = seg[j:j + size]
        if window[-1].initial and (size == 1 or j + size < len(seg)):
            continue
        yield size, window


def match_longer(memo: WindowMemo, seg: tuple, j: int, ctx: WindowContext):
    """(match, size) of the longest window of two parts or more at j that the
    by-ear tiers read as a person, or None."""
    for size, window in windows_at(seg, j, min_size=2):
        hit = memo.match(window, ctx, True)
        if hit is not None and not is_place(hit, memo.gazetteers):
            return hit, size
    return None


def collect_facts(shares: list) -> tuple[dict, frozenset]:
    """Document facts for lone surnames, from each run's share (`run_facts`):
    entries the text names and where, and surnames it gives another given name."""
    seen, others = {}, set()
    for mentions, keys in shares:
        for entry_id, start, key in mentions:
            seen.setdefault(entry_id, {})[start] = key
        others.update(keys)
    return seen, frozenset(others)


def run_facts(memo: WindowMemo, parts: tuple) -> tuple[list, list]:
    """One run's share of the document facts: entries it names (a known or misheard
    surname, or a matched full name) as (entry id, start, key or None), in order, and
    surnames it gives another given name ("Jane Starner" makes every lone "Starner"
    someone else)."""
    mentions, others = [], []
    for seg, _ in segments_of(parts):
        for j, part in enumerate(seg):
            # a known surname, or one heard wrong: fixed, it would be known
            alone = None if part.initial else memo.match((part,), memo.plain)
            if alone is not None and alone.entry_id:
                mentions.append((alone.entry_id, part.start, part.key))
            if part.initial or not memo.follows_name(seg, j):
                continue
            hit = memo.match(seg[j - 1:j + 1], memo.plain)
            if hit is not None:
                mentions.append((hit.entry_id, hit.start, None))
            else:
                others.append(part.key)
    return mentions, others


def restyle(request: Gazetteer, canonical: str) -> str | None:
    """The request's own form of a gazetteer name, if it lists the same person
    or place ("Jaishankar S" for the gazetteer's "S. Jaishankar"), else None.
    Kept with the request's gazetteer (`cached_on`), so dropped with it.

    >>> from service.options import NameEntry
    >>> restyle(compile_request_names((NameEntry("Jaishankar S"),)), "S. Jaishankar")
    'Jaishankar S'
    """
    return cached_on(request, ("restyle", canonical), lambda: _restyle(request, canonical))


def _restyle(request: Gazetteer, canonical: str) -> str | None:
    hit = match_window(parse_parts(canonical), [request], WindowContext(lambda w: True))
    if hit is None or not hit.entry_id.startswith("request."):
        return None
    return request.by_id[hit.entry_id].canonical


def prefer_request(hit, gazetteers, text: str):
    """A request's names win over the gazetteer's: restyle a gazetteer match."""
    if len(gazetteers) < 2 or hit.entry_id.startswith("request.") or not hit.entry_id:
        return hit
    entry = gazetteers[-1].by_id.get(hit.entry_id)
    if entry is not None and hit.variant and hit.replacement != entry.canonical:
        # another outlet's lone surname ("Zelenskiy"): the request's own
        # spelling of that person's surname is the house style, if it lists them
        ours = restyle(gazetteers[0], entry.canonical)
        form = gazetteers[0].exact.get(normalise_surface(ours)) if ours is not None else None
        if form is not None:  # its surname: "Jaishankar" of "Jaishankar S"
            return replace(hit, replacement=form.entry.surname, confidence=min(hit.confidence, 0.9), variant=False)
    if entry is None or (hit.rule != "names.exact" and hit.replacement != entry.canonical):
        return hit
    if hit.rule == "names.exact" and text[hit.start:hit.end] != entry.canonical:
        return hit  # a lone surname or a kept abbreviation: the request says nothing about it
    ours = restyle(gazetteers[0], entry.canonical)
    if ours is None:
        return hit
    # the request's list is the house style: no other outlet's spelling stands
    return replace(hit, replacement=ours, rule="names.alias" if hit.rule == "names.exact" else hit.rule,
                   confidence=min(hit.confidence, 0.9), variant=False)


def match_segment(memo: WindowMemo, seg: tuple, facts: WindowContext, after_title: bool) -> list:
    """Matches in one segment, left to right, longest window first; exact
    forms at a position beat fuzzy ones."""
    found, j = [], 0
    while j < len(seg):
        if j and seg[j].initial and seg[j - 1].initial:
            j += 1  # initials belong together: "E. P. Dutton" is not "P. Dutton"
            continue
        hit = None
        ctx = memo.flagged(facts, memo.follows_name(seg, j), after_title and j == 0)
        for fuzzy in (False, True):
            for size, window in windows_at(seg, j):
                hit = memo.match(window, ctx, fuzzy)
                if hit is not None and not fuzzy and size == 1 and yields_to_longer(hit, memo.gazetteers):
                    # many given names are places ("Georgia Meloni", "Kaya Kallas") or another
                    # person's surname ("Yi Jae-myung"): a person heard by ear in the longer
                    # window wins over the one word
                    longer = match_longer(memo, seg, j, ctx)
                    hit, size = longer or (hit, size)
                if hit is not None and fuzzy and size == 1 and starts_longer_name(seg, j):
                    hit = None  # the whole run did not match: a given name, not a lone surname
                if hit is not None:
                    j += size
                    break
            if hit is not None:
                break
        if hit is not None and ctx.after_title and (size == 1 or hit.rule == "names.split"):
            hit = unless_title_misfits(memo, seg[j - size:j], hit, memo.flagged(facts, ctx.prev_is_name, False))
            j -= size if hit is None else 0
        if ctx.after_title and is_initialled_surname(seg) and (hit is None or hit.confidence < MIN_APPLY):
            # a title that fits another listed person than the one only suggested
            role = match_after_role(memo, seg, ctx, hit)
            if role is not None:
                j, hit = len(seg), role
        elif ctx.after_title and hit is not None and hit.confidence < MIN_APPLY and j > 1:
            hit = vouch_by_title(memo, hit, seg[j - 1])
            j -= size if hit is None else 0
        if hit is None:
            j += 1
        else:
            found.append(prefer_request(hit, memo.gazetteers, memo.text))
    return found


def run(text: str, ctx) -> list[Change]:
    """Changes bringing every known name to its canonical form."""
    gazetteers = []
    names = ctx.options.names
    if names:
        gazetteers.append(compile_request_names(tuple(names)))
    if ctx.rules is not None:
        gazetteers.append(ctx.rules)
    if not gazetteers:
        return []
    # read as spelling and whitespace will leave it, so that a second pass
    # finds no name the first one missed (view)
    spell = "spelling" in ctx.options.steps
    reading = reading_of(text, gazetteers, ctx.resources, spell, ctx.options.min_confidence)
    fixed, suggested = settle_names(reading.text, ctx, gazetteers)
    return [reading.restore(c) for c in fixed + suggested]


def settle_names(text: str, ctx, gazetteers: list) -> tuple[list, list]:
    """(changes made, changes only suggested) of `text`, with the names that
    the changes made complete matched too.

    A name fixed may make another one: "mauro Vieeira" -> "mauro Vieira",
    which is then a lower-case form. The text as fixed (without what is only
    suggested: below `min_confidence`, the pipeline does not apply it) is
    matched again until nothing moves; a later round's change over an earlier
    one becomes one change. Suggestions are the first round's: later rounds
    read text the document does not have yet.
    """
    floor = ctx.options.min_confidence
    log, suggested, earlier = EditLog(text), [], None
    for n in range(NAME_ROUNDS):
        changes, found = name_changes(log.text, ctx, gazetteers, earlier)
        if n == 0:
            suggested = [c for c in changes if c.confidence < floor]
        changes = [c for c in changes if c.confidence >= floor]
        if not changes:
            break
        log.apply_step("names", changes)
        earlier = found.next_round(changes)  # the next round re-reads only the runs these touch
    fixed = [Change(e.start, e.end, e.replacement, e.rule, e.message, e.confidence) for e in log.edits()]
    taken = SpanSet((c.start, c.end) for c in fixed)
    return fixed, [c for c in suggested if not taken.overlaps(c.start, c.end)]


# Rounds of matching the text as fixed; the second finds the few names that
# the first one's fixes complete, a third nearly never anything.
NAME_ROUNDS = 3


def name_changes(text: str, ctx, gazetteers: list, earlier: Earlier | None = None) -> tuple[list[Change], Round]:
    """`run`'s changes, in offsets of the text as read, and what this round found
    (`rounds`): with `earlier`, the round before's runs that its fixes left
    untouched are taken from it, not matched again."""
    plain_word = make_is_word(ctx.resources)
    # a known name before a surname is no one else's given name ("Zelensky Jaishanker")
    is_word = lambda w: plain_word(w) or any(w in g.surnames for g in gazetteers)  # noqa: E731
    # only the tokens around capitals and lower-case forms, and only runs
    # that could hold a name: the same changes as every token, at a sixth
    # of the cost (scan)
    screens = [screen_of(g) for g in gazetteers]
    tokens = sparse_tokens(text, screens)
    if not tokens:
        return [], Round({}, {}, frozenset(), None)
    changes, covered = fix_case(text, tokens, gazetteers, plain_word)
    memo = WindowMemo(text, gazetteers, is_word)
    # (parts, (title before, role after), the earlier round's record or None, share of the facts,
    # the clause in apposition after the run: read once, for the role, the net and a description)
    runs = []
    for _, _, parts in collect_runs(text, tokens, covered):
        # after a lower-case title, as after a capitalised one (`could_name`), a name
        # heard by ear may share no letter sound with its listed form ("Selenskyj")
        titled = title_before(text, parts[0].start, parts[-1].end)
        if not could_name(parts, screens) and not titled:
            continue
        apposition = apposition_after(text, parts[-1].end)
        flags = (titled, role_in(apposition) is not None)
        old = earlier.record_for(text, parts, flags) if earlier is not None else None
        runs.append((parts, flags, old, (old.facts, old.others) if old is not None else run_facts(memo, parts),
                     apposition))
    seen, others = collect_facts([share for _, _, _, share, _ in runs])
    unlisted = lru_cache(maxsize=1)(lambda: names_unlisted(text, plain_word, lambda k: could_be_word(k, screens)))
    reads = FactReads()  # the facts each run's by-ear tiers read, for the next round
    seen, others = SeenFacts(seen, reads), OtherFacts(others, reads)
    facts = WindowContext(is_word, False, False, seen, others, plain_word, noting_unlisted(unlisted, reads))
    style = VariantStyle(text, gazetteers, ctx.options.name_style)
    budget, records = ctx.budget, {}
    for i, (parts, flags, old, share, apposition) in enumerate(runs):
        if budget.every(i):
            break  # the time budget ran out: the runs after this one are left as written
        if old is not None and earlier.same_reads(old, seen, others, unlisted):
            record = old
        else:
            record = RunRecord(parts, flags, *share)
            reads.current = record.reads
            for seg, after_title in segments_of(parts, *flags):
                found = match_segment(memo, seg, facts, after_title)
                if all(m.rule == "names.exact" for m in found):
                    # no tier read the segment otherwise than as written, where a listed person
                    # may stand: a suggestion (net)
                    found += filter(None, [offer_by_net(seg, gazetteers, text, after_title,
                                                        apposition if seg[-1].end == parts[-1].end else None)])
                record.matches.extend(found)
            reads.current = None
        records[parts[0].start] = record
        # no title or role, and an apposition says who the name is, or a lone word stands as a place
        described = not any(flags) and (describes(apposition) or in_place_frame(text, parts))
        changes.extend(change_of(text, doubted(m) if described else m, style) for m in record.matches)
    changes = [c for c in changes if c is not None and text[c.start:c.end] != c.replacement]
    return changes, Round(records, seen, others, unlisted)


def doubted(m):
    """A match by ear only suggested: the text describes the name as someone no title fits
    (`runs.describes`)."""
    return replace(m, confidence=min(m.confidence, SUGGEST_CONFIDENCE)) if m.rule == "names.fuzzy" else m


def change_of(text: str, m, style: "VariantStyle | None" = None) -> Change | None:
    """A Change for a match that alters the text; None for a known name as written."""
    if m.rule == "names.exact" or text[m.start:m.end] == m.replacement:
        return None
    said = text[m.start:m.end]
    if m.variant and style is not None:
        return style.change(m, said)
    house = style.house_spelling(m, said) if style is not None else None
    if house is not None:
        return house
    return Change(m.start, m.end, m.replacement, m.rule, f"'{said}' is the name '{m.replacement}'",
                  m.confidence)


def prepare(dictionaries) -> None:
    """Load the name tables the matcher reads at start-up, not on the first request."""
    load_name_tables()


STEP = Step(name="names", run=run,
            summary="variants of known names -> canonical form; proper-noun casing",
            english_only=True, needs_dictionaries=True, corrects_words=True, prepare=prepare,
            rules=RuleSpec("names.yaml", RULE_SCHEMA, compile_rules))
