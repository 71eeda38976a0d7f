"""From an HTML page to the text the pipeline cleans (requests with `html`).

  bounds   a linear pre-pass that bounds what a page can cost the parser
  extract  the article and its metadata: candidate extractions and a vote among them
  lede     the page's <h1> and the lines under it, put back before a text that skipped them
  joins    a space between inline items the page's style sheet sets apart (brand and name, menu links)
  named    the guard by the page's own name (<h1>, <title>): a choice that names none of it, away from its heading
  posts    a choice that is one post of a thread widens to the thread
  cardlines a small priced card's name, price and rating on one line of the chosen text
  cards    the page's item cards: the largest run of sibling elements of one shape
  declared a thread's posts as the page declares them (schema.org): the text cut to them
  dates    the page's date from its markup and metadata only, never from its prose
  sections the article's own sections that trafilatura cut, taken back from its container
  regions  the page region that holds its prose (DOM features: link density, sentences), and the one around its name
  tail     the visible text past the markup budget's cut, read in one linear pass, after a text that runs to it
  teasers  another story's headline after a short label between paragraphs ("READ MORE: <a>...</a>")
  text     the visible text of a page or fragment, one block per line

`extract_html(page)` -> (text, metadata) is the entry point; `read_unparsed(page)`
reads a page when its request has no time left to parse it (a batch's time spent).
"""
from .extract import extract_html, read_unparsed

__all__ = ["extract_html", "read_unparsed"]
