"""Step 'spelling': non-word typos, corrected when the evidence is strong.

  step   the step: candidates, confidence, lines in another language
  guard  the pieces of a word it checks, and its own guards (why a word is left alone)
  rank   candidates from SymSpell ranked by frequency and a noisy channel
  morphology  compounds, derivations and words made from a stem: words, not slips
  named  evidence in the text that a word names a thing (an address, a list of names, a label)
  suggest  why a scored correction is only suggested: that evidence, in order
  words  a document's words, found once (sparse scan with a token cache)
"""
from .step import STEP, compile_rules, corrections, run

__all__ = ["STEP", "compile_rules", "corrections", "run"]
