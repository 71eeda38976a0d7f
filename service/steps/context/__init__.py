"""Step 'context': real-word errors ("the two counties" -> "countries").

  step   the step: confusion sites scored in context, patterns, possessives
  rules  rules/context.yaml: confusion sets and patterns, compiled
  scan   finding the sites of a text (one sparse scan over its tokens)
  model  the n-gram model the scores read
  score  a site's evidence and its confidence
  edges  calibrated error rates at clause edges
  wordclass  lemminflect's word classes and the words around a site, for the grammar tests
  wider, clauses, phrases, roles  grammar beyond the bigrams that keeps a word as written
  support  grammar that backs a change
  candidates  open-ended partners for any word (CMU homophones) and the two-sided test
  sides, posclass  each neighbour's evidence on its own; a silent right one read by its word class
"""
from .step import STEP, compile_rules, run

__all__ = ["STEP", "compile_rules", "run"]
