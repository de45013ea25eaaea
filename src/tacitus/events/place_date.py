"""Where and when: an event's place from its own clause, and its date by the fallback chain of issue 5.

A mixin of `Coder`. A place is taken only from the event's own clause ("in/at X" on the trigger, "visited X",
"a visit to X", "the meeting that was scheduled to take place in X"), never from a place the sentence only
mentions. The place itself is the places stage's (`document.places`, resolved with the whole article's
context); a metonymic mention ("Moscow said") is never a place; a name the places stage left out is looked up
alone (`places.geocode`). The date: the own clause's timex; else the time stage's date for the trigger; else the timex of the
clause that governs it ("said on Monday that…", "in January, during which…"); else the article date, inferred.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import takewhile

from spacy.tokens import Token

from tacitus.contract import DateValue, EventStatus, Place, PlaceUse
from tacitus.events import dates, places
from tacitus.events.mention import Mention

CLAUSE_DEPS = {"ccomp", "relcl", "advcl", "conj", "parataxis", "acl", "xcomp", "csubj", "pcomp"}
VISIT_WORDS = {
    "visit",
    "trip",
    "travel",
    "host",
    "arrive",
    "tour",
}  # "visited Moscow": the object is the place
PRECISION = {"city": 1, "capital": 1, "admin1": 2, "country": 3}  # ACLED-style: town, division, country
PLACE_NOUNS = {
    "city", "town", "village", "capital", "region", "province", "district", "state", "area", "neighbourhood",
    "neighborhood", "municipality", "governorate", "county", "camp", "suburb", "outskirts", "port", "border",
}  # fmt: skip
# The object of these verbs is where the event happens: "captured Knin", "bombed Pooneryn", "shelled Aleppo"
TAKE_WORDS = {
    "capture", "seize", "liberate", "bomb", "shell", "attack", "overrun", "storm", "enter", "raid", "occupy",
    "besiege", "retake", "recapture", "patrol", "invade", "strike", "hit", "target", "destroy",
}  # fmt: skip
PLACE_PREPOSITIONS = ("in", "at", "inside", "near", "outside", "across", "throughout", "around", "into", "on")
PLACE_VERBS = {"take", "hold", "happen", "occur", "schedule", "set", "plan", "convene", "meet"}
CLAUSE_DEPTH = 4  # prepositional phrases this far below the trigger still belong to its clause
GOVERNED_DEPS = {"ccomp", "relcl", "advcl", "parataxis", "acl", "pcomp", "pobj", "prep", "conj", "xcomp"}


class PlaceAndDate:
    # -- place and date ---------------------------------------------------------------------------------
    def place_of(self, anchors: list[Token]) -> Place | None:
        """The event's own location: "in/at X" on the trigger, "visited X", "visit to X", "take place in X"."""
        for anchor in anchors:
            for child in self._place_carriers(anchor):
                if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            place = self.geocode_phrase(pobj)
                            if place is not None:
                                return place
                if anchor.lemma_ in TAKE_WORDS and child.dep_ in ("dobj", "nsubjpass"):
                    found = self.document_place(child) or self.geocode_phrase(child)
                    if found:
                        return found
                if anchor.lemma_ in VISIT_WORDS and (
                    child.dep_ == "dobj" or (child.dep_ == "prep" and child.lower_ in ("to", "in"))
                ):
                    target = (
                        child
                        if child.dep_ == "dobj"
                        else next((g for g in child.children if g.dep_ == "pobj"), None)
                    )
                    if target is not None and target.ent_type_ in ("GPE", "LOC", "FAC"):
                        place = self.geocode_phrase(target)
                        if place is not None:
                            return place
        return self._clause_place(anchors)

    def _clause_place(self, anchors: list[Token]) -> Place | None:
        """A place phrase deeper in the event's own clause ("were killed in clashes in Mosul", "a protest in
        Sheffield"), nearest the trigger first; nested clauses are not entered."""
        seen = {a.i for a in anchors}
        frontier = [(a, 0) for a in anchors]
        found: list[tuple[int, Token]] = []
        while frontier:
            token, depth = frontier.pop()
            for child in token.children:
                if child.i in seen or depth >= CLAUSE_DEPTH:
                    continue
                if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                    continue
                seen.add(child.i)
                if child.dep_ == "pobj" and token.lower_ in PLACE_PREPOSITIONS + ("through",):
                    found.append((min(abs(child.i - a.i) for a in anchors), child))
                frontier.append((child, depth + 1))
        for _, token in sorted(found, key=lambda pair: pair[0]):
            place = self.geocode_phrase(token)
            if place is not None:
                return place
        return None

    def _place_carriers(self, anchor: Token) -> list[Token]:
        carriers = list(anchor.children)
        for child in anchor.children:  # "the meeting that was scheduled to take place in China"
            if child.dep_ in ("relcl", "acl") and child.lemma_ in PLACE_VERBS:
                for verb in [child, *(g for g in child.subtree if g.dep_ == "xcomp")]:
                    if verb.lemma_ in PLACE_VERBS:
                        carriers.extend(verb.children)
        return carriers

    def geocode_phrase(self, token: Token) -> Place | None:
        if token.lemma_.lower() in PLACE_NOUNS:
            for child in token.children:  # "in the Russian capital", "in Russia's capital"
                if token.lemma_.lower() == "capital" and child.dep_ in ("amod", "poss", "compound"):
                    alpha3 = places.country_of_name(child.text)
                    if alpha3:
                        capital = places.capital_of(alpha3)
                        if capital is not None:
                            return capital.model_copy(
                                update={
                                    "name": " ".join(
                                        t.text for t in token.subtree if t.dep_ != "det" and t.i <= token.i
                                    )
                                }
                            )
                if child.dep_ == "prep" and child.lower_ == "of":  # "the town of Cizre"
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        return self.geocode_phrase(pobj)
                if child.dep_ in ("compound", "amod", "nmod", "appos"):  # "Khanasir town", "Aleppo province"
                    found = self.document_place(child)
                    if found:
                        return found
            return None
        found = self.document_place(token)
        if found is not None:
            return found or None
        # Only what the parser calls a place: "Hamas" is also an alternate name of Hamm, Germany.
        if token.ent_type_ not in ("GPE", "LOC", "FAC"):
            return None
        name = self._entity_text(token)
        place = places.geocode(name)
        if place is not None:
            place.precision = 3 if places.is_country(name) else 1
        return place

    def document_place(self, token: Token) -> Place | bool | None:
        """The places stage's place whose mention covers `token`; False when that mention is metonymic (not
        a place at all); None when no mention covers it."""
        found = self._place_mention_at(token.idx)
        if found is None:
            return None
        entry, mention = found
        if mention.use == PlaceUse.METONYMIC:
            return False
        return Place(
            name=mention.text or entry.name,
            country=entry.country,
            lat=entry.lat,
            lon=entry.lon,
            place_id=entry.id,
            geonames_id=entry.geonames_id,
            admin1=entry.admin1,
            precision=PRECISION.get(entry.feature),
        )

    def _place_mention_at(self, offset: int):
        """The first (place, mention) in document order whose body mention covers `offset`: by bisect over
        mentions sorted by start, built once, not a scan of every place per token."""
        places_ = self.document.places
        cached = getattr(self, "_place_index", None)
        if cached is None or cached[0] is not places_ or cached[1] != len(places_):
            rows = sorted(
                (mention.start, (p, m), mention.end, entry, mention)
                for p, entry in enumerate(places_)
                for m, mention in enumerate(entry.mentions)
                if mention.part is None and mention.end > mention.start
            )
            longest = max((row[2] - row[0] for row in rows), default=0)
            cached = self._place_index = (places_, len(places_), rows, [row[0] for row in rows], longest)
        _, _, rows, starts, longest = cached
        low, high = bisect_left(starts, offset - longest + 1), bisect_right(starts, offset)
        covering = [row for row in rows[low:high] if offset < row[2]]
        if not covering:
            return None
        row = min(covering, key=lambda row: row[1])
        return row[3], row[4]

    def _entity_text(self, token: Token) -> str:
        if token.ent_type_:  # the entity around the token, walked by its IOB tags rather than every entity
            doc, start, end = token.doc, token.i, token.i + 1
            while doc[start].ent_iob_ == "I" and start > 0:
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return doc[start:end].text
        parts = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
        return " ".join(t.text for t in [*parts, token])

    def own_tokens(self, anchors: list[Token]) -> list[Token]:
        """The tokens of the event's own clause: the anchors' subtrees without nested clauses or events."""
        anchor_ids = {a.i for a in anchors}
        kept: dict[int, Token] = {}
        for anchor in anchors:
            stack = [anchor]
            if anchor.pos_ in (
                "NOUN",
                "PROPN",
            ):  # "the meeting that was scheduled to take place … this month"
                stack.extend(t for t in self._place_carriers(anchor) if t.head.i != anchor.i)
            while stack:
                token = stack.pop()
                kept[token.i] = token
                for child in token.children:
                    if child.i in anchor_ids:
                        continue
                    if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                        continue
                    if (
                        child.i != anchor.i
                        and self.noun_entry(child) is not None
                        and child.i not in anchor_ids
                    ):
                        continue  # a nested event keeps its own date ("after a meeting … on Monday night")
                    stack.append(child)
        return list(kept.values())

    def own_timexes(self, anchors: list[Token]):
        tokens = self.own_tokens(anchors)
        by_offset = {t.idx: t for t in tokens}
        anchor_ids = {a.i for a in anchors}
        return [
            t
            for t in self._timexes_at(by_offset)
            if not dates.in_argument_phrase(self._timex_root(t, by_offset[t.start]), anchor_ids)
        ]

    def _timexes_at(self, offsets) -> list:
        """The document's timexes that start at one of `offsets`, in document order: looked up by offset,
        not by scanning every timex of the article per event (which grew with the square of its length)."""
        timexes = self.document.timexes
        cached = getattr(self, "_timex_index", None)
        if cached is None or cached[0] is not timexes or cached[1] != len(timexes):
            index: dict[int, list] = {}
            for order, timex in enumerate(timexes):
                index.setdefault(timex.start, []).append((order, timex))
            cached = self._timex_index = (timexes, len(timexes), index)
        found = sorted(pair for offset in offsets for pair in cached[2].get(offset, ()))
        return [timex for _, timex in found]

    def _describes_argument(self, value: DateValue, mention: Mention) -> bool:
        """The time stage's date is a timex that only describes a participant ("the 2014 law")."""
        by_offset = {t.idx: t for t in self.own_tokens(mention.anchors)}
        anchor_ids = {a.i for a in mention.anchors}
        return any(
            t.text == value.text
            and dates.in_argument_phrase(self._timex_root(t, by_offset[t.start]), anchor_ids)
            for t in self._timexes_at(by_offset)
        )

    def _timex_root(self, timex, first: Token) -> Token:
        """The timex's own head token: the one whose head lies outside the timex."""
        # tokens run in text order: stop at the timex's end rather than filter every token to the doc's end
        span = list(takewhile(lambda t: t.idx < timex.end, first.doc[first.i :]))
        return next((t for t in span if not (timex.start <= t.head.idx < timex.end) or t.head is t), first)

    def date_of(self, mention: Mention) -> DateValue | None:
        """Own clause's timex; else the time stage's date for the trigger; else the governing clause's; else
        the article's date, flagged inferred."""
        anchor = self.analysis.published
        for timex in self._nearest(self.own_timexes(mention.anchors), mention.trigger):
            value = dates.date_value(timex, anchor)
            if value is not None:
                return value
        trigger = mention.trigger
        upstream = self.resolver.upstream_date(trigger.idx, trigger.idx + len(trigger))
        if upstream is not None and not upstream.inferred and not self._describes_argument(upstream, mention):
            return upstream
        for timex in self._nearest(self.governing_timexes(mention.anchors), trigger):
            value = dates.date_value(timex, anchor)
            if value is not None:
                return value
        if mention.status == EventStatus.OCCURRED and any(dates.is_past(a) for a in mention.anchors):
            return dates.before_publication()  # known to be past, not known to be the publication day
        return upstream or dates.article_date(anchor)

    def _nearest(self, timexes, trigger: Token):
        return sorted(timexes, key=lambda t: abs(t.start - trigger.idx))

    def governing_timexes(self, anchors: list[Token]):
        """Timexes of the clause an event's clause hangs on ("said on Monday that…", "in January, during
        which…", "visited Moscow in October…, leading to a rebuke"), outside the event's own subtree."""
        top = min(anchors, key=lambda t: len(list(t.ancestors)))
        current = top
        for _ in range(5):
            if current.dep_ not in GOVERNED_DEPS:
                return []
            head = current.head
            own = {t.i for t in current.subtree}
            offsets = {t.idx for t in head.subtree if t.i not in own and not self._in_other_event(t, head)}
            found = self._timexes_at(offsets)
            if found or head.lemma_ in self.lexicon.control["speech"]:
                return found  # a reported event takes the report's date, not the date of what frames it
            current = head
        return []

    def _in_other_event(self, token: Token, root: Token) -> bool:
        """True when `token` sits under another event noun below `root` ("the start of the war in 2014")."""
        for ancestor in token.ancestors:
            if ancestor.i == root.i:
                return False
            if ancestor.pos_ == "NOUN" and self.noun_entry(ancestor) is not None:
                return True
        return False
