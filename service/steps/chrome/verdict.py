"""What the chrome step says of a block it removes: a Verdict (rule id, reason, confidence),
and the verdicts of the rules that read a page's parts from its shape (its footer, a form, a
consent panel, a box of links...), one table of their ids and reasons.

>>> verdicts = [None, Verdict("chrome.phrase.share", "a share button", 0.9), None]
>>> take(verdicts, [1, 2], FOOTER)
>>> [v.rule if v else None for v in verdicts]
[None, 'chrome.phrase.share', 'chrome.classifier.footer']
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    """Why a block is chrome: the rule id, the message for the editor, the confidence."""

    rule: str
    message: str
    confidence: float
    starts_list: bool = False
    # metadata lines (a byline, a dateline, a caption: rules that hold only
    # outside the article) stand beside every item of a listing: two of them
    # close together do not start a list of chrome
    metadata: bool = False


def take(verdicts: list, indices, verdict: Verdict) -> None:
    """Give `verdict` to each block of `indices` that no rule has taken yet (the first rule's
    reason is the one the editor reads)."""
    for i in indices:
        verdicts[i] = verdicts[i] or verdict


FOOTER = Verdict("chrome.classifier.footer", "below the article and below the page's legal or copyright "
                 "line: the page's footer", 0.75)
FORM = Verdict("chrome.classifier.form", "below the article, a web form: its fields (labels marked required "
               "with a star) and what stands between them", 0.7)
CONSENT_PANEL = Verdict("chrome.classifier.consent_panel", "below the page's footer, a cookie consent panel "
                        "running from its notice to the page's end", 0.75)
SHORT_LINK_RUN = Verdict("chrome.classifier.short_link_run", "outside the article, a long run of labels right "
                         "above removed chrome, or a selector's options in alphabetical order", 0.7)
ABOVE_HEADLINE = Verdict("chrome.classifier.above_headline", "above the page's headline (the line repeating "
                         "the document's title) and its first paragraph, a link-like line of the site's header",
                         0.7)
OTHER_PRODUCTS = Verdict("chrome.classifier.other_products", "below the product's own price, a run of other "
                         "products' cards (a name and a price, again and again)", 0.7)
CUSTOMER_REVIEWS = Verdict("chrome.classifier.customer_reviews", "a product's customer reviews: from the "
                           "distribution of their ratings (5, 4, 3, 2, 1, each with its count) to the page's end",
                           0.7)
FILTER_OPTIONS = Verdict("chrome.classifier.filter_options", "a run of filter options, each a short label and "
                         "its count in brackets (a shop's facets, an archive's months)", 0.7)
ENCLOSED = Verdict("chrome.classifier.enclosed", "below the article, a run of link-like lines with removed "
                   "chrome right above and below it", 0.7)
