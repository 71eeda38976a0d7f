"""Where the `names` step must look: the few tokens that can take part in a name.

Most of an article cannot be a name: lower-case words that start no
lower-case form ("china", "new delhi"), and capitalised words that no
gazetteer name is spelled, spaced or heard like ("The", "Officials",
"Tuesday"). Tokenizing the whole text and walking every token in Python was
most of the step's time, so the step only tokenizes

  - the chunks of each run of capitalised words (a name part starts with a
    capital), with the particles in and after it ("Ursula von der Leyen"),
    found by one C-level regex (`_REGION`); a run that is one plain word
    that can be no name ("The", "Tuesday.") is skipped at once;
  - every lower-case form of a case_fix name ("new delhi", "New delhi"),
    with the words a guard or a cue may read around it, found by a trie
    regex of the forms' first words (`Screen.firsts`);

and `could_name` drops the runs none of whose parts can be in any match,
before the matcher sees them.

Both are exact, not heuristics: the step gives the same changes as with every
token (tests/test_names_scan.py compares them). They rely on two facts:
tokens never span whitespace (so every range read is of whole chunks, whose
tokens service.scan gives from its cache as the text's own, and tokens of
chunks that are not neighbours are never joined: the text between them is neither "" nor " "), and the matcher's
tiers each need an initial, a part spelled as a name's first part or
surname, a part heard alike (same first letter and consonant skeleton,
`similar_word`'s rule), or two parts that begin a known key ("Jin Ping").

>>> from .match import build_gazetteer
>>> g = build_gazetteer([{"id": "p", "canonical": "Narendra Modi", "kind": "person"},
...                      {"id": "c", "canonical": "China", "kind": "place", "case_fix": True}])
>>> text = "The minister said the talks went well, and Mody will fly to china next week."
>>> [t.text for t in sparse_tokens(text, [screen_of(g)])]
['Mody', 'will', 'fly', 'to', 'china', 'next', 'week', '.']
>>> from .match import parse_parts
>>> could_name(parse_parts("Mody"), [screen_of(g)]), could_name(parse_parts("Tuesday"), [screen_of(g)])
(True, False)
"""
from __future__ import annotations

import re
import bisect
import threading
import weakref
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ...scan import chunk_start, tokens_between
from .match import HEARD_PARTICLES, JOINED_ARTICLES, PARTICLES, TITLES, Gazetteer, Part
from .runs import title_before
from .sound import consonant_skeleton
from .spoken import readings

# Tokens a guard or cue may read on either side of a lower-case form
# (names.CUE_WINDOW; a chunk holds at least one token, so as many chunks).
CUE_WINDOW = 3
SOUND_MIN = 4  # similar_word accepts a different spelling of 4 letters or more only
MEMO_LIMIT = 65536  # entries of one gazetteer's memo (words seen, derived sets)


def _upper_class() -> str:
    """A regex class of every character of the BMP that str.isupper()
    accepts (~10 ms, once)."""
    ranges: list[list[int]] = []
    for c in range(0x10000):
        if chr(c).isupper():
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
    return "".join(re.escape(chr(a)) + ("" if a == b else "-" + re.escape(chr(b))) for a, b in ranges)


_CHUNK_REST = re.compile(r"\S*")
_PARTICLE = "|".join(sorted(PARTICLES | set(HEARD_PARTICLES), key=len, reverse=True))
# A capital and the rest of its chunk, and the chunks one space apart that
# start with a capital or a particle: where one run of name parts may lie.
# Beyond the BMP the class takes any character (a class with astral
# characters is a list the engine walks item by item, 20x slower than the
# BMP bitmap): a chunk too many is harmless.
_CAP = f"[{_upper_class()}\U00010000-\U0010FFFF]"
_JOINED = "|".join(sorted(JOINED_ARTICLES, key=len, reverse=True))
_REGION = re.compile(rf"{_CAP}\S*(?: (?:{_CAP}|(?:{_PARTICLE})(?![^\W\d_])|(?:{_JOINED})-{_CAP})\S*)*")
# One capitalised ASCII word and the punctuation that ends its run.
_CLOSERS = ".,;:!?)\"”’"
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")
_PLAIN = re.compile(rf"({_PLAIN_WORD.pattern})[{re.escape(_CLOSERS)}]*")
# A particle token (maybe with a suffix: split_suffix strips it): the run
# reads the first token after it, which must then be there.
_PARTICLE_TOKEN = re.compile(rf"(?:{_PARTICLE})(?:['’][^\W\d_]*|-[^\W\d_]+)?")
_NEXT_CHUNK = re.compile(r"\s+\S+")


