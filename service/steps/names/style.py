"""Another outlet's spelling of a name: apply, or only suggest (`name_style`).

Outlets transliterate differently and each is right by its own style list:
the BBC and the Guardian write "Zelensky", Reuters "Zelenskiy", AP
"Zelenskyy". The gazetteer lists such spellings as an entry's `variants`
(apart from `aliases`, forms that are wrong or informal and always replaced).
Changing a clean article's house spelling is a style choice, not a
correction, so with the request option `name_style`:

  "document" (default)  a variant is replaced only where the same text also
                        writes the canonical spelling: the text is then
                        inconsistent and the canonical wins. Otherwise the
                        edit is a suggestion (confidence SUGGEST, below the
                        default min_confidence), returned but not applied.
  "canonical"           the gazetteer is the house style: every variant is
                        replaced, as an alias is.

>>> from .match import Match, build_gazetteer
>>> g = build_gazetteer([{"id": "z", "canonical": "Volodymyr Zelenskyy", "kind": "person",
...                       "variants": ["Zelensky"]}])
>>> m = Match(0, 8, "Zelenskyy", "names.alias", 0.95, "z", True)
>>> VariantStyle("Zelensky spoke.", [g], "document").change(m, "Zelensky").confidence
0.3
>>> VariantStyle("Zelensky spoke. Zelenskyy agreed.", [g], "document").change(m, "Zelensky").confidence
0.95
>>> VariantStyle("Zelensky spoke.", [g], "canonical").change(m, "Zelensky").confidence
0.95
"""
from __future__ import annotations

import re

from ...edits import Change
from .match import Entry, fold, fold_text, parse_parts

SUGGEST = 0.3  # below the default min_confidence (0.5): returned as a suggestion
RULE = "names.variant"


class VariantStyle:
    """The policy for variant matches in one text (see the module doc)."""

    def __init__(self, text: str, gazetteers, name_style: str = "document"):
        self.text, self.gazetteers, self.name_style = text, gazetteers, name_style
        self._folded: str | None = None
        self._written: dict = {}

    def change(self, m, said: str) -> Change:
        """The Change for a variant match `m` of the text `said`."""
        rep = m.replacement
        if self.name_style == "canonical":
            return Change(m.start, m.end, rep, RULE, f"'{said}' is another outlet's spelling of '{rep}'",
                          m.confidence)
        entry = self.entry(m.entry_id)
        if entry is not None and self.writes_canonical(entry, said):
            return Change(m.start, m.end, rep, RULE,
                          f"'{said}' is another outlet's spelling of '{rep}', which the text also writes",
                          m.confidence)
        return Change(m.start, m.end, rep, RULE,
                      f"'{said}' is another outlet's spelling of the name '{rep}'; kept as the text's style",
                      SUGGEST)

    def house_spelling(self, m, said: str) -> Change | None:
        """A misspelt or by-ear name (not a variant) in a text that spells the
        person as one variant does: corrected to that spelling, not the
        canonical one, so the text stays consistent ("document" style only).
        None when the canonical applies.

        >>> from .match import Match, build_gazetteer
        >>> g = build_gazetteer([{"id": "z", "canonical": "Volodymyr Zelenskyy", "kind": "person",
        ...                       "variants": ["Zelensky", "Zelenskiy"]}])
        >>> m = Match(25, 34, "Zelenskyy", "names.fuzzy", 0.85, "z")
        >>> VariantStyle("Zelensky spoke. Later, Zelenskky left.", [g]).house_spelling(m, "Zelenskky").replacement
        'Zelensky'
        >>> VariantStyle("Zelenskyy spoke. Later, Zelenskky left.", [g]).house_spelling(m, "Zelenskky") is None
        True
        """
        if self.name_style != "document":
            return None
        entry = self.entry(m.entry_id)
        if entry is None or not entry.variant_surnames or not m.replacement.endswith(entry.surname):
            return None
        if self.written(entry.surname):
            return None  # the text writes the canonical spelling too: it wins
        house = [v for v in entry.variant_surnames if self.written(v)]
        if len(house) != 1:
            return None  # none, or the text itself is inconsistent
        rep = m.replacement[:len(m.replacement) - len(entry.surname)] + house[0]
        if rep == said:
            return None
        return Change(m.start, m.end, rep, m.rule,
                      f"'{said}' is the name '{rep}', spelled as this text spells '{house[0]}'", m.confidence)

    def entry(self, entry_id: str) -> Entry | None:
        for gaz in self.gazetteers:
            entry = gaz.by_id.get(entry_id)
            if entry is not None:
                return entry
        return None

    def writes_canonical(self, entry: Entry, said: str) -> bool:
        """Does the text write the canonical spelling of what `said` spells
        otherwise? The whole canonical name ("Sergey Lavrov" for "Sergei
        Lavrov"), or a person's canonical surname where `said` spells the
        surname otherwise ("Zelenskyy" for "Zelensky" or "Volodymyr
        Zelensky"). Compared without diacritics, as the matcher compares.

        >>> from .match import build_gazetteer
        >>> g = build_gazetteer([{"id": "l", "canonical": "Sergey Lavrov", "kind": "person",
        ...                       "variants": ["Sergei Lavrov"]}])
        >>> style = VariantStyle("Sergei Lavrov met Lavrov's aides.", [g])
        >>> style.writes_canonical(g.by_id["l"], "Sergei Lavrov")
        False
        """
        if self.written(entry.canonical):
            return True
        parts = parse_parts(said)
        if entry.kind != "person" or len(entry.parts) < 2 or not parts:
            return False
        return parts[-1].key != entry.parts[-1].key and self.written(entry.surname)

    def written(self, name: str) -> bool:
        """`name` stands in the text as a word of its own (cached per text)."""
        if name not in self._written:
            if self._folded is None:
                self._folded = fold_text(self.text)
            pattern = rf"(?<![^\W\d_]){re.escape(fold(name))}(?![^\W\d_])"
            self._written[name] = re.search(pattern, self._folded) is not None
        return self._written[name]
