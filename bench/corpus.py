"""A fixed, seeded corpus of realistic news articles for the performance benchmark.

The sentences are the project's own; articles are drawn from them with a fixed
seed and get the damage Copydesk repairs at realistic rates (mojibake, typos,
chrome lines, doubled spaces), so every run measures the same work.
"""
from __future__ import annotations

import random

SUBJECTS = ["The minister", "The company", "Officials in the capital", "The central bank", "Local residents",
            "The opposition leader", "Researchers at the university", "The prime minister", "Investors",
            "The regional government", "Trade negotiators", "The football club", "Health authorities"]
VERBS = ["announced", "said on Tuesday that they had approved", "warned about", "rejected", "welcomed",
         "are reviewing", "has postponed", "confirmed", "questioned", "expects to finalise"]
OBJECTS = ["a new agreement on telecommunications", "the budget for the coming year",
           "plans to expand the port", "a proposal to raise interest rates", "the results of the inquiry",
           "an ambitious programme of investment in renewable energy", "the draft law on data protection",
           "a joint exercise with neighbouring countries", "the decision to close two hospitals",
           "talks with the unions over pensions", "the merger of the two largest banks"]
TAILS = ["after months of negotiations.", "despite strong criticism from the industry.",
         "according to a statement released late on Monday.", "in a move that surprised many observers.",
         "as the country prepares for elections next spring.", "amid growing concern about inflation.",
         "following a meeting with regional leaders.", "which analysts described as overdue."]
QUOTES = ["“We will not accept any delay,” she said.", "“This is a historic day for the region,” he told reporters.",
          "“The figures speak for themselves,” a spokesperson said.", "“We need more time,” an official admitted."]
CHROME = ["Related Articles", "Back to top button", "Share this article", "Sign up for our newsletter",
          "Advertisement", "Read More", "Privacy Policy", "Follow us on Twitter"]
TYPOS = {"government": "goverment", "receive": "recieve", "which": "whcih", "because": "becuase",
         "agreement": "agreemnet", "announced": "anounced", "months": "monhts", "decision": "descision"}
MOJIBAKE = {"’": "â€™", "“": "â€œ", "é": "Ã©"}


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.12:
        return rng.choice(QUOTES)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"


def damage(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for i, w in enumerate(words):
        if w in TYPOS and rng.random() < 0.3:
            words[i] = TYPOS[w]
    text = " ".join(words)
    if rng.random() < 0.3:
        for good, bad in MOJIBAKE.items():
            text = text.replace(good, bad)
    return text


def article(rng: random.Random, size: int = 5000) -> str:
    paragraphs, length = [], 0
    while length < size:
        para = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        para = damage(para, rng)
        if rng.random() < 0.1:
            para = para.replace(". ", ".  ", 1)
        paragraphs.append(para)
        length += len(para) + 2
    if rng.random() < 0.5:
        paragraphs += rng.sample(CHROME, 2)
    return "\n\n".join(paragraphs)


def corpus(n: int = 200, size: int = 5000, seed: int = 7) -> list[str]:
    """n articles of about `size` characters, the same for every run."""
    rng = random.Random(seed)
    return [article(rng, size) for _ in range(n)]
