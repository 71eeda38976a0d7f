"""Step 'chrome': site chrome lines, and link titles glued onto sentences.

  step     the article, walking out from it, the rules of rules/chrome.yaml
  article  the run of blocks with the most prose (Body Text Extraction), where comments end it
  signals  line and block shapes (language-neutral) and prose evidence
  content  a page's own list-like content: code, prices, tables, enumerations
  match    the phrase rules compiled, found with one joined pattern per length tier
  glued    "… – Inside TelecomThis is…": the glued link title alone goes
  tail     the footer below the article's last paragraphs
  menus    runs of short labels (menus, tables) and pages of dated items
  guard    repeated lines, the page guard, the fixpoint
  listing  a page's own lists: cards with one button each, a listing's teasers
  recurring lines found on most documents of one site in a batch
  headline the site's header above the page's headline (the line repeating the <title>)
  carousels other products' cards below a product's own price
  seen     a short block's test answers kept across documents (a site's menus)
"""
from .step import STEP, compile_rules, run

__all__ = ["STEP", "compile_rules", "run"]
