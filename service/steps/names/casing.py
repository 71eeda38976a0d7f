"""Lower-case proper nouns ("aggressive china", "new delhi"): the gazetteer's case_fix forms,
with the guard words that show the ordinary word ("fine china") and the cue words some
entries need ("quad members").
"""
from __future__ import annotations

import re

from ...edits import Change
from ...tokens import sentence_start
from .guards import is_common_noun_use
from .places import is_casing_slip
from .runs import split_suffix
from .scan import cached_on

CUE_WINDOW = 3  # tokens either side of a lower-case form where a case cue counts


def case_fix_at(tokens: list, i: int, text: str, gazetteers, is_word) -> tuple | None:
    """A lower-case form of a case_fix name starting at token i:
    (end index, Change, entry, cued), where `cued` is None for an entry that
    needs no cue, else whether a cue word stands near.

    An acronym is never made of an ordinary word ("who" is not "WHO").
    """
    base, _ = split_suffix(tokens[i].text)
    for gaz in gazetteers:
        for words, form in sorted(gaz.case_forms.get(base.lower(), ()), key=lambda wf: -len(wf[0])):
            toks = tokens[i:i + len(words)]
            if len(toks) < len(words) or any(text[a.end:b.start] != " " for a, b in zip(toks, toks[1:])):
                continue
            said = [t.text for t in toks]
            said[-1], suffix = split_suffix(said[-1])
            target = form.written.split() if form.keep else form.replacement.split()
            if [w.lower() for w in said] != list(words) or len(target) != len(said):
                continue
            if not all(w == t or w == t.lower() for w, t in zip(said, target)) or said == target:
                continue
            if is_glued(text, toks[0].start, toks[-1].end - len(suffix)):
                continue  # "taiwan740", "china_fan": part of a user name or an identifier
            if form.entry.from_data and not is_casing_slip(text, tokens, i, i + len(words), said):
                continue
            if any(len(t) > 1 and t.isupper() and is_word(w.lower()) for w, t in zip(said, target)):
                continue
            if is_guarded(tokens, i, i + len(words), form.entry):
                continue
            if form.entry.kind == "place" and len(words) == 1 and is_common_noun_use(tokens, i, is_word, text):
                continue  # "grandma's china", "a turkey": the ordinary word ("the Quad" is a group)
            start, end = toks[0].start, toks[-1].end - len(suffix)
            rep = " ".join(target)
            change = Change(start, end, rep, "names.case", f"'{text[start:end]}' is the name '{rep}'", 0.9)
            return i + len(words), change, form.entry, is_cued(tokens, i, i + len(words), form.entry)
    return None


def is_glued(text: str, start: int, end: int) -> bool:
    """Are text[start:end]'s ends joined to a letter, a digit, an underscore or an @ (a
    user name, a handle, a file name), not set apart as a word?

    >>> [is_glued(s, 0, 6) for s in ("taiwan740", "taiwan_fan", "taiwan, 740", "taiwan's")]
    [True, True, False, False]
    >>> is_glued("@china", 1, 6)
    True
    """
    before = text[start - 1:start] if start else ""
    after = text[end:end + 1]
    return before == "@" or any(c.isalnum() or c == "_" for c in (before, after))


def is_guarded(tokens: list, i: int, j: int, entry) -> bool:
    """A guard word next to tokens[i:j] shows the ordinary word ("fine china")."""
    before = tokens[i - 1].lower if i > 0 else ""
    after = tokens[j].lower if j < len(tokens) else ""
    return before in entry.case_before or after in entry.case_after


def is_cued(tokens: list, i: int, j: int, entry) -> bool | None:
    """None when the entry needs no cue; else whether one stands within
    CUE_WINDOW tokens ("quad members")."""
    if not entry.case_cues:
        return None
    near = tokens[max(0, i - CUE_WINDOW):i] + tokens[j:j + CUE_WINDOW]
    return any(split_suffix(t.lower)[0] in entry.case_cues for t in near)


def fix_case(text: str, tokens: list, gazetteers, is_word) -> tuple[list, set]:
    """Lower-case proper nouns: the changes and the token indices they cover.

    An entry with cues is fixed where a cue stands near, and everywhere once
    the text shows it is the proper noun: the canonical form mid-sentence, or
    one cued occurrence (so that a second run finds nothing more to do).
    """
    found, next_free = [], 0
    # most words start no lower-case name: one set lookup skips them, in a
    # comprehension (a while loop over every token cost twice as much)
    firsts = case_firsts(tuple(gazetteers))
    starts = [i for i, tok in enumerate(tokens)
              if tok.kind == "word" and split_suffix(tok.text)[0].lower() in firsts]
    for i in starts:
        if i < next_free:
            continue  # inside the name found before
        hit = case_fix_at(tokens, i, text, gazetteers, is_word)
        if hit is not None:
            found.append((i,) + hit)
            next_free = hit[0]
    cued = {entry.id for _, _, _, entry, ok in found if ok}
    evidence = make_evidence(text)
    changes, covered = [], set()
    for start, end, change, entry, ok in found:
        if ok is None or ok or entry.id in cued or evidence(entry):
            changes.append(change)
            covered.update(range(start, end))
    return changes, covered


def case_firsts(gazetteers: tuple) -> frozenset:
    """The first words of every lower-case form: each gazetteer's set built once
    (kept with it, `cached_on`), joined when a request adds its own names."""
    sets = [cached_on(g, "case_firsts", lambda g=g: frozenset(g.case_forms)) for g in gazetteers]
    return sets[0] if len(sets) == 1 else frozenset().union(*sets)


def make_evidence(text: str):
    """Does the text write the canonical form mid-sentence (so "The Quad had"
    shows the lower-case "quad" elsewhere is the proper noun)?"""
    cache: dict = {}

    def seen(entry) -> bool:
        if entry.id not in cache:
            pattern = re.compile(rf"(?<![\w-]){re.escape(entry.canonical)}(?![\w-])")
            cache[entry.id] = any(not sentence_start(text, m.start()) for m in pattern.finditer(text))
        return cache[entry.id]
    return seen
