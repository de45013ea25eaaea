"""Name mentions in a parsed document: knowledge-base matches on the existing doc plus spaCy's entities.

Matching reuses the one spaCy parse (a PhraseMatcher over token text, compiled once per process and
knowledge base), so recognition costs a small fraction of the parse. Page furniture (photo credits such as
"YURI KADOBNOV/AFP via Getty Images") is masked first: a credit's names are never actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.util import filter_spans

from tacitus.actors.kb import Entry, KnowledgeBase
from tacitus.actors.phoenix import name_words
from tacitus.contract import ActorType

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT"}
_AGENCIES = (
    r"(?:AFP|AP|Reuters|REUTERS|Getty(?: Images)?|EPA(?:-EFE)?|Shutterstock|Bloomberg|Pool|POOL|Sputnik|"
    r"SPUTNIK|TASS|Anadolu|ANADOLU|Xinhua|NurPhoto|SOPA Images|LightRocket|ZUMA(?: Press)?|Alamy|"
    r"Kremlin|KREMLIN|UPI|AAP|dpa|DPA|Imago|IMAGO)"
)
_CREDIT = re.compile(
    rf"(?:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*[ \t]*/[ \t]*{_AGENCIES}"
    rf"|{_AGENCIES}[ \t]*/[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*)"
    r"(?:[ \t]+via[ \t]+[A-Z][\w .-]*)?"
    r"|\bvia[ \t]+(?:Getty Images|AP|Reuters|AFP|Shutterstock|EPA|Pool)\b"
    r"|\bGetty Images\b|\bShutterstock\b|\bAP Photo\b[^\n)]*"
    r"|(?m:^[ \t]*(?:Photo|Image|Picture|Credit|Photograph)s?[ \t]*(?:by|:)[^\n]*$)"
    r"|\((?:Photo|Image|Credit|Photograph)[^)\n]*\)"
)


@dataclass
class Mention:
    """A stretch of tokens naming something; `kb_id` set when the knowledge base knows the name."""

    start: int  # token index
    end: int  # token index, exclusive
    text: str
    label: str  # spaCy label, "KB" for a knowledge-base match, "METONYM" for a capital/seat, "SPLIT"
    kb_id: str | None = None
    metonym_of: str | None = None  # country code when the name is a capital standing for its government
    country: str | None = None  # for unnamed nationality groups ("Israeli troops")
    sector: tuple[str, ...] = ()
    group_key: str | None = None


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of photo credits and similar furniture in `text`."""
    return [(m.start(), m.end()) for m in _CREDIT.finditer(text)]


_MATCHERS: dict[tuple[int, int], tuple[KnowledgeBase, PhraseMatcher, PhraseMatcher]] = {}


@lru_cache(maxsize=1)
def _tokenizer():
    from spacy.lang.en import English

    return English().tokenizer


def matchers(kb: KnowledgeBase, doc: Doc) -> tuple[PhraseMatcher, PhraseMatcher]:
    """The knowledge base compiled into phrase matchers once per (knowledge base, vocabulary)."""
    key = (id(kb), id(doc.vocab))
    cached = _MATCHERS.get(key)
    if cached is None or cached[0] is not kb:
        cached = (kb, *_compile(kb, doc.vocab))
        _MATCHERS[key] = cached
    return cached[1], cached[2]


