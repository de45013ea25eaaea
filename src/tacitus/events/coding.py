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
from tacitus.events.learned import decide
from tacitus.events.mention import Mention
from tacitus.events.ontology import Entry, Lexicon, Ontology
from tacitus.events.place_date import PlaceAndDate
from tacitus.events.resolve import Resolver
from tacitus.events.status import clause_chain, noun_status, verb_status

LOG = logging.getLogger(__name__)
RECIPROCAL_SUBJECTS = {"two", "both", "sides", "pair", "parties"}
COOPERATIVE_ACTIONS = {"CONCEDE", "COOPERATE", "AID", "RETREAT", "SUPPORT"}
HOSTILE_ACTIONS = {"PROTEST", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}
# What a request, a refusal or a threat is about, as the mode of REQUEST/REJECT/THREATEN (CAMEO 10x/12x/13x).
ASKED_MODE = {
    "RETREAT": "yield",
    "CONCEDE": "yield",
    "CONSULT": "meet",
    "AGREE": "meet",
    "AID": "assist",
    "COOPERATE": "assist",
    "SUPPORT": "assist",
}
THREAT_MODE = {
    "ASSAULT": "violence",
    "COERCE": "restrict",
    "SANCTION": "relations",
    "PROTEST": "relations",
    "MOBILIZE": "violence",
}
# A copular request: "called on Russia to be a guarantor" asks for mediation (CAMEO 108).
ROLE_MODES = {"guarantor": "meet", "mediator": "meet", "broker": "meet", "intermediary": "meet"}
REQUEST_COMPLEMENT_PREPS = ("for",)