@dataclass(frozen=True, eq=False)
class Screen:
    """What a gazetteer's names can look like, indexed once per gazetteer.

    keys      every form's letter key, first part's key and surname's key
              ("xijinping", "xi", "jinping"): a window written as a form
              starts with its first part, a lone surname is a surname
    sounds    (first letter, consonant skeleton) of each person's first part
              and surname of 4+ letters: a given name or surname heard alike
              has the same (`similar_word`)
    starts    every letter key and surname key, sorted: two parts that
              start one may be a name written apart ("Jin Ping"); a binary
              search tells (`begins_key`), in memory linear in the keys
              (a set of every prefix grew with the square of a key's length)
    firsts    the first words of the lower-case forms, as a form may begin
              (all lower case, or as in the name: "new", "New"), after any
              character but an ASCII letter: a case-sensitive regex led by a
              character class, which the engine scans in C
    phrases   the lower-case forms, ignoring case, matched at a word start
    case_words  most words in a lower-case form
    """

    keys: frozenset
    sounds: frozenset
    starts: tuple
    firsts: object = None
    phrases: object = None
    case_words: int = 1
    # values derived from the gazetteer, built on first use (`cached_on`); they
    # live as long as the gazetteer, and must not refer to it
    memo: dict = field(default_factory=dict, repr=False)

    def begins_key(self, prefix: str) -> bool:
        """Does some key start with `prefix`?

        >>> Screen(frozenset(), frozenset(), ("jinping", "modi")).begins_key("jinp")
        True
        """
        i = bisect.bisect_left(self.starts, prefix)
        return i < len(self.starts) and self.starts[i].startswith(prefix)


# Screens by gazetteer, held only while the gazetteer lives: a request's names
# are dropped with its compiled gazetteer (names.compile_request_names).
_SCREENS: "weakref.WeakKeyDictionary[Gazetteer, Screen]" = weakref.WeakKeyDictionary()
_SCREENS_LOCK = threading.Lock()


def screen_of(gaz: Gazetteer) -> Screen:
    """The Screen of a gazetteer (built once: gazetteers are compared by identity)."""
    screen = _SCREENS.get(gaz)
    if screen is None:
        screen = build_screen(gaz)
        with _SCREENS_LOCK:
            screen = _SCREENS.setdefault(gaz, screen)
    return screen


def cached_on(gaz: Gazetteer, key, build):
    """`build()`, computed once per gazetteer and kept in its screen's memo
    (gone with the gazetteer, unlike an lru_cache keyed by it).

    >>> from .match import build_gazetteer
    >>> g = build_gazetteer([{"id": "c", "canonical": "China", "kind": "place"}])
    >>> cached_on(g, "n", lambda: 1), cached_on(g, "n", lambda: 2)
    (1, 1)
    """
    return cached_on_screen(screen_of(gaz), key, build)


def cached_on_screen(screen: Screen, key, build):
    """`build()`, once per screen, in its memo (see `cached_on`)."""
    memo, key = screen.memo, (cached_on, key)  # apart from the words' str keys
    found = memo.get(key, _MISSING)
    if found is _MISSING:
        if len(memo) >= MEMO_LIMIT:
            memo.clear()  # a crude bound: a gazetteer's memo is rebuilt, never grown past it
        found = memo[key] = build()
    return found


_MISSING = object()