def _compile(kb: KnowledgeBase, vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
    names = PhraseMatcher(vocab, attr="ORTH")
    metonyms = PhraseMatcher(vocab, attr="ORTH")
    tokenizer = _tokenizer()
    for surface in kb.names:
        for variant in {surface, surface[:1].upper() + surface[1:]}:
            names.add(variant, [tokenizer(variant)])
    for surface in kb.metonyms:
        metonyms.add(surface, [tokenizer(surface)])
    return names, metonyms


def find_mentions(doc: Doc, kb: KnowledgeBase) -> list[Mention]:
    """Knowledge-base names first (longest wins), then spaCy entities that they do not cover."""
    masked = _masked_tokens(doc)
    ent_at = {token.i: token.ent_type_ for token in doc if token.ent_type_}
    name_matcher, metonym_matcher = matchers(kb, doc)
    spans = []
    for match_id, start, end in name_matcher(doc):
        surface = doc.vocab.strings[match_id]
        entry = kb.lookup(surface) or kb.lookup(surface[:1].lower() + surface[1:])
        if entry is None or any(i in masked for i in range(start, end)):
            continue
        if entry.confirm and not _confirmed(doc, start, end):
            continue
        if not _fits(doc, start, end, entry, kb):
            continue
        span = doc[start:end]
        span.label_ = "KB"
        span.kb_id_ = entry.id
        spans.append(span)
    for match_id, start, end in metonym_matcher(doc):
        if any(i in masked for i in range(start, end)):
            continue
        if not any(ent_at.get(i) in ("GPE", "ORG", "FAC", "LOC", "PERSON") for i in range(start, end)):
            continue
        span = doc[start:end]
        span.label_ = "METONYM"
        span.kb_id_ = kb.metonyms[doc.vocab.strings[match_id]]
        spans.append(span)
    kb_spans = filter_spans(spans)
    covered = {i for span in kb_spans for i in range(span.start, span.end)}
    converted = _converted_spans(doc, kb, masked, covered, _article_countries(doc, kb, kb_spans))
    kb_spans = filter_spans(kb_spans + converted)
    covered = {i for span in kb_spans for i in range(span.start, span.end)}
    mentions = [_kb_mention(span) for span in kb_spans]
    for ent in _whole_names(doc):
        if ent.label_ not in NAME_LABELS or any(i in masked for i in range(ent.start, ent.end)):
            continue
        tokens = [t for t in ent if t.i not in covered]
        if len(tokens) == len(ent):
            start, end = _trim(ent.start, ent.end, doc)
            if start < end:
                mentions.append(Mention(start, end, doc[start:end].text, ent.label_))
        elif tokens and tokens[0].i > ent.start and _is_name_run(tokens):
            # "Ambassador to Israel Anatoly Viktorov" tagged as one ORG: the part after the known name
            # is its own mention, typed later by the document's vote.
            start, end = _trim(tokens[0].i, tokens[-1].i + 1, doc)
            if start < end:
                mentions.append(Mention(start, end, doc[start:end].text, "SPLIT"))
    covered.update(i for m in mentions for i in range(m.start, m.end))
    mentions.extend(_untagged_speakers(doc, covered, masked))
    mentions.sort(key=lambda m: m.start)
    return mentions


_LINKERS = {"of", "for", "on", "and", "de"}


def _whole_names(doc: Doc) -> list:
    """spaCy's entities, with an organisation cut before its last words joined up again: "the Council of"
    + "Europe" is one name, "Council of Europe"; a name left ending in "of" loses the dangling word."""
    ents = list(doc.ents)
    out = []
    skip = -1
    for index, ent in enumerate(ents):
        if index == skip:
            continue
        end = ent.end
        if ent.label_ in ("ORG", "FAC") and doc[end - 1].lower_ in _LINKERS:
            following = ents[index + 1] if index + 1 < len(ents) else None
            if following is not None and following.start == end and following.label_ in NAME_LABELS:
                end, skip = following.end, index + 1
            else:
                while end > ent.start + 1 and doc[end - 1].lower_ in _LINKERS:
                    end -= 1
        if end != ent.end:
            span = doc[ent.start : end]
            span.label_ = ent.label_
            out.append(span)
        else:
            out.append(ent)
    return out


def _article_countries(doc: Doc, kb: KnowledgeBase, spans) -> set[str]:
    """Countries the article names or qualifies with a demonym: they break ties between namesakes."""
    found = {kb.entries[s.kb_id_].country for s in spans if s.label_ == "KB" and kb.entries[s.kb_id_].country}
    found.update(s.kb_id_ for s in spans if s.label_ == "METONYM")
    found.update(code for t in doc if t.is_title and (code := kb.demonym(t.text)))
    return found


def _converted_spans(doc: Doc, kb: KnowledgeBase, masked: set[int], covered: set[int], countries: set[str]):
    """Names of the converted Phoenix table on runs of capitalised words, longest first, with guardrails:
    one-word names only where spaCy sees that word as an entity of a fitting type, a person's name only when
    the given names around it agree, and a name several actors share only when the article's countries pick
    exactly one of them (else it links nothing)."""
    table = kb.phoenix
    if table is None:
        return []
    found = []
    start = 0
    while start < len(doc):
        token = doc[start]
        if (
            start in covered
            or start in masked
            or not token.is_alpha
            or not (token.is_title or token.is_upper)
        ):
            start += 1
            continue
        limit = min(len(doc), start + table.longest, token.sent.end)
        matched = None
        for end in range(limit, start, -1):
            if any(i in covered or i in masked or doc[i].is_space for i in range(start + 1, end)):
                continue
            if not (doc[end - 1].is_alpha or doc[end - 1].text == "."):
                continue
            words = name_words(" ".join(t.text for t in doc[start:end]))
            if words not in table.index:
                continue
            entry = _pick(kb.converted(words), countries)
            if entry is not None and _fits(doc, start, end, entry, kb) and _strong(doc, start, end, entry):
                matched = doc[start:end]
                matched.label_ = "KB"
                matched.kb_id_ = entry.id
            break
        if matched is not None:
            found.append(matched)
            start = matched.end
        else:
            start += 1
    return found


def _pick(entries: list[Entry], countries: set[str]) -> Entry | None:
    """The one entry a name stands for; among namesakes, the one of a country the article names, else none."""
    if len(entries) == 1:
        return entries[0]
    local = [e for e in entries if e.country in countries]
    return local[0] if len(local) == 1 else None


def _strong(doc: Doc, start: int, end: int, entry: Entry) -> bool:
    """A one-word name counts only as a whole entity spaCy also tags (or an acronym): "Ban", "Mali" as words
    are not names; a one-word person name needs a PERSON tag."""
    if end - start > 1:
        return True
    token = doc[start]
    whole = token.ent_iob_ == "B" and (start + 1 >= len(doc) or doc[start + 1].ent_iob_ != "I")
    if entry.type == ActorType.PERSON:
        return whole and token.ent_type_ == "PERSON"
    return (whole and token.ent_type_ in ("ORG", "NORP", "GPE", "FAC")) or (token.is_upper and len(token) > 1)


_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _fits(doc: Doc, start: int, end: int, entry: Entry, kb: KnowledgeBase) -> bool:
    """Type and context guardrails for a knowledge-base name found at [start, end)."""
    ent_type = doc[start].ent_type_
    inside_person = ent_type == "PERSON" and _entity_extends(doc, start, end, kb)
    if entry.type == ActorType.PERSON:
        if ent_type in _PLACE_LABELS and end - start == 1:
            return False  # a one-word person name tagged as a place
        return not inside_person  # "Michelle Obama" is not Barack Obama: the given names must agree
    if entry.type == ActorType.COUNTRY:
        return not inside_person  # "Cheikh Tidiane Gadio Senegal..." / a surname that is a country's name
    if inside_person:
        return False
    if entry.country and end - start == 1:
        return not _foreign(doc, start, end, entry, kb)
    return True


def _entity_extends(doc: Doc, start: int, end: int, kb: KnowledgeBase) -> bool:
    """The entity around [start, end) has name words outside it (titles do not count)."""
    left = start
    while left > 0 and doc[left - 1].ent_iob_ in ("B", "I") and doc[left].ent_iob_ == "I":
        left -= 1
    right = end
    while right < len(doc) and doc[right].ent_iob_ == "I":
        right += 1
    outside = [t for t in [*doc[left:start], *doc[end:right]] if t.is_alpha and t.text[:1].isupper()]
    return any(
        not kb.titles.is_title(t.lower_) and t.lower_ not in ("mr", "mrs", "ms", "dr") for t in outside
    )


def _foreign(doc: Doc, start: int, end: int, entry: Entry, kb: KnowledgeBase) -> bool:
    """A one-word body name that another country owns: "Peru's Congress", "the Kenyan Parliament", "Congress
    of Colombia" is not the US Congress."""
    before = start - 1
    if before >= 0 and doc[before].text in ("'s", "’s", "'", "’"):
        before -= 1
    codes = []
    if before >= 0:
        owner = kb.lookup(doc[before].text)
        codes.append(kb.demonym(doc[before].text) or (owner.country if owner else None))
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        owner = kb.lookup(doc[end + 1].text)
        codes.append(owner.country if owner and owner.type == ActorType.COUNTRY else None)
    return any(code and code != entry.country for code in codes)


_SAY = {"say", "tell", "add", "announce", "insist", "warn", "argue", "explain", "note", "claim", "write"}


def _untagged_speakers(doc: Doc, covered: set[int], masked: set[int]) -> list[Mention]:
    """A capitalised proper noun the tagger left out that says something ("Bogdanov said") names a person."""
    found = []
    for token in doc:
        if (
            token.dep_ == "nsubj"
            and token.pos_ == "PROPN"
            and token.is_title
            and token.head.lemma_ in _SAY
            and token.i not in covered
            and token.i not in masked
            and not token.ent_type_
        ):
            start = token.i
            while (
                start > 0
                and doc[start - 1].dep_ == "compound"
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].is_title
                and start - 1 not in covered
            ):
                start -= 1
            found.append(Mention(start, token.i + 1, doc[start : token.i + 1].text, "SUBJECT"))
    return found


