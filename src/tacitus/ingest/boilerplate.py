"""What a scraped news line *is*: boilerplate, a photo credit, a byline, a date line, prose or a short line.

Each pattern is a general page furniture rule (navigation, sharing, subscription, cookie banners, photo
agency credits), checked on the 162 trafilatura evaluation pages dumped as text (`eval/ingest_trafilatura.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from tacitus.ingest.dates import DATE_IN_TEXT

_MONTHS_SHORT = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"


class Kind(StrEnum):
    BOILER = "boiler"  # page furniture: dropped
    TAIL = "tail"  # a marker after which the article is over ("Related Topics", "Comments")
    CREDIT = "credit"  # a photo credit on a line of its own
    CAPTION = "caption"  # a caption line that ends with its photo credit
    BYLINE = "byline"  # "By Jane Doe | June 11, 2024"
    DATE = "date"  # a line that is only a date or time stamp
    PROSE = "prose"  # a sentence-bearing paragraph
    SHORT = "short"  # a heading, a menu item, a label


def _anchored(*patterns: str) -> re.Pattern:
    return re.compile(r"^(?:" + "|".join(patterns) + r")$", re.IGNORECASE)


# Whole lines that are page furniture on news sites (menus, share bars, subscription and cookie prompts).
BOILER_LINE = _anchored(
    r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer|article)\W*",
    r"(?:jump|go) to (?:main )?(?:content|navigation)\W*",
    r"accessibility (?:links|help)",
    r"advertisement\W*|advertising|ad|ads|sponsored(?: content)?|paid (?:post|content)|promoted(?: stories)?",
    r"story continues below(?: advertisement)?|article continues below(?: this ad)?|continue reading(?: below)?\W*",
    r"(?:share|tweet|email|print|pin|save|copy)(?: (?:this|the))?(?: (?:article|story|page|link|post))?(?: on \w+| via \w+| with \w+)?\W*",
    r"share (?:this )?(?:with|on|via) .{1,30}|share on .{1,30}|shares?|sharing options|show more sharing options",
    r"close extra sharing options|copy link(?: url)?(?:\s*copied!?)?|link copied\W*|copied!?",
    r"(?:facebook|twitter|x|linkedin|whatsapp|messenger|pinterest|reddit|flipboard|email|e-mail|print|comments?"
    r"|instagram|youtube|tiktok|telegram|rss|mail)",
    r"(?:sign|log) ?(?:in|up|out)\W*(?:for .{0,40})?|register|my account|account|subscribe(?: now| today)?\W*|subscriptions?",
    r"accept(?: all)?(?: cookies)?|reject all|manage (?:preferences|cookies|consent)|i agree|got it|ok",
    r"menu|main menu|close|open|search|search query|submit(?: search)?|show search|home|homepage|back to top|top\W*",
    r"(?:next|previous|prev) (?:article|story|post|page)\W*|next|previous|more|show more|load more|see more|view more",
    r"read more\W*|read next\W*|read (?:the )?full (?:story|article)\W*|click here.{0,60}",
    r"(?:all rights reserved|©|\(c\)|copyright\b).{0,150}|.{0,150}(?:all rights reserved\.?)",
    r"follow us(?: on .{1,30})?\W*|follow\W*|like us on facebook\W*",
    r"listen to (?:this )?(?:article|story)\W*.{0,20}|\d+\s*min(?:ute)?s?\s*(?:read|listen)\W*|listen\W*",
    r"(?:watch|video|photos?|gallery|image \d+ of \d+|\d+ of \d+|audio)\W*",
    r"(?:updated|published|posted|last updated|first published)\W*",
    r"(?:image|photo|video) (?:source|caption)\W*.{0,80}",
    r"support (?:our|the) (?:journalism|.{1,30})|donate\W*|contribute\W*",
    r"we(?:'|’)re sorry.{0,100}|please enter a .{0,60}|this video is not available.{0,60}|your browser .{0,100}",
    r"[\W_]+",  # separators: "|", "_____", "•"
    r"[\d.,]+[km]?\s+(?:shares?|comments?|views?|reads?)|reading time\W.{0,20}|send (?:a )?text message",
    r"(?:click|tap) to (?:share|print|email).{0,60}|get (?:author )?rss feed|jump to recipe.{0,20}|"
    r"(?:rate|print|pin|save) (?:this |the )?recipe|add (?:a )?comment|filed under.{0,60}",
    r"don'?t show (?:me )?this (?:message )?again|media caption.{0,100}|image copyright.{0,60}|"
    r"(?:last )?modified(?: on)?.{0,40}",
    r"https?://\S+|www\.\S+",
    r"(?:home|front page|start)\s*(?:[»>/|›]\s*[^»>|›]{1,60}){1,6}",  # breadcrumbs: "Home » Recipes » …"
)

# Short lines that merely mention a newsletter, cookies or the privacy policy are prompts, not reporting.
BOILER_MENTION = re.compile(
    r"\b(?:newsletters?|cookies?|privacy policy|terms of (?:use|service)|privacy settings|sign up|subscribe|"
    r"subscription|all rights reserved|javascript)\b",
    re.IGNORECASE,
)
BOILER_MENTION_MAX_WORDS = 15

# Stylesheet rules and script lines that leak into a page's text.
CODE_LINE = re.compile(
    r"[{}]|^<\w[^>]*>|</\w+>|^[\w-]+\s*:\s*[^:]{1,80};$|^(?:var|function|const|let|window\.|document\.)\b"
)

# Lines after which a scraped article is over: related links, comment threads, tag lists.
TAIL_LINE = _anchored(
    r"related(?: (?:topics|articles?|stories|content|coverage|news|posts|links|reading|videos?|tags))?\W*",
    r"(?:more|latest) (?:on this story|from .{1,40}|stories|news|in .{1,40}|like this|articles)\W*",
    r"(?:you (?:may|might) (?:also )?(?:like|be interested in|enjoy)|recommended(?: for you)?|"
    r"most (?:read|popular|viewed|shared)|trending(?: now)?|top stories|editor(?:'|’)?s picks?|what to read next)\W*",
    r"(?:\d+\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?\W*|leave a (?:reply|comment)\W*|"
    r"(?:join|view|show|read) (?:the )?(?:\d+ )?(?:comments?|discussion|conversation)\W*|post a comment\W*",
    r"(?:topics|tags|filed under|categories)\W*",
    r"about the authors?\W*|share this (?:article|story)\W*",
)

# Photo agencies and picture credits; a caption ends with one, or it stands on its own line.
_AGENCY = (
    r"(?:AP|AFP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|Shutterstock|Alamy|Bloomberg|Pool|File|"
    r"iStock(?:photo)?|Xinhua|TASS|Sputnik|ANSA|DPA|NurPhoto|SOPA Images|Anadolu(?: Agency)?|"
    r"Corbis|Redux|ZUMA(?: Press| Wire)?|PA(?: Images| Wire)?|WireImage|Handout|Courtesy[^/]{0,40})"
)
_CREDIT_BODY = (
    rf"(?:[^—–()]{{0,60}}/\s*{_AGENCY}[^—–()]{{0,40}}|[^—–()]{{0,40}}\bvia {_AGENCY}[^—–()]{{0,20}}|"
    rf"{_AGENCY}(?:\s*/\s*[^—–()]{{1,40}})?)"
)
# "Photo: …", "Photograph by …", "Image courtesy of …", "Credit: …": a label, then a colon or "by".
_CREDIT_LABEL = (
    r"(?:photo(?:graph)?s?|images?|pictures?|credits?|illustrations?|photo illustration)"
    r"(?:\s*:|\s+(?:by|credit|courtesy(?: of)?)\b\s*:?)"
)
# "… Lavrov. — YURI KADOBNOV/AFP via Getty Images", "… in Houston. (Elizabeth Conley / Houston Chronicle)",
# "… in Gaza. Photo: Jane Doe/Reuters", "… in Kyiv (Photo by John Smith/Getty Images)".
CREDIT_TAIL = re.compile(
    rf"(?:\s+[—–-]{{1,2}}\s*(?P<dash>{_CREDIT_BODY})"
    rf"|\s*\((?P<paren>(?:{_CREDIT_LABEL})[^()]{{1,120}}|[^()]{{2,60}}\s?/\s?[^()]{{2,60}})\)"
    rf"|\s+(?P<label>(?:{_CREDIT_LABEL})\s*[^.]{{2,100}})"
    rf"|\s+(?P<slash>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,3}}\s?/\s?{_AGENCY}))\.?\s*$",
    re.IGNORECASE,
)
CREDIT_ONLY = re.compile(
    rf"^(?:\(?\s*(?:(?:{_CREDIT_LABEL})\s*.{{1,100}}|{_CREDIT_BODY})\s*\)?|\([^().]{{2,60}}\s?/\s?[^().]{{2,60}}\))\.?$",
    re.IGNORECASE,
)
# "By Jane Doe", "By Jane Doe and John Roe | June 11, 2024", "Written by Jane Doe, Reuters".
BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|posted by|reporting by)\s*:?\s+(?P<rest>[A-Z\u00C0-\u024F].{1,150})$",
    re.IGNORECASE,
)
_TIME = r"\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)(?:\s*[A-Z]{2,4})?|\d{1,2}:\d{2}(?:\s*[A-Z]{2,4})?"
_DATE_LINE_LEAD = r"(?:(?:updated|published|posted|last updated|first published|modified|on)\W*\s*)*"
DATE_LINE = re.compile(
    rf"^{_DATE_LINE_LEAD}(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?"
    rf"(?:{DATE_IN_TEXT.pattern}|{_TIME})(?:[\s,|•·@at-]+(?:{DATE_IN_TEXT.pattern}|{_TIME}|ET|GMT|UTC|BST|EST|EDT|PST|PDT))*\W*$",
    re.IGNORECASE,
)
_META_DATE = re.compile(
    rf"{DATE_IN_TEXT.pattern}|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}\b|\b\d{{1,2}} {_MONTHS_SHORT} \d{{4}}\b",
    re.IGNORECASE,
)
_TIME_ONLY = re.compile(rf"^(?:{_TIME})$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;][\"'’”)\]]*$")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


@dataclass(frozen=True)
class Line:
    text: str
    kind: Kind
    words: int
    new_paragraph: bool  # a blank line came before it


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def classify(text: str) -> Kind:
    """The kind of one stripped, non-empty line."""
    words = count_words(text)
    if TAIL_LINE.match(text):
        return Kind.TAIL
    if words <= 25 and BOILER_LINE.match(text):
        return Kind.BOILER
    if words <= BOILER_MENTION_MAX_WORDS and BOILER_MENTION.search(text):
        return Kind.BOILER
    if words == 0 or (words <= 25 and CODE_LINE.search(text)):
        return Kind.BOILER
    if words <= 12 and (DATE_LINE.match(text) or _TIME_ONLY.match(text)):
        return Kind.DATE
    if words <= 20 and BYLINE.match(text):
        return Kind.BYLINE
    if words <= 15 and _META_DATE.search(text) and not text.endswith("."):
        return Kind.DATE  # "Posted on September 21, 2020 by Adi Tzlil", "Last updated 04 Jun 2020"
    if words <= 14 and CREDIT_ONLY.match(text) and not _SENTENCE_END.search(text.rstrip(".")):
        return Kind.CREDIT
    if words <= 80 and CREDIT_TAIL.search(text) and words >= 4:
        return Kind.CAPTION
    if is_prose(text, words):
        return Kind.PROSE
    return Kind.SHORT


def is_prose(text: str, words: int | None = None) -> bool:
    """A paragraph of running text: sentence punctuation and enough words, or long whatever its ending."""
    words = count_words(text) if words is None else words
    return words >= 25 or (words >= 8 and bool(_SENTENCE_END.search(text)))


def split_credit(text: str) -> tuple[str, str | None]:
    """'Caption. — NAME/AFP via Getty Images' → ('Caption.', 'NAME/AFP via Getty Images')."""
    match = CREDIT_TAIL.search(text)
    if not match:
        return text, None
    credit = next(group for group in match.groups() if group)
    return text[: match.start()].rstrip(" —–-").strip(), credit.strip().rstrip(".")


def credit_text(line: str) -> str:
    """The credit of a credit-only line, without brackets or a trailing full stop."""
    return line.strip().strip("()").strip().rstrip(".")


def byline_parts(text: str) -> tuple[str | None, str | None]:
    """(author, ISO date) from a byline; either may be None."""
    from tacitus.ingest.dates import find_date

    match = BYLINE.match(text)
    published = find_date(text)
    if not match:
        return None, published
    author = re.split(
        r"\s*(?:\||•|·|—|–|,\s*(?=\w+ \d)|\bupdated\b|\bpublished\b|\bon (?=\w+ \d))\s*",
        match["rest"],
        maxsplit=1,
        flags=re.IGNORECASE,
    )[0]
    author = DATE_IN_TEXT.sub("", author).strip(" ,|-–—")
    return (author or None), published