def build_screen(gaz: Gazetteer) -> Screen:
    """Index what a gazetteer's names can look like (see Screen)."""
    keys, sounds, starts = set(gaz.surnames), set(), set(gaz.surnames)
    for form in list(gaz.exact.values()) + list(gaz.by_key.values()):
        # a window spelled as a form starts with the form's first part, a
        # window heard like a person's name with a given name like theirs
        keys.update((form.key, form.parts[0].key))
        starts.add(form.key)
        if form.entry.kind == "person":
            for p in {form.parts[0], form.parts[-1]}:
                if not p.initial and len(p.key) >= SOUND_MIN:
                    sounds.add((p.key[0], consonant_skeleton(p.key)))
    for surname in gaz.surnames:
        sounds.update([(surname[0], consonant_skeleton(surname))] if len(surname) >= SOUND_MIN else [])
    screen = Screen(frozenset(keys), frozenset(sounds), tuple(sorted(starts)))
    phrases = {" ".join(words) for pairs in gaz.case_forms.values() for words, _ in pairs}
    if not phrases:
        return screen
    # case_fix_at accepts each word as in the name or all in lower case
    starts = {words[0] for pairs in gaz.case_forms.values() for words, _ in pairs}
    starts |= {(form.written if form.keep else form.replacement).split()[0]
               for pairs in gaz.case_forms.values() for _, form in pairs}
    # led by a character class, the regex engine jumps between candidate
    # characters in C: cheaper than a look-behind tried at every position
    firsts = re.compile(rf"[^a-zA-Z](?:{trie_regex(starts)})(?![^\W\d_])")
    whole = re.compile(rf"(?:{trie_regex(phrases)})(?![^\W\d_])", re.IGNORECASE)
    return replace(screen, firsts=firsts, phrases=whole, case_words=max(len(p.split()) for p in phrases))


TRIE_DEPTH = 40  # optional groups nested at most this deep; Python's re parser recurses per group