def _confirmed(doc: Doc, start: int, end: int) -> bool:
    """A name that is also a word or a person's name ("Jordan", "Dawn") counts only as spaCy's whole entity."""
    first = doc[start]
    closes = end >= len(doc) or doc[end].ent_iob_ != "I"
    return first.ent_iob_ == "B" and closes and first.ent_type_ in NAME_LABELS and first.ent_type_ != "PERSON"


def _kb_mention(span) -> Mention:
    label, key = span.label_, span.kb_id_
    start = span.start + 1 if span[0].lower_ == "the" and len(span) > 1 else span.start
    text = span.doc[start : span.end].text
    if label == "METONYM":
        return Mention(start, span.end, text, label, metonym_of=key)
    return Mention(start, span.end, text, "KB", kb_id=key)


def _is_name_run(tokens: list[Token]) -> bool:
    return all(t.is_title or t.text in ("-", ".") for t in tokens) and any(t.pos_ == "PROPN" for t in tokens)


def _trim(start: int, end: int, doc: Doc) -> tuple[int, int]:
    """Drop a leading article and trailing possessives, punctuation and whitespace from an entity."""
    while start < end and (
        doc[start].lower_ in ("the", "a", "an") or doc[start].is_space or doc[start].is_punct
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_space
        or doc[end - 1].is_punct
        or doc[end - 1].tag_ == "POS"
        or doc[end - 1].text in ("'s", "’s")
    ):
        end -= 1
    return start, end


def _masked_tokens(doc: Doc) -> set[int]:
    masked: set[int] = set()
    for start, end in credit_spans(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            masked.update(range(span.start, span.end))
    return masked


def is_metonymic(token: Token) -> bool:
    """A capital that acts ("Moscow said", "Moscow's offer", "Moscow mediation"), not a location ("in Moscow")."""
    if token.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    if token.dep_ == "pobj":
        return token.head.lower_ in ("by", "with", "between", "against")
    if token.dep_ == "compound":
        return token.head.ent_type_ == "" and token.head.pos_ == "NOUN"
    return False


def is_shouted(mention: Mention) -> bool:
    """An all-capitals personal or place name outside the knowledge base: a credit or a heading, not prose."""
    letters = [c for c in mention.text if c.isalpha()]
    return (
        mention.label in ("PERSON", "GPE", "NORP", "SPLIT")
        and len(letters) >= 4
        and all(c.isupper() for c in letters)
    )
