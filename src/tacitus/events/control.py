"""Pass 1 of the coder: verbs and nouns that wrap another action, coded as what wraps it.

"called on Russia to be a guarantor" (REQUEST), "vowed to free" (AGREE, promised), "threatened to ban"
(THREATEN), "refused to deploy" (REJECT), "said Sudan must return" (REQUEST by the speaker), "is willing to
withdraw" (AGREE), "ordered patrols" / "ordered the party to disband" (the ordered act, by who ordered it),
"Russia's call to release the hostages" (REQUEST). A mixin of `Coder`: it uses the coder's lexicon, resolver,
arguments and status helpers.
"""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.contract import EventStatus
from tacitus.events.arguments import SUBJECTS
from tacitus.events.cameo import VERB_ALONE_TYPES
from tacitus.events.mention import Mention
from tacitus.events.ontology import Entry
from tacitus.events.status import clause_chain, noun_status, verb_status

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


class Control:
    # -- pass 1: verbs that wrap another action --------------------------------------------------------
    def code_control(self, verb: Token) -> Mention | None:
        lemma = verb_lemma(verb, self.known_verbs)
        control = self.lexicon.control
        if any(c.dep_ == "prt" and c.lower_ in ("off", "back", "out", "up", "down") for c in verb.children):
            return None  # "called off the talks" cancels them; it asks nothing
        kind = next((k for k in ("request", "promise", "threaten", "reject") if lemma in control[k]), None)
        if kind == "request" and any(
            c.dep_ == "oprd" or (c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("ADJ", "NOUN", "PROPN"))
            for c in verb.children
        ):
            return None  # "called the ruling absurd", "called him a liar": naming, not asking
        if kind == "reject" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.lexicon.words["denied_claims"]
            for c in verb.children
        ):
            return None  # "rejected accusations of abuses": a denial, not a refusal of a demand
        if lemma == "call" and not self._asks_someone(verb):
            phoned = self.code_phone_call(verb)
            if phoned is not None:
                return phoned
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
        if lemma == "order" and action is not None and action.pos_ == "VERB":
            ordered = self.code_order(verb, action, action_entry, sources)
            if ordered is not None:
                return ordered
        targets = self.control_targets(verb, action)
        if kind == "request":
            entry = Entry("REQUEST", self._asked_mode(action, action_entry))
            status_token = verb
        elif kind == "promise" and action_entry is not None and action_entry.type in THREAT_MODE:
            # "vowed to retaliate against Turkey": a promised attack is a threat (CAMEO 13x)
            entry = Entry("THREATEN", THREAT_MODE[action_entry.type])
            kind = "threaten"
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
        if entry.type == "THREATEN" and not targets and action is not None and action_entry is not None:
            targets = self.object_actors(action, action_entry.type, False)  # "to retaliate against Turkey"
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

    def _asks_someone(self, verb: Token) -> bool:
        """ "called on Israel", "called for talks" (not "called Aoun on Tuesday": a date is no addressee)."""
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "for", "upon"):
                pobjs = [p for p in prep.children if p.dep_ == "pobj"]
                if not pobjs or any(p.ent_type_ not in ("DATE", "TIME") for p in pobjs):
                    return True
        return False

    def code_phone_call(self, verb: Token) -> Mention | None:
        """ "Rouhani called his Lebanese counterpart on Tuesday to assure him…": calling someone, with no "on"
        or "for", is a telephone call (CONSULT phone), whatever the purpose clause says."""
        person = next((c for c in verb.children if c.dep_ == "dobj"), None)
        targets = self.phrase_actors(person) if person is not None else []
        if not targets:
            return None
        status, explicit = verb_status(verb, self.lexicon, self.speech_head(verb) is not None)
        self.consumed.add(verb.i)
        return self._mention(
            Entry("CONSULT", "phone"),
            status,
            explicit,
            "phone-call:call",
            verb,
            [verb],
            self.subject_actors(verb),
            targets,
        )

    def code_order(
        self, verb: Token, action: Token, action_entry: Entry | None, sources: list[str]
    ) -> Mention | None:
        """ "The court ordered the party to disband": an authority's order to dissolve is a ban (COERCE), to
        stop or close a restriction, and an order to arrest or attack is that act, by whoever gave the order."""
        if action.lemma_ in self.lexicon.words["dissolution_verbs"]:
            entry, targets = Entry("COERCE", "ban"), self.control_targets(verb, None)
        elif action.lemma_ in self.lexicon.words["closure_verbs"]:
            entry, targets = Entry("COERCE", "restrict"), self.control_targets(verb, None)
        elif action_entry is not None and action_entry.type in ("COERCE", "ASSAULT", "MOBILIZE", "SANCTION"):
            entry, targets = action_entry, self.object_actors(action, action_entry.type, False)
        else:
            return None
        status, explicit = verb_status(verb, self.lexicon, self.speech_head(verb) is not None)
        self._consume_complement(verb, action)
        return self._mention(
            entry, status, explicit, f"order-verb:{action.lemma_}", verb, [verb, action], sources, targets
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
        cameo = self.cameo.verbs.get(verb.lemma_.lower())
        if cameo is not None and cameo.type in VERB_ALONE_TYPES and verb.lemma_ not in self.reserved:
            return cameo  # "vowed to retaliate": CAMEO types the wrapped action where our lexicon is silent
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
        if action is None and light_verb is not None:  # "reiterated its demand today that Israel ease …"
            action = next((c for c in light_verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
            action_entry = self.action_entry(action) if action is not None else None
        if action is None:
            return None
        if noun.lemma_.lower() in ("call", "push") and action is None:
            return None
        sources = self.subject_actors(light_verb) if light_verb is not None else self.noun_sources(noun)
        targets = self.noun_targets(noun, "REQUEST")
        if not targets and action.pos_ == "VERB" and any(c.dep_ in SUBJECTS for c in action.children):
            targets = self.subject_actors(action)  # "its demand that Israel ease restrictions"
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
