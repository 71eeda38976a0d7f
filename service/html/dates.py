"""The page's date, from its markup and metadata only: never a year or a date read in its prose.

htmldate (trafilatura's date finder) falls back to the page's text: in its
extensive mode any year in a paragraph ("Paragraph 1995") becomes the page's
date (1995-01-01), and even its fast mode reads ISO dates in the text. A date
the page does not declare is left out. `page_date` gives htmldate a skeleton
of the page made of what declares a date, collected in one linear regex pass:
<meta> and <link> tags (published-time properties, the canonical URL), JSON-LD
blocks, <time> and <abbr> elements, and short elements whose class, id or
itemprop names a date ("date", "publish", "posted"). Only <meta> tags named for
a date and the canonical <link> are read: an og:image URL holds the date the
image was uploaded. The skeleton holds no
prose, so whatever htmldate reads in it the page's markup declared.

>>> page_date('<meta property="article:published_time" content="2021-03-04T10:00:00Z"><p>In 1995 we met.</p>')
'2021-03-04'
>>> page_date("<html><body><p>Paragraph 1995. On 2019-05-06 the council met.</p></body></html>") is None
True
>>> page_date('<p>Posted <span class="post-date">12 May 2020</span></p>')
'2020-05-12'
>>> page_date('<meta property="og:image" content="/media/2016/04/05/a.jpg"><div class="date">Nov 20, 2019</div>')
'2019-11-20'
"""
from __future__ import annotations

import contextlib
import contextvars
import logging
import re

# At most this many date-declaring tags are read (a page has a handful): a bound on the skeleton.
MAX_DATED_TAGS = 200
# An element whose class, id or itemprop names a date is read when its text is at most this long.
MAX_DATED_TEXT = 80
# (Each lazy scan inside a tag is bounded: a tag of 100,000 "name=" costs linear time.)
# A <meta> tag is read when its name, property or itemprop holds one of these (a date's, not an image's
# whose URL holds a date); a <link> when it is the page's canonical URL.
_DATE_NAMES = "date|time|publish|modif|created|issued"
_DATED = re.compile(
    rf"<meta\b[^<>]*?\b(?:name|property|itemprop|http-equiv)\s*=\s*[\"']?[^\"'<>\s]{{0,100}}?(?:{_DATE_NAMES})[^<>]*+>"
    r"|<link\b[^<>]*?\brel\s*=\s*[\"']?canonical\b[^<>]*+>"
    r"|<script\b[^<>]*?\bapplication/(?:ld|settings)\+json\b[^<>]*+>[^<]*+</script\s*>"
    r"|<(time|abbr)\b[^<>]*+>[^<]{0,200}+(?:</\1\s*>)?"
    rf"|<([a-z][a-z0-9]*+)\b[^<>]*?\b(?:class|id|itemprop)\s*=\s*[\"']?[^\"'<>]{{0,200}}?"
    rf"(?:date|publish|posted)[^<>]*+>[^<]{{1,{MAX_DATED_TEXT}}}+</\2\s*>",
    re.I)
log = logging.getLogger(__name__)


def dated_markup(html: str) -> str:
    """The skeleton of `html` that declares dates (see the module), as a page of its own.

    >>> dated_markup('<head><meta name="date" content="2020-01-02"></head><p>Prose of 1999.</p>')
    '<html><head><meta name="date" content="2020-01-02"></head><body></body></html>'
    """
    head, body = [], []
    for i, m in enumerate(_DATED.finditer(html)):
        if i == MAX_DATED_TAGS:
            break
        token = m.group(0)
        (head if token[:5].lower() in ("<meta", "<link") else body).append(token)
    return f"<html><head>{''.join(head)}</head><body>{''.join(body)}</body></html>"


def page_date(html: str) -> str | None:
    """The page's date (YYYY-MM-DD) as its markup declares it, its original date first; None if it declares none."""
    from htmldate import find_date

    skeleton = dated_markup(html)
    if skeleton == "<html><head></head><body></body></html>":
        return None
    try:
        return find_date(skeleton, **date_params())
    except Exception as exc:  # htmldate/lxml raise many types on broken markup
        log.warning("htmldate could not read the page's dates: %s", exc)
        return None


# Set while trafilatura extracts for us (`trafilatura_date_skipped`): its find_date then answers None at once.
_SKIP_TRAFILATURA_DATE = contextvars.ContextVar("skip_trafilatura_date", default=False)


@contextlib.contextmanager
def trafilatura_date_skipped():
    """Within it, trafilatura's metadata reads no date: its date (htmldate on the whole page, a
    deep copy of the tree and a search of every element) is never used, `page_date` reads the
    markup's. trafilatura has no option for it, so its module's find_date is wrapped once; the
    wrapper asks this context (per thread and task), and any other caller gets htmldate's answer.

    >>> import trafilatura.metadata as tm
    >>> page = '<html><head><meta name="date" content="2020-01-02"></head><body></body></html>'
    >>> with trafilatura_date_skipped():
    ...     tm.find_date(page) is None
    True
    >>> tm.find_date(page)
    '2020-01-02'
    """
    import trafilatura.metadata as tm

    if not getattr(tm.find_date, "skippable", False):
        tm.find_date = _skippable(tm.find_date)
    token = _SKIP_TRAFILATURA_DATE.set(True)
    try:
        yield
    finally:
        _SKIP_TRAFILATURA_DATE.reset(token)


def _skippable(find_date):
    """`find_date`, answering None inside `trafilatura_date_skipped`."""
    def find_date_unless_skipped(*args, **kwargs):
        return None if _SKIP_TRAFILATURA_DATE.get() else find_date(*args, **kwargs)
    find_date_unless_skipped.skippable = True
    return find_date_unless_skipped


def date_params() -> dict:
    """htmldate's options as trafilatura sets them (original date, none past today), without its
    extensive search: the one that reads dates and years in the page's text."""
    from trafilatura.settings import set_date_params

    return set_date_params(extensive=False)
