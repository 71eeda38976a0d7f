"""Step 'names': variants of known names -> their canonical form; proper-noun casing.

  step   the step: windows of name-like words matched against the gazetteer
  match  the gazetteer (rules/names.yaml + request names) and matching a window
  sound  names heard rather than read: phonetic keys, similar words
  scan   the sparse scan that finds the windows worth matching
  style  a document's own accepted spelling of a name (suggested, not applied)
  view   what a window reads as (spelling-aware readings of a name)
"""
from .step import STEP, compile_request_names, compile_rules, run

__all__ = ["STEP", "compile_request_names", "compile_rules", "run"]