def verb_lemma(token: Token, known) -> str:
    """spaCy's lemma, or a plain de-inflection when the lemma is not a word we know ("staged" → "stag")."""
    lemma = token.lemma_
    if lemma in known or token.pos_ not in ("VERB", "AUX"):
        return lemma
    word = token.lower_
    for suffix, replacement in (
        ("ied", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("d", ""),
        ("ing", "e"),
        ("ing", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and word[: -len(suffix)] + replacement in known:
            return word[: -len(suffix)] + replacement
    return lemma


class Coder(Arguments, PlaceAndDate):
    """Codes one analysed document; plain methods so tests can call each step on a real parse."""

    def __init__(self, analysis: Analysis, document: Document, ontology: Ontology, lexicon: Lexicon):
        self.analysis = analysis
        self.doc: Doc = analysis.doc
        self.document = document
        self.ontology = ontology
        self.lexicon = lexicon
        self.resolver = Resolver(analysis, document)
        self.consumed: set[int] = set()
        self.known_verbs = (
            set(lexicon.verbs)
            | set(lexicon.verb_objects)
            | lexicon.light_verbs
            | set().union(*lexicon.control.values())
            | set(lexicon.light_verb_types)
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
        self.resolve_reciprocals(found)
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

    # -- pass 1: verbs that wrap another action --------------------------------------------------------
    def code_control(self, verb: Token) -> Mention | None:
        lemma = verb_lemma(verb, self.known_verbs)
        control = self.lexicon.control
        if any(c.dep_ == "prt" and c.lower_ in ("off", "back", "out", "up", "down") for c in verb.children):
            return None  # "called off the talks" cancels them; it asks nothing
        kind = next((k for k in ("request", "promise", "threaten", "reject") if lemma in control[k]), None)
        action, action_entry = self.complement(verb, kind) if kind else (None, None)
        if lemma in control["speech"] and (kind is None or action is None):
            return self.code_speech_request(verb)
        if kind is None:
            return None
        if action is None and kind in ("request", "reject") and not self._bare_ok(verb, kind):
            return None
        if (
            kind == "reject"
            and action is not None
            and action_entry is None
            and action.pos_ in ("VERB", "AUX")
        ):
            return None  # "declined to be named", "refused to comment": no event is refused
        if kind == "request" and lemma in ("call", "push", "press", "appeal") and action is None:
            return None
        if kind in ("promise", "threaten") and action is None and lemma not in ("agree", "threaten"):
            return None
        sources = self.subject_actors(verb)
        if lemma == "order" and action is not None and action.pos_ == "NOUN" and action_entry is not None:
            # "ordered patrols by police": the order is the act itself, done by whoever gave it
            status, explicit = verb_status(verb, self.lexicon, self.speech_head(verb) is not None)
            self._consume_complement(verb, action)
            return self._mention(
                action_entry,
                status,
                explicit,
                f"order-noun:{action.lemma_.lower()}",
                action,
                [verb, action],
                sources,
                self.noun_targets(action, action_entry.type),
            )
        targets = self.control_targets(verb, action)
        if kind == "request":
            entry = Entry("REQUEST", self._asked_mode(action, action_entry))
            status_token = verb
        elif kind == "promise":
            entry = Entry("AGREE")
            status_token = verb
        elif kind == "threaten":
            entry = Entry("THREATEN", THREAT_MODE.get(action_entry.type) if action_entry else None)
            status_token = verb
        else:
            entry = Entry("REJECT", ASKED_MODE.get(action_entry.type) if action_entry else None)
            status_token = verb
        in_speech = self.speech_head(verb) is not None
        status, explicit = verb_status(status_token, self.lexicon, in_speech)
        if kind == "promise" and lemma != "agree" and status in (EventStatus.OCCURRED, EventStatus.ONGOING):
            status = EventStatus.PROMISED  # "vowed to free the hostages": the freeing is promised
        if kind == "reject" and lemma == "fail" and action_entry is not None:
            entry = Entry("REJECT", ASKED_MODE.get(action_entry.type))
        anchors = [verb] + ([action] if action is not None else [])
        self._consume_complement(verb, action)
        context = list(self._context_of(action_entry))
        return self._mention(
            entry,
            status,
            explicit,
            f"{kind}-verb:{lemma}",
            action or verb,
            anchors,
            sources,
            targets,
            context=context,
        )

    def code_intent_adjective(self, adjective: Token) -> Mention | None:
        """ "Syria says it is willing to withdraw its troops": a stated intention, AGREE (promised)."""
        if adjective.dep_ not in ("acomp", "amod"):
            return None
        action = next((c for c in adjective.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        entry = self.action_entry(action) if action is not None else None
        if entry is None:
            return None
        copula = adjective.head
        sources = self.subject_actors(copula)
        targets = self.object_actors(action, entry.type, False)
        status, explicit = verb_status(copula, self.lexicon)
        if status in (EventStatus.OCCURRED, EventStatus.ONGOING):
            status = EventStatus.PROMISED
        self._consume_complement(adjective, action)
        return self._mention(
            Entry("AGREE"),
            status,
            explicit,
            f"promise-adjective:{adjective.lower_}",
            action,
            [adjective, action],
            sources,
            targets,
            context=list(self._context_of(entry)),
        )

    def _bare_ok(self, verb: Token, kind: str) -> bool:
        """ "rejected the plan", "demanded a truce": a request or refusal about a thing, not an action."""
        if kind == "reject" and verb.lemma_ in ("reject", "refuse", "decline"):
            return any(c.dep_ == "dobj" for c in verb.children)
        if kind == "request" and verb.lemma_ in ("demand", "request", "seek"):
            return any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children)
        return False

    def complement(self, verb: Token, kind: str) -> tuple[Token | None, Entry | None]:
        """The action a control verb wraps: its xcomp, a that-clause, an event noun object, "for" + event noun."""
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                return child, self.action_entry(child)
        for child in verb.children:  # "called Thursday on Arabs to unite" (parsed as an adverbial clause)
            if (
                child.dep_ == "advcl"
                and child.pos_ == "VERB"
                and kind in ("request", "promise", "threaten")
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                and any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)
            ):
                return child, self.action_entry(child)
        for child in verb.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in child.children):
                return child, self.action_entry(child)  # "calling for all hostages to be released"
            if (
                child.dep_ == "ccomp"
                and kind in ("request", "promise", "threaten")
                and (
                    kind != "request" or verb.lemma_ in ("demand", "insist", "request", "urge", "ask", "call")
                )
            ):
                return child, self.action_entry(child)
        for child in verb.children:
            if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN"):
                entry = self.noun_entry(child)
                if entry is not None:
                    return child, entry
                # "urged the European Community to support": the action hangs on the object
                for grandchild in child.children:
                    if grandchild.dep_ in ("acl", "relcl", "xcomp") and grandchild.pos_ == "VERB":
                        return grandchild, self.action_entry(grandchild)
            if child.dep_ == "prep" and child.lower_ in REQUEST_COMPLEMENT_PREPS + ("on", "to"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        entry = self.noun_entry(pobj)
                        if entry is not None and child.lower_ in REQUEST_COMPLEMENT_PREPS:
                            return pobj, entry
                        for grandchild in pobj.children:  # "called for all hostages to be released"
                            if grandchild.dep_ in ("acl", "relcl") and grandchild.pos_ == "VERB":
                                return grandchild, self.action_entry(grandchild)
        return None, None

    def action_entry(self, verb: Token) -> Entry | None:
        entry = self.verb_entry(verb)
        if entry is not None:
            return entry
        if verb.lemma_ in self.lexicon.light_verbs:
            for child in verb.children:
                if child.dep_ == "dobj":
                    return self.noun_entry(child)
        if verb.lemma_ == "be":
            for child in verb.children:
                if child.dep_ == "attr" and child.lemma_ in ROLE_MODES:
                    return Entry("CONSULT", "third-party")
        return None

    def _asked_mode(self, action: Token | None, entry: Entry | None) -> str | None:
        if entry is None:
            return None
        return ASKED_MODE.get(entry.type, "change")

    def _consume_complement(self, verb: Token, action: Token | None) -> None:
        self.consumed.add(verb.i)
        if action is None:
            return
        self.consumed.add(action.i)
        for token in action.subtree:
            if token.dep_ in ("dobj", "pobj", "xcomp", "conj") and token.head.i in self.consumed:
                self.consumed.add(token.i)

    def code_speech_request(self, verb: Token) -> Mention | None:
        """ "Marzouk said that Russia should be a guarantor": an obligation the speaker puts on someone."""
        for child in verb.children:
            if child.dep_ != "ccomp":
                continue
            chain = clause_chain(child)
            auxes = {c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")}
            if not auxes & set(self.lexicon.words["obligation_modals"]):
                continue
            if any(c.dep_ == "neg" for c in child.children):
                continue
            entry = self.action_entry(child)
            sources = self.subject_actors(verb)
            targets = self.subject_actors(child)
            if not targets and not sources:
                continue
            self._consume_complement(verb, child)
            status, explicit = verb_status(verb, self.lexicon)
            mode = ASKED_MODE.get(entry.type, "change") if entry else None
            return self._mention(
                Entry("REQUEST", mode),
                status,
                explicit,
                f"request-modal:{verb.lemma_}",
                child,
                [verb, child],
                sources,
                targets,
            )
        return None

    # -- pass 2: verbs -----------------------------------------------------------------------------------
    def verb_entry(self, verb: Token) -> Entry | None:
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
            if noun is None:
                return None
            entry = self.lexicon.light_verb_types.get(lemma, {}).get(noun.lemma_.lower()) or self.noun_entry(
                noun
            )
            rule = "light-verb"
            if entry.type == "REQUEST":
                return self.code_request_noun(noun, light_verb=verb)
        if entry is None:
            return None
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
        if passive and not sources:
            rule += "-passive"
        # PLOVER codes a stated intention as the intention: "Israel will evacuate the settlements" is AGREE,
        # "said they would boycott" THREATEN, "will not accept refugees" REJECT.
        future = status == EventStatus.PLANNED and self._future_aux(verb)
        has_subject = bool(sources) or any(c.dep_ == "nsubj" for t in clause_chain(verb) for c in t.children)
        if (
            future
            and not passive
            and has_subject
            and entry.type in COOPERATIVE_ACTIONS
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

    def code_request_noun(self, noun: Token, light_verb: Token | None = None) -> Mention | None:
        """ "Russia's call to release the hostages", "making a push for a cease-fire"."""
        action, action_entry = None, None
        for child in noun.children:
            if child.dep_ in ("acl", "relcl", "ccomp") and child.pos_ in ("VERB", "AUX"):
                action, action_entry = child, self.action_entry(child)
            elif child.dep_ == "prep" and child.lower_ == "for":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    action, action_entry = pobj, self.noun_entry(pobj)
        if action is None:
            return None
        if noun.lemma_.lower() in ("call", "push") and action is None:
            return None
        sources = self.subject_actors(light_verb) if light_verb is not None else self.noun_sources(noun)
        targets = self.noun_targets(noun, "REQUEST")
        if light_verb is not None:
            status, explicit = verb_status(light_verb, self.lexicon, self.speech_head(light_verb) is not None)
            anchors = [light_verb, noun]
        else:
            status, explicit = noun_status(noun, self.lexicon)
            anchors = [noun]
            if not sources:
                return None
        self.consumed.update({noun.i, action.i})
        return self._mention(
            Entry("REQUEST", self._asked_mode(action, action_entry)),
            status,
            explicit,
            f"request-noun:{noun.lemma_.lower()}",
            noun,
            anchors,
            sources,
            targets,
            context=list(self._context_of(action_entry)),
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