def trie_regex(phrases) -> str:
    """One regex for many literal phrases, sharing their prefixes, so that a
    position is rejected after a character or two, not after every phrase;
    greedy, so the longest phrase is tried first.

    Built without recursion (a phrase may be as long as a request allows),
    and with chains of single characters as one literal, so its size is
    linear in the phrases. A phrase that ends where a longer one goes on
    nests an optional group; past TRIE_DEPTH of them, the rest of that
    branch is a flat alternation of its endings, longest first (the same
    matches; Python's parser would fail on groups nested some hundreds deep).

    >>> trie_regex(["new delhi", "new york", "nato"])
    'n(?:ato|ew\\\\ (?:delhi|york))'
    >>> trie_regex(["new", "new york"])
    'new(?:\\\\ york)?'
    >>> import re
    >>> deep = [" ".join(["ab"] * k) for k in range(1, 300)]
    >>> re.fullmatch(trie_regex(deep), deep[-1]) is not None, re.match(trie_regex(deep), deep[5] + " x").group() == deep[5]
    (True, True)
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _endings(node: dict) -> list:
    """Every phrase ending below `node` (without recursion), longest first."""
    out, stack = [], [(node, "")]
    while stack:
        here, prefix = stack.pop()
        for ch, child in here.items():
            if ch:
                stack.append((child, prefix + ch))
            else:
                out.append(prefix)
    return sorted(out, key=lambda e: (-len(e), e))


def _emit(root: dict) -> str:
    """The regex of a trie, by an explicit stack of the nodes still to close."""
    out: list[str] = []
    # each frame: [node, sorted child characters, next child index, optional depth]
    stack: list = []

    def open_node(node: dict, depth: int) -> None:
        chars = sorted(ch for ch in node if ch)
        optional = "" in node and bool(chars)
        if optional:
            depth += 1
            if depth > TRIE_DEPTH:
                endings = _endings(node)
                out.append("(?:" + "|".join(re.escape(e) for e in endings if e) + ")?")
                stack.append(None)  # nothing to close
                return
            out.append("(?:")
        if len(chars) > 1:
            out.append("(?:")
        stack.append([node, chars, 0, optional, depth])

    open_node(root, 0)
    while stack:
        frame = stack[-1]
        if frame is None:
            stack.pop()
            continue
        node, chars, i, optional, depth = frame
        if i == len(chars):
            stack.pop()
            if len(chars) > 1:
                out.append(")")
            if optional:
                out.append(")?")
            continue
        frame[2] = i + 1
        if i:
            out.append("|")
        # a chain of nodes with one child and no phrase end: one literal
        child, literal = node[chars[i]], [chars[i]]
        while len(child) == 1 and "" not in child:
            (ch, child), = child.items()
            literal.append(ch)
        out.append(re.escape("".join(literal)))
        open_node(child, depth)
    return "".join(out)


@lru_cache(maxsize=65536)
def _sound(key: str) -> tuple:
    return key[0], consonant_skeleton(key)


@lru_cache(maxsize=65536)
def _sounds(key: str) -> frozenset:
    """The sounds (`_sound`) of a word as written and as its language may read it (`readings`:
    "Sergej" heard as Sergey, "Lawrow" as Lavrov, which the by-ear tiers hear alike);
    empty under SOUND_MIN letters."""
    return frozenset(_sound(r) for r in readings(key) if len(r) >= SOUND_MIN) if len(key) >= SOUND_MIN else frozenset()


def could_be_word(key: str, screens: tuple) -> bool:
    """`could_name` of one plain word (no initial, no pair); cached in each
    screen, as the same few capitalised words open most sentences."""
    return any(_word_in(s, key) for s in screens)


def _word_in(screen: Screen, key: str) -> bool:
    memo = screen.memo
    hit = memo.get(key)
    if hit is None:
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        hit = memo[key] = key in screen.keys or not screen.sounds.isdisjoint(_sounds(key))
    return hit


def is_plain_non_name(region: str, screens: tuple) -> bool:
    """A region (`_REGION`) of plain capitalised words one space apart (only the last
    followed by punctuation) that can be no name (`could_name`): its run is those words.

    >>> from .match import build_gazetteer
    >>> g = screen_of(build_gazetteer([{"id": "p", "canonical": "Narendra Modi", "kind": "person"}]))
    >>> is_plain_non_name("Tuesday.", (g,)), is_plain_non_name("Mody,", (g,)), is_plain_non_name("The Modi", (g,))
    (True, False, False)
    >>> is_plain_non_name("The White House.", (g,)), is_plain_non_name("Narendra Shah", (g,))
    (True, False)
    """
    *words, last = region.split(" ")
    plain = _PLAIN.fullmatch(last)
    if plain is None:
        return False
    if not words:
        return not could_be_word(plain.group(1).lower(), screens)
    if not all(map(_PLAIN_WORD.fullmatch, words)):
        return False
    return not could_name(tuple(Part(w, w.lower(), False) for w in words + [plain.group(1)]), screens)


def after_lower_title(text: str, start: int) -> bool:
    """A lower-case title word right before `start` ("prime minister Ichiba"), or before
    a comma (an apposition: "the former chancellor, Shoelts,"): the word after it may be
    a surname heard by ear that no screen hears (roles.py).

    >>> after_lower_title("the prime minister Ichiba", 19), after_lower_title("said. Ichiba", 6)
    (True, False)
    >>> after_lower_title("the chancellor, Shoelts", 16)
    True
    """
    word = text[max(0, start - 20):start].rsplit(None, 1)[-1:] if start else []
    return bool(word) and (word[0] in TITLES or word[0][-1:] == "," and word[0][:-1] in TITLES)


def _plain_skips(screens: tuple) -> dict:
    """`is_plain_non_name` by region, kept in the screen's memo when there is one
    screen (the same few words open most sentences); a fresh dict for several."""
    if len(screens) != 1:
        return {}
    return cached_on_screen(screens[0], "plain_skips", dict)


def could_name(parts: tuple, screens) -> bool:
    """Can any window of these parts match a name? False only when no tier
    could: no initial, no known part, no part heard like a person's part,
    and no two parts that begin a known key."""
    prev = ""
    for p in parts:
        if p.initial:
            return True
        key = p.key
        if not key:
            prev = ""
            continue
        if key in TITLES and p is not parts[-1]:
            return True  # a lone surname after a title may be heard by ear ("President Erdowan")
        sounds = _sounds(key)
        for s in screens:
            if key in s.keys or not s.sounds.isdisjoint(sounds) or (prev and s.begins_key(prev + key)):
                return True
        prev = key
    return False


def _back_chunks(text: str, pos: int, n: int) -> int:
    """Start of the chunk `n` chunks before the one holding `pos` (or 0)."""
    pos = chunk_start(text, pos)
    for _ in range(n):
        while pos and text[pos - 1].isspace():
            pos -= 1
        if not pos:
            return 0
        pos = chunk_start(text, pos)
    return pos


def _forward_chunks(text: str, pos: int, n: int) -> int:
    """End of the chunk `n` chunks after the one holding `pos` (or the text's end)."""
    end = _CHUNK_REST.match(text, pos).end()
    for _ in range(n):
        m = _NEXT_CHUNK.match(text, end)
        if m is None:
            break
        end = m.end()
    return end


def _case_range(text: str, screen: Screen, start: int, out: list) -> None:
    """The range a lower-case form starting at `start` needs, if one does and
    writes some word in lower case (a capitalised form is never changed):
    its chunks and CUE_WINDOW chunks either side, for guards and cues."""
    m = screen.phrases.match(text, start)
    if m is not None and any(w.islower() for w in m.group().split()):
        out.append((_back_chunks(text, start, CUE_WINDOW),
                    _forward_chunks(text, m.end(), screen.case_words + CUE_WINDOW)))


def sparse_tokens(text: str, screens) -> list:
    """The tokens of `text` that the step may read, in order: the chunks
    around upper-case characters and lower-case forms (see module doc).

    Tokens from chunks that are not neighbours stay apart: the text between
    them is never "" or " ", so no run or form joins them.
    """
    ranges: list = []
    screens = tuple(screens)
    skips = _plain_skips(screens)
    for m in _REGION.finditer(text):
        start = m.start()
        if start and not text[start - 1].isspace():
            start = chunk_start(text, start)  # "(Modi"
        else:
            # most regions are one plain capitalised word ("The", "Officials",
            # "Tuesday.") or a few ("The White House"): their run is those words
            # alone, and if it can be no name, nor follows a title (as the step
            # reads one: runs.title_before), the matcher would find nothing in it
            region = m.group()
            skip = skips.get(region)
            if skip is None:
                skip = is_plain_non_name(region, screens)
                if len(skips) < MEMO_LIMIT:
                    skips[region] = skip
            if skip and not after_lower_title(text, start) and (
                    " " not in region or not title_before(text, start, start + len(region.rstrip(_CLOSERS)))):
                continue
        ranges.append((start, m.end()))
    for screen in screens:
        if screen.firsts is not None:
            _case_range(text, screen, 0, ranges)
            for m in screen.firsts.finditer(text):
                _case_range(text, screen, m.start() + 1, ranges)
    if not ranges:
        return []
    ranges.sort()
    merged = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1][1] = end
        else:
            merged.append([start, end])
    tokens: list = []

    def add(start: int, end: int) -> None:
        tokens.extend(tokens_between(text, start, end))  # every range starts and ends at a chunk edge

    i = 0
    while i < len(merged):
        start, end = merged[i]
        add(start, end)
        while True:
            # a run that reaches a particle reads the token after it ("von"
            # before a capital or not): the chunk after a region's last particle
            m = _NEXT_CHUNK.match(text, end) if _is_particle(tokens[-1]) else None
            if m is not None:
                grown = m.end()
            elif i + 1 < len(merged) and merged[i + 1][0] < end:
                grown = merged[i + 1][1]  # that chunk began the next range
                i += 1
            else:
                break
            if grown > end:
                add(end, grown)
                end = grown
        i += 1
    return tokens


def _is_particle(tok) -> bool:
    """A particle, maybe with a suffix that split_suffix strips ("von's")."""
    return tok.kind == "word" and tok.text[:1].islower() and _PARTICLE_TOKEN.fullmatch(tok.text) is not None
