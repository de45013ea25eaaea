"""Coding event mentions from spaCy's dependency parse: triggers, their arguments, status, place and date.

Three passes over each parse, in this order so that a wrapped action is coded once, as part of what wraps it:
1. control verbs and speech with obligation: "called on Russia to be a guarantor" (REQUEST), "vowed to free"
   (AGREE, promised), "threatened to ban" (THREATEN), "refused to deploy" (REJECT), "said Sudan must return";
2. verbs of the lexicon, verbs with a telling object ("lifted the curfew"), light verbs with an event noun
   ("held talks");
3. event nouns with an anchor of their own: a participant, a place or a date ("a meeting in Moscow on Monday
   night", "a rebuke from Israel", "Abbas' upcoming visit"), so that a bare "a cease-fire agreement" is not
   an event.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Token

from tacitus.analysis import Analysis
from tacitus.contract import Document, EventStatus
from tacitus.events.arguments import SUBJECTS, Arguments
from tacitus.events.cameo import cameo_match
from tacitus.events.control import ASKED_MODE, THREAT_MODE, Control, verb_lemma
from tacitus.events.learned import decide
from tacitus.events.mention import Mention
from tacitus.events.ontology import Entry, Lexicon, Ontology, load_cameo_verbs
from tacitus.events.place_date import PlaceAndDate
from tacitus.events.resolve import Resolver
from tacitus.events.senses import generic_subject, non_political_consult, noun_sense, verb_sense
from tacitus.events.status import clause_chain, noun_status, verb_status

LOG = logging.getLogger(__name__)
RECIPROCAL_SUBJECTS = {"two", "both", "sides", "pair", "parties"}
COOPERATIVE_ACTIONS = {"CONCEDE", "COOPERATE", "AID", "RETREAT", "SUPPORT"}
HOSTILE_ACTIONS = {"PROTEST", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}


class Coder(Control, Arguments, PlaceAndDate):
    """Codes one analysed document; plain methods so tests can call each step on a real parse."""

    def __init__(self, analysis: Analysis, document: Document, ontology: Ontology, lexicon: Lexicon):
        self.analysis = analysis
        self.doc: Doc = analysis.doc
        self.document = document
        self.ontology = ontology
        self.lexicon = lexicon
        self.resolver = Resolver(analysis, document)
        self.consumed: set[int] = set()
        # words the lexicon knows but a sense or setting check ruled out here ("a campaign rally"): the rules
        # looked at their sentence and found no event, so the learned step adds none there
        self.vetoed: set[int] = set()
        self.known_verbs = (
            set(lexicon.verbs)
            | set(lexicon.verb_objects)
            | lexicon.light_verbs
            | set().union(*lexicon.control.values())
            | set(lexicon.light_verb_types)
        )
        self.cameo = load_cameo_verbs()
        self.actor_sectors = {actor.id: actor.sector for actor in document.actors}
        # Verbs the hand lexicon reads otherwise (control, speech, light verbs, verbs with a telling object):
        # CAMEO's code for the verb alone would override that reading.
        self.reserved = self.known_verbs | set(lexicon.verbs) | {k.split()[0] for k in lexicon.verbs}
        self.blocked = set().union(
            *(lexicon.control[k] for k in ("plan", "try", "postpone", "cancel", "deny", "speech")),
            lexicon.words["postpone_phrasal"],
            lexicon.words["cancel_phrasal"],
        )
        self.sentence_index = {}
        for index, sentence in enumerate(self.doc.sents):
            for token in sentence:
                self.sentence_index[token.i] = index

    # -- the three passes ------------------------------------------------------------------------------
    def mentions(self) -> list[Mention]:
        found: list[Mention] = []
        adjectives = self.lexicon.words["promise_adjectives"]
        passes = [
            (lambda t: t.pos_ in ("VERB", "AUX"), self.code_control),
            (lambda t: t.pos_ == "ADJ" and t.lower_ in adjectives, self.code_intent_adjective),
            (lambda t: t.pos_ == "VERB", self.code_verb),
            (lambda t: t.pos_ in ("NOUN", "PROPN"), self.code_noun),
        ]
        for applies, code in passes:
            for token in self.doc:
                if token.i in self.consumed or not applies(token):
                    continue
                mention = self._guarded(code, token)
                if mention is not None:
                    found.append(mention)
        found.extend(decide(self, found))  # learned: sides the rules missed, events of uncoded sentences
        for mention in list(found):
            if self._guarded(self.finish, mention) is False:
                found.remove(mention)
            elif mention.type == "CONSULT" and non_political_consult(
                [self.actor_sectors.get(a, []) for a in mention.participants], self.lexicon
            ):
                found.remove(mention)  # "a conference organised by the newspaper": not a political meeting
        self.resolve_reciprocals(found)
        for mention in self.same_actions(found):
            if self._guarded(self.finish, mention) is not False:
                found.append(mention)
        return sorted(found, key=lambda m: m.start)

    def _guarded(self, step, item):
        """One odd parse must not cost the article its other events: log the failure and skip the item."""
        try:
            return step(item)
        except Exception:  # noqa: BLE001 - any failure of one rule on one token
            LOG.exception(
                "events: %s failed on %r in %s",
                step.__name__,
                getattr(item, "text", item),
                self.document.article.id,
            )
            return False if step == self.finish else None

    # -- pass 2: verbs -----------------------------------------------------------------------------------
    def verb_entry(self, verb: Token) -> Entry | None:
        """The hand lexicon's entry for a verb, checked against its sense (`senses.verb_sense`)."""
        return self._checked(verb, self._lexicon_verb_entry(verb), verb_sense)

    def _checked(self, token: Token, entry: Entry | None, sense) -> Entry | None:
        checked = sense(token, entry, self.lexicon)
        if entry is not None and checked is None:
            self.vetoed.add(token.i)
        return checked

    def _lexicon_verb_entry(self, verb: Token) -> Entry | None:
        lex = self.lexicon
        lemma = verb_lemma(verb, self.known_verbs)
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        if particle and f"{lemma} {particle}" in lex.verbs:
            return lex.verbs[f"{lemma} {particle}"]
        if lemma == "open" and any(c.dep_ == "dobj" and c.lemma_ == "fire" for c in verb.children):
            return lex.verbs.get("open fire")
        if lemma in lex.verb_objects:
            words = self.object_words(verb)
            for entry, objects in lex.verb_objects[lemma]:
                if words & objects:
                    return entry
        return lex.verbs.get(lemma)

    def object_words(self, verb: Token) -> set[str]:
        """What a verb acts on: the object, its compounds and conjuncts, and the X of "a state of emergency"."""
        words: set[str] = set()
        for child in verb.children:
            if child.dep_ not in ("dobj", "nsubjpass"):
                continue
            heads = [child, *(c for c in child.children if c.dep_ == "conj")]
            for head in heads:
                words.add(self._object_word(head))
                words.update(self._object_word(c) for c in head.children if c.dep_ == "compound")
                for prep in head.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                words.add(self._object_word(pobj))
                                words.update(
                                    self._object_word(c) for c in pobj.children if c.dep_ == "compound"
                                )
        return words

    def _object_word(self, token: Token) -> str:
        return token.lemma_.lower().replace("-", "")

    def code_verb(self, verb: Token) -> Mention | None:
        if verb.dep_ in ("amod", "compound") and not any(c.dep_ in SUBJECTS for c in verb.children):
            return None  # "Iran-backed militias", "the banned party": a description, not an event
        entry = self.verb_entry(verb)
        rule = "verb"
        noun = None
        lemma = verb_lemma(verb, self.known_verbs)
        if entry is None and (lemma in self.lexicon.light_verbs or lemma in self.lexicon.light_verb_types):
            noun = self.light_verb_object(verb)
            if noun is not None:
                entry = self.lexicon.light_verb_types.get(lemma, {}).get(
                    noun.lemma_.lower()
                ) or self.noun_entry(noun)
                rule = "light-verb"
                if entry.type == "REQUEST":
                    return self.code_request_noun(noun, light_verb=verb)
        if entry is None:
            match = cameo_match(verb, lemma, self.cameo, self.reserved, self.blocked)
            if match is None:
                return None
            entry, rule = verb_sense(verb, match.entry, self.lexicon), match.kind
            if entry is None:
                return None
            if (
                match.kind == "cameo-object"
            ):  # "imposed sanctions on Russia": one event, not a second noun one
                noun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
                if noun is not None and self._lexicon_noun_entry(noun) and self.noun_entry(noun) is None:
                    return None  # "held a campaign rally": the object's own sense check says no event
        if (
            rule == "verb"
            and verb.lemma_ in self.lexicon.verb_objects
            and entry != self.lexicon.verbs.get(verb.lemma_)
        ):
            rule = "verb-object"
        # "the first released", "hostages released by Hamas": a bare past participle is passive too
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("attr", "acomp", "acl", "amod")
        )
        sources = self.agent_actors(verb) if passive else self.subject_actors(verb)
        targets = self.object_actors(verb, entry.type, passive)
        if rule == "cameo-verb" and not (sources and targets):
            return None  # a CAMEO verb alone codes only between two named sides, as PETRARCH did
        if rule.startswith("cameo-") and not (sources or targets):
            return None
        if not sources and generic_subject(verb, self.lexicon):
            self.vetoed.add(verb.i)
            return None  # "for all good men to come…": a maxim, not a particular event
        if verb.lemma_ in self.lexicon.control["prevent"]:
            self._consume_prevented(verb)  # "barred reporters from entering": the barring is the event
        if rule == "verb-object":  # "imposed sanctions on Russia": the target hangs on the object
            for child in verb.children:
                if child.dep_ == "dobj":
                    targets += [a for a in self.noun_targets(child, entry.type) if a not in targets]
        if noun is not None:
            targets += [a for a in self.noun_targets(noun, entry.type) if a not in targets]
            self.consumed.add(noun.i)
        in_speech = self.speech_head(verb) is not None
        status, explicit = verb_status(verb, self.lexicon, in_speech)
        mode = entry.mode
        for child in verb.children:  # "hosted … for reconciliation talks": one event, not two
            if child.dep_ == "dobj" or (child.dep_ == "prep" and child.lower_ in ("for", "of")):
                for token in [child, *(g for g in child.children if g.dep_ == "pobj")]:
                    noun_entry = self.noun_entry(token) if token.pos_ == "NOUN" else None
                    if noun_entry is None or noun_entry.type != entry.type:
                        continue
                    noun_state, noun_explicit = noun_status(token, self.lexicon, in_speech)
                    if noun_explicit and noun_state != status:
                        continue  # "discussed during Abbas' upcoming visit" (misparsed as an object)
                    self.consumed.add(token.i)
                    if verb.lemma_ == "host" and noun_entry.mode:
                        mode = noun_entry.mode  # hosting talks is meeting, hosting a leader a visit
        entry = Entry(entry.type, mode)
        reciprocal = self._reciprocal_subject(verb)
        if passive and not sources and entry.type == "ASSAULT":
            sources = [a for a in self.armed_speaker(verb) if a not in targets]
            if sources:
                rule = "speaker-agent"
        if passive and not sources:
            rule += "-passive"
        # PLOVER codes a stated intention as the intention: "Israel will evacuate the settlements" is AGREE,
        # "said they would boycott" THREATEN, "will not accept refugees" REJECT.
        # "will boycott the elections unless…": the condition does not make the stated intention less stated
        future = status in (EventStatus.PLANNED, EventStatus.CONDITIONAL) and self._future_aux(verb)
        has_subject = bool(sources) or any(c.dep_ == "nsubj" for t in clause_chain(verb) for c in t.children)
        if (
            future
            and not passive
            and has_subject
            and entry.type in COOPERATIVE_ACTIONS | HOSTILE_ACTIONS
            and self._unless(verb)
        ):
            # "will withdraw its force from Chad unless…": an intention held over someone is a threat
            return self._mention(
                Entry("THREATEN", "relations"),
                EventStatus.OCCURRED,
                True,
                f"threat-unless:{verb.lemma_}",
                verb,
                [verb],
                sources,
                targets,
            )
        if future and not passive and has_subject and entry.type in COOPERATIVE_ACTIONS:
            return self._mention(
                Entry("AGREE"),
                EventStatus.PROMISED,
                True,
                f"intent-future:{verb.lemma_}",
                verb,
                [verb],
                sources,
                targets,
                context=list(self._context_of(entry)),
            )
        # An announced sanction is the sanction ("it would prohibit all aid"), not a threat of one.
        if future and not passive and has_subject and entry.type in HOSTILE_ACTIONS - {"SANCTION"}:
            return self._mention(
                Entry("THREATEN", THREAT_MODE.get(entry.type)),
                EventStatus.OCCURRED,
                True,
                f"threat-future:{verb.lemma_}",
                verb,
                [verb],
                sources,
                targets,
            )
        if (
            status == EventStatus.DENIED
            and self._future_aux(verb)
            and has_subject
            and entry.type in COOPERATIVE_ACTIONS | {"CONSULT", "AGREE"}
        ):
            return self._mention(
                Entry("REJECT", ASKED_MODE.get(entry.type)),
                EventStatus.OCCURRED,
                True,
                f"reject-negated-intent:{verb.lemma_}",
                verb,
                [verb],
                sources,
                targets,
            )
        anchors = [verb] + ([noun] if noun is not None else [])
        mention = self._mention(
            entry, status, explicit, f"{rule}:{lemma}", noun or verb, anchors, sources, targets
        )
        mention.reciprocal = reciprocal and not targets
        return mention

    def armed_speaker(self, verb: Token) -> list[str]:
        """ "The army said dozens of militants were killed": an armed force reporting a killing it does not
        attribute to anyone is reporting its own (PLOVER codes army → militants)."""
        head = self.speech_head(verb)
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None) if head is not None else None
        if subject is None:
            return []
        actors = self.phrase_actors(subject)
        armed_word = subject.lemma_.lower() in self.lexicon.words["armed_nouns"]
        armed_actor = any(
            set(self.actor_sectors.get(a, [])) & set(self.lexicon.words["armed_sectors"]) for a in actors
        )
        return actors if armed_word or armed_actor else []

    def _consume_prevented(self, verb: Token) -> None:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                for action in prep.children:
                    if action.dep_ == "pcomp" and action.pos_ == "VERB":
                        self.consumed.add(action.i)

    def light_verb_object(self, verb: Token) -> Token | None:
        """The event noun a light verb carries: "held talks", "launched 10 days of war games"."""
        for child in verb.children:
            if child.dep_ != "dobj" or child.i in self.consumed:
                continue
            if self.noun_entry(child) is not None:
                return child
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and pobj.i not in self.consumed and self.noun_entry(pobj):
                            return pobj
        return None

    def _unless(self, verb: Token) -> bool:
        return any(
            c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children if m.dep_ == "mark")
            for t in clause_chain(verb)
            for c in t.children
        )

    def _future_aux(self, verb: Token) -> bool:
        auxes = {c.lower_ for t in clause_chain(verb) for c in t.children if c.dep_ == "aux"}
        return bool(auxes & {"will", "would", "shall", "'ll"})

    def _reciprocal_subject(self, verb: Token) -> bool:
        for child in verb.children:
            if child.dep_ in SUBJECTS and child.lemma_.lower() in RECIPROCAL_SUBJECTS:
                return True
        return False

    # -- pass 3: nouns ------------------------------------------------------------------------------------
    def noun_entry(self, noun: Token) -> Entry | None:
        """The event a noun names, if any, checked against its sense (`senses.noun_sense`)."""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        return self._checked(noun, self._lexicon_noun_entry(noun), noun_sense)

    def _lexicon_noun_entry(self, noun: Token) -> Entry | None:
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        nouns = self.lexicon.nouns
        lemma = noun.lemma_.lower()
        compounds = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
        if compounds:
            key = f"{compounds[-1].lemma_.lower()} {lemma}"
            if key in nouns:
                return nouns[key]
        if lemma in self.lexicon.words["effort_nouns"] and compounds:  # "a mediation effort"
            inner = self.noun_entry(compounds[-1]) if compounds[-1].pos_ == "NOUN" else None
            if inner is not None:
                return inner
        if lemma in ("talk", "talks") and noun.tag_ != "NNS":
            return None  # "talk" of the town, not talks
        if lemma == "fire" and any(c.lemma_.lower() == "cease" for c in compounds):
            return Entry("RETREAT", "ceasefire")
        if lemma in ("ceasefire", "truce"):
            return Entry("RETREAT", "ceasefire")
        return nouns.get(lemma)

    def code_noun(self, noun: Token) -> Mention | None:
        entry = self.noun_entry(noun)
        if entry is None or noun.dep_ == "compound":
            return None
        if entry.type == "REQUEST":
            return self.code_request_noun(noun)
        if entry.type == "RETREAT" and entry.mode == "ceasefire" and noun.lemma_.lower() != "truce":
            return None  # "cease-fire" is most often the topic of talks, not a declared truce
        sources = self.noun_sources(noun)
        targets = [a for a in self.noun_targets(noun, entry.type) if a not in sources]
        if not sources and generic_subject(noun, self.lexicon):
            self.vetoed.add(noun.i)
            return None
        place = self.place_of([noun])
        has_date = bool(self.own_timexes([noun]))
        in_speech = self.speech_head(noun) is not None
        status, explicit = noun_status(noun, self.lexicon, in_speech)
        anchored = sources or targets or place or has_date or (explicit and status != EventStatus.OCCURRED)
        if not anchored or self._generic(noun):
            return None
        mention = self._mention(
            entry, status, explicit, f"noun:{noun.lemma_.lower()}", noun, [noun], sources, targets
        )
        mention.nominal = True
        return mention

    def _generic(self, noun: Token) -> bool:
        """ "the start of the war", "efforts to achieve unity": a noun under another noun's "of" is a topic."""
        return (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and self.noun_entry(noun.head.head) is None
            and noun.head.head.pos_ == "NOUN"
            and noun.head.head.lemma_ not in ("part", "round", "series")
        )

    # -- reported speech --------------------------------------------------------------------------------
    def speech_head(self, token: Token) -> Token | None:
        """The speech verb whose that-clause holds `token` ("…, Hamas said"), if any."""
        speech = self.lexicon.control["speech"]
        current = token
        for _ in range(8):
            head = current.head
            if head is current:
                return None
            if head.lemma_ in speech and current.dep_ in ("ccomp", "parataxis", "dobj", "xcomp", "advcl"):
                if current.dep_ == "dobj" and current.pos_ != "VERB":
                    return None
                return head
            current = head
        return None

    def attribution_of(self, mention: Mention) -> str | None:
        head = self.speech_head(mention.anchors[0])
        if head is not None:
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            if subjects:
                actors = self.phrase_actors(subjects[0])
                if actors:
                    return actors[0]
        speaker = self.resolver.speaker_at(mention.trigger.idx)
        if speaker:
            return speaker
        for token in mention.trigger.sent:  # "…, according to Israeli media"
            if token.lower_ == "according" and token.dep_ == "prep":
                for to in token.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            actors = self.phrase_actors(pobj)
                            if actors:
                                return actors[0]
        return None

    # -- finishing ----------------------------------------------------------------------------------------
    def _mention(
        self,
        entry: Entry,
        status: EventStatus,
        explicit: bool,
        rule: str,
        trigger: Token,
        anchors: list[Token],
        sources: list[str],
        targets: list[str],
        context: list[str] | None = None,
    ) -> Mention:
        targets = [a for a in targets if a not in sources]
        return Mention(
            type=entry.type,
            mode=self.ontology.mode_of(entry.type, entry.mode),
            status=status,
            rule=rule,
            trigger=trigger,
            anchors=anchors,
            sources=sources,
            targets=targets,
            context=context or [],
            status_explicit=explicit,
        )

    def finish(self, mention: Mention) -> None:
        mention.part = self.analysis.part_at(mention.trigger.idx).name
        mention.sentence = self.sentence_index.get(mention.trigger.i, 0)
        mention.attribution = self.attribution_of(mention)
        mention.place = self.place_of(mention.anchors)
        mention.date = self.date_of(mention)

    def same_actions(self, mentions: list[Mention]) -> list[Mention]:
        """ "Britain imposed sanctions on Russia; France took the same measure", "… followed suit": the last
        event with a source, again, by the new clause's subject (within two sentences)."""
        words = self.lexicon.words
        found: list[Mention] = []
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.i in self.consumed:
                continue
            lemma = verb.lemma_.lower()
            same = lemma == "follow" and any(c.dep_ == "dobj" and c.lower_ == "suit" for c in verb.children)
            same = same or (
                lemma in words["same_action_verbs"]
                and any(
                    c.dep_ == "dobj"
                    and c.lemma_.lower() in words["same_action_nouns"]
                    and any(
                        m.dep_ == "amod" and m.lower_ in ("same", "similar", "identical") for m in c.children
                    )
                    for c in verb.children
                )
            )
            sources = self.subject_actors(verb) if same else []
            if not sources:
                continue  # before the look-back: once per verb over every mention grew with the square
            earlier = [
                m
                for m in mentions
                if m.trigger.i < verb.i
                and m.sources
                and 0 <= self.sentence_index.get(verb.i, 0) - self.sentence_index.get(m.trigger.i, 0) <= 2
            ]
            if not earlier:
                continue
            model = max(earlier, key=lambda m: m.trigger.i)
            status, explicit = verb_status(verb, self.lexicon, self.speech_head(verb) is not None)
            found.append(
                self._mention(
                    Entry(model.type, model.mode),
                    status,
                    explicit,
                    f"same-action:{lemma}",
                    verb,
                    [verb],
                    sources,
                    list(model.targets),
                )
            )
        return found

    def resolve_reciprocals(self, mentions: list[Mention]) -> None:
        """ "The two discussed…": the participants of the last event with two of them, a sentence or two back."""
        ordered = sorted(mentions, key=lambda m: m.start)
        for index, mention in enumerate(ordered):
            if not mention.reciprocal or mention.participants:
                continue
            for previous in reversed(ordered[:index]):
                if mention.sentence - previous.sentence > 2:
                    break
                if len(previous.participants) >= 2:
                    mention.sources = [*previous.sources, *previous.targets]
                    break

    def _context_of(self, entry: Entry | None) -> tuple[str, ...]:
        if entry is None:
            return ()
        return {"AID": ("humanitarian",), "MOBILIZE": ("military",), "ASSAULT": ("military",)}.get(
            entry.type, ()
        )


def code_mentions(
    analysis: Analysis, document: Document, ontology: Ontology, lexicon: Lexicon
) -> list[Mention]:
    return Coder(analysis, document, ontology, lexicon).mentions()
