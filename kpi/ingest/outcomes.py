"""Outcome columns: one categorical column that says what happened to a contact.

``outcome``, ``disposition``, ``call result``, ``status``, ``disconnect reason``... hold values
such as ANSWERED/ABANDONED/VOICEMAIL, AGENT/HANG/PHANTOM (queue-research call logs),
Handled/Abandoned/Short abandon, AGENT_DISCONNECT/CUSTOMER_DISCONNECT. :func:`propose_rule`
recognises such a column from its values and proposes what each value means
(``OUTCOME_CLASSES``). A short abandon is an abandon: the abandonment definition counts it
unless the setting ``exclude_short_abandons`` drops abandons under its threshold; :func:`apply_rule` turns the rule into the canonical ``answered``,
``abandoned`` and ``blocked`` columns.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from kpi.ingest.headers import header_key, norm
from kpi.ingest.mapping import OutcomeRule

__all__ = [
    "OUTCOME_NAMES",
    "apply_rule",
    "classify_value",
    "listed_rows",
    "propose_correction",
    "propose_rule",
]

#: Header keys (``header_key``) of columns that usually hold an outcome.
OUTCOME_NAMES = frozenset(
    {
        "outcome",
        "calloutcome",
        "disposition",
        "calldisposition",
        "esito",
        "resultado",
        "category",
        "callresult",
        "result",
        "status",
        "callstatus",
        "disconnectreason",
        "endreason",
        "terminationreason",
        "callend",
        "type",
        "calltype",
        "finalstatus",
        "resolution",
        "statut",
        "estado",
        "terminationtype",
        "allapot",  # Hungarian "Állapot"
        "tipo",  # Italian "Tipo" (Talkdesk's type: In entrata / Abbandonata / Segreteria)
        "voltooiingsstatusgesprek",  # Dutch Zendesk Talk
        "statusreason",  # Dynamics 365 "Status reason"
        # Japanese, Chinese, Korean: result, call result, disconnect reason
        "結果",
        "通話結果",
        "切断理由",
        "结果",
        "通话结果",
        "呼叫结果",
        "결과",
        "통화결과",
    }
)

#: Endings of longer outcome headers ("Call Queue Call Result", Microsoft Teams).
_OUTCOME_ENDINGS = (
    "callresult",
    "calloutcome",
    "outcome",
    "disposition",
    "callstatus",
    "endreason",
)


def _outcome_name(name: str) -> bool:
    key = header_key(name)
    return key in OUTCOME_NAMES or key.endswith(_OUTCOME_ENDINGS)


# Whole-value vocabulary (a value's letters only, lower case) -> class.
_EXACT: dict[str, str] = {
    **dict.fromkeys(
        [
            "answered",
            "answer",
            "handled",
            "agent",
            "connected",
            "completed",
            "complete",
            "served",
            "talked",
            "agentdisconnect",
            "agenthangup",
            "agentended",
            "success",
            "successful",
            "inbound",
            "accepted",
            "callaccepted",
            "callconnected",
            "connectedcall",
            "angenommen",
            "beantwortet",
            "bedient",
            "verbunden",
            "repondu",
            "traite",
            "decroche",
            "atendida",
            "atendido",
            "contestada",
            "contestado",
            "beantwoord",
            "opgenomen",
            "afgehandeld",
            "risposta",
            "risposto",
            "gestita",
            "incoming",
            "atendidas",
            "finished",  # Google CCAI Platform (UJET)
            "fogadott",  # Hungarian: received
            "voltooid",  # Dutch: completed (Zendesk Talk)
            "inentrata",  # Italian: incoming (Talkdesk "Tipo")
            "kapcsolva",  # Hungarian: connected
            "agentjoinedconference",  # Microsoft Teams call queues
            "transferredtoagent",
            # Japanese, Chinese, Korean
            "応答",
            "応答済み",
            "応答済",
            "接続",
            "接通",
            "已接通",
            "接听",
            "已接听",
            "응답",
            "연결",
            "ans",  # Avaya's dispositions: ANS / ABN
            "odebrane",  # Polish
            "odebrano",
            "besvarat",  # Swedish
            "besvarad",
            "cevapland",  # Turkish "cevaplandı" (its dotless i dropped)
            "cevaplanan",
        ],
        "answered",
    ),
    **dict.fromkeys(
        [
            "abandoned",
            "abandon",
            "hang",
            "hangup",
            "hungup",
            "callerabandoned",
            "queueabandon",
            "abandonedinqueue",
            "missed",
            "unanswered",
            "dropped",
            "noanswer",
            "customerabandoned",
            "elhagyott",  # Hungarian: abandoned
            "afgebrokeninwachtrij",  # Dutch: abandoned in the queue
            "nemvettefel",  # Hungarian: not picked up
            "callcancel",  # Zoom Phone: the caller hung up before an answer
            "callcanceled",
            "callcancelled",
            "abandonedcall",
            "shortabandon",
            "shortabandoned",
            "abgebrochen",
            "aufgelegt",
            "verpasst",
            "verloren",
            "unbeantwortet",
            "abandonne",
            "abandonnee",
            "manque",
            "perdu",
            "abandonada",
            "abandonado",
            "perdida",
            "noatendida",
            "afgebroken",
            "gemist",
            "onbeantwoord",
            "abbandonata",
            "abbandonato",
            "persa",
            "nonrisposta",
            "naoatendida",
            "放棄",
            "放棄呼",
            "不在",
            "未応答",
            "放弃",
            "呼损",
            "未接",
            "未接听",
            "未接来电",
            "포기",
            "부재중",
            "未接通",
            "abn",
            "aban",
            "nieodebrane",  # Polish
            "porzucone",
            "avbrutet",  # Swedish
            "avbruten",
            "obesvarat",
            "kacan",  # Turkish "kaçan"
            "kacrlan",
            "cevapsz",
            "무응답",
        ],
        "abandoned",
    ),
    **dict.fromkeys(
        [
            "blocked",
            "busy",
            "rejected",
            "queuefull",
            "congestion",
            "allbusy",
            "overflowblocked",
            "denied",
            "besetzt",
            "abgewiesen",
            "occupe",
            "rejete",
            "ocupado",
            "rechazada",
            "bezet",
            "geweigerd",
            "dissuade",  # Odigo "Dissuadé": turned away before queueing
            "dissuaded",
            "話中",
            "占线",
            "통화중",
        ],
        "blocked",
    ),
    **dict.fromkeys(
        [
            "voicemail",
            "vm",
            "callback",
            "callbackrequested",
            "leftmessage",
            "voicemessage",
            "message",
            "mailbox",
            "sprachnachricht",
            "rueckruf",
            "ruckruf",
            "messagerie",
            "rappel",
            "buzon",
            "buzondevoz",
            "terugbellen",
            "segreteria",  # Italian: voicemail ("segreteria telefonica")
            "segreteriatelefonica",
            "timedout",  # Teams: the queue's time-out sent the call elsewhere
            "overflown",
            "留守番電話",
            "留守電",
            "コールバック",
            "语音信箱",
            "留言",
            "回呼",
            "음성사서함",
            "콜백",
        ],
        "voicemail",
    ),
    **dict.fromkeys(
        [
            "customerdisconnect",
            "customerhangup",
            "customerhungup",
            "callerdisconnect",
            "callerhangup",
            "callerhungup",
            "customerended",
            "callerended",
            "customerendedcall",
            "remotedisconnect",
            "customerleft",
            "disconnected",
        ],
        "hangup",
    ),
    # The contact ended normally (Webex Contact Center's terminationType; "normal clearing" of
    # telephony): answered where it reached an agent.
    # A transfer passed on a contact an agent or a flow had: answered where it reached an agent.
    **dict.fromkeys(
        [
            "normal",
            "normalclearing",
            "normalcallclearing",
            "endednormally",
            "transfer",
            "transferred",
            "closed",  # Dynamics 365 "Status reason" Closed
            "転送",
            "转接",
            "전환",
        ],
        "ended",
    ),  # fmt: skip
    **dict.fromkeys(
        [
            "phantom",
            "test",
            "scheduled",  # a planned call (a CRM's call activity): no contact yet
            "overdue",
            "planned",
            "outbound",
            "system",
            "error",
            "other",
            "unknown",
            "thirdpartydisconnect",
            "telecomproblem",
            "contactflowdisconnect",
            "expired",
            # dialer results that never reached a person
            "machine",
            "answeringmachine",
            "amd",
            "fax",
            "intercept",
            "sitintercept",
            "invalidnumber",
            "wrongnumber",
            "dialerror",
            "deflected",  # sent to self-service before reaching a queue
            "testcall",  # "Test Call"
            "testcalls",
            "testing",
            "answeredelsewhere",  # a ring group's other members (GoTo): the call is another row
            "pickedupelsewhere",
            "answeredbyanother",
            "answeredbyanothermember",
        ],
        "ignore",
    ),
}


def _letters(value: str) -> str:
    """A value's letters, lower case, accents removed ("Abandonné" -> "abandonne")."""
    return norm(value).translate(_NO_DIGITS)


_NO_DIGITS = str.maketrans("", "", "0123456789")


#: Outcome words of a contact that ended before any queue: the menu ("abandoned_in_ivr"),
#: self-service, a Cisco "Abandoned in Network" (hung up before the call reached a queue), an
#: Avaya forced disconnect (the system's message, then the line dropped: closed, no queue).
_NO_QUEUE = ("ivr", "selfserv", "innetwork", "forceddisconnect")


def _never_queued(key: str) -> bool:
    return any(w in key for w in _NO_QUEUE)


def classify_value(value: str) -> str | None:
    """The class an outcome value suggests (None when the word is not known)."""
    key = _letters(str(value))
    if key in _EXACT:
        return _EXACT[key]
    if _never_queued(key):  # hung up or served in the menu, never offered to a queue
        return "ignore"
    if "abandon" in key:
        return "abandoned"
    if "scheduled" in key:  # "Callback Scheduled": an agent's follow-up, not a voicemail
        return None
    if "voicemail" in key or "callback" in key:
        return "voicemail"
    return None


def propose_rule(
    name: str, values: Sequence[str], *, needs_name: bool = False
) -> tuple[OutcomeRule, str] | None:
    """A value rule for column ``name`` from its distinct ``values`` (with the evidence), or
    None when it does not look like an outcome column.

    The column qualifies when at least two of its values are known outcome words covering two
    classes, one of them "answered" (or "ended", under an outcome header only: "normal" is a
    common word) and another abandoned, blocked, voicemail or hangup, and the known words are at
    least 80% of the distinct values (95% when the header is not an outcome name).
    """
    distinct = [v for v in dict.fromkeys(str(v).strip() for v in values) if v]
    if len(distinct) < 2 or len(distinct) > 40:
        return None
    known = {v: classify_value(v) for v in distinct}
    classes = {c for c in known.values() if c}
    if not classes & {"abandoned", "blocked", "voicemail", "hangup"}:
        return None
    named = _outcome_name(name)
    if "answered" not in classes and ("ended" not in classes or not named):
        return _wrapup_rule(name, distinct, known) if named else None
    share = sum(c is not None for c in known.values()) / len(distinct)
    if needs_name and not named:
        return None
    if share < (0.8 if named else 0.95):
        # Mostly unknown words under a disposition header: the codes agents chose at wrap-up.
        return _wrapup_rule(name, distinct, known) if named else None
    pairs = tuple((v, known[v] or "ignore") for v in distinct)
    unknown = [v for v in distinct if known[v] is None]
    why = f"values {', '.join(distinct[:6])} read as outcomes" + (
        f" ({', '.join(unknown)} not recognised: ignore)" if unknown else ""
    )
    return OutcomeRule(name, pairs), why


#: Header keys of columns holding the code an agent chose at wrap-up (besides system values).
_WRAPUP_NAMES = frozenset(
    {"disposition", "calldisposition", "dispositioncode", "dispositionname", "wrapup", "wrapupcode"}
)


def _wrapup_rule(
    name: str, distinct: list[str], known: dict[str, str | None]
) -> tuple[OutcomeRule, str] | None:
    """A disposition column that names abandoned / blocked / voicemail calls but never an
    answered one (Five9: ``Abandon``, ``Voicemail`` beside ``Resolved``, ``Sale``): its other
    values are the codes agents chose at wrap-up, so those contacts were answered when they
    reached an agent. At least one value must be such a code."""
    if header_key(name) not in _WRAPUP_NAMES:
        return None
    codes = [v for v in distinct if known[v] is None]
    if not codes:
        return None
    pairs = tuple((v, known[v] or "wrapup") for v in distinct)
    system = [v for v in distinct if known[v] is not None]
    why = (
        f"values {', '.join(system[:4])} read as outcomes; {', '.join(codes[:4])}"
        f"{' and more' if len(codes) > 4 else ''} read as wrap-up codes agents chose "
        "(answered when the contact reached an agent)"
    )
    return OutcomeRule(name, pairs), why


#: "ignore" words a correcting rule may list: records that are not contacts at all. Other
#: "ignore" words (transfer, outbound, other) describe handled contacts and are left alone.
_NOT_CONTACTS = frozenset({"phantom", "test"})


def propose_correction(name: str, values: Sequence[str]) -> tuple[OutcomeRule, str] | None:
    """A correcting rule (``others="keep"``) for an outcome-named column beside mapped
    answered / abandoned flags: the values that say voicemail / callback, blocked, not a
    contact (phantom, test) or a contact that never queued (self-service, the menu) override
    the flags on their rows; every other value keeps them. None when the column is not
    outcome-named or lists no such value.

    A Five9 ``DISPOSITION`` of ``Voicemail`` beside ``ABANDONED = 0`` is not an answered call.
    """
    if header_key(name) not in OUTCOME_NAMES:
        return None
    distinct = [v for v in dict.fromkeys(str(v).strip() for v in values) if v]
    if len(distinct) > 60:
        return None
    pairs = []
    for v in distinct:
        c = classify_value(v)
        key = _letters(v)
        if c in ("voicemail", "blocked") or (
            c == "ignore" and (key in _NOT_CONTACTS or _never_queued(key))
        ):
            pairs.append((v, c))
    if not pairs:
        return None
    listed = ", ".join(f"{v} = {c}" for v, c in pairs[:5])
    why = f"values {listed} correct the answered/abandoned flags on their rows"
    return OutcomeRule(name, tuple(pairs), others="keep"), why


def _classes(rule: OutcomeRule, column: pd.Series) -> tuple[pd.Series, list[str], pd.Series]:
    """(class per row or missing, values the rule does not list, lower-case text)."""
    classes = rule.classes()
    low = column.astype("string").str.strip().str.lower()
    uniques = pd.unique(low.dropna())
    cls = {u: classes.get(str(u)) for u in uniques}
    unlisted = [str(u) for u in uniques if cls[u] is None]
    return low.map(cls), unlisted, low


def apply_rule(
    rule: OutcomeRule,
    column: pd.Series,
    reached: pd.Series | None = None,
    queued: pd.Series | None = None,
) -> tuple[dict[str, pd.Series], str | None]:
    """``answered``, ``abandoned`` and ``blocked`` (nullable booleans) from ``column``.

    answered / abandoned / blocked set one flag True and the others False; voicemail sets all
    three False (a contact that neither reached an agent nor hung up in queue); hangup is
    answered where ``reached`` (the contact reached an agent: an agent, talk or handle time) and
    abandoned elsewhere -- but where ``queued`` (the row names a queue) says the contact never
    queued, it hung up in the menu and counts in no rate; wrapup (an agent's wrap-up code) and
    ended (ended normally) are answered where ``reached`` and counted in no rate elsewhere
    (answered everywhere without ``reached``); ignore and values the rule does not list leave
    all three missing, so
    those rows count in no rate. Returns the columns and a note naming values the rule did not
    list (None when none; a correcting rule, ``others="keep"``, names none).
    """
    mapped, unlisted, low = _classes(rule, column)
    present = set(mapped.dropna().unique())
    got = reached.reindex(column.index).fillna(False).astype(bool) if reached is not None else None
    if got is not None and "hangup" in present:
        hung = mapped.eq("hangup").fillna(False)
        mapped = mapped.mask(hung & got, "answered").mask(hung & ~got, "abandoned")
        if queued is not None:  # hung up before any queue (an IVR-only contact): no rate
            never = hung & ~got & ~queued.reindex(column.index).fillna(False).astype(bool)
            mapped = mapped.mask(never, None)
    else:
        mapped = mapped.replace("hangup", "abandoned")
    if got is not None and "wrapup" in present:
        # A column of the codes agents chose: a known word chosen on a call an agent took
        # ("Callback Requested", "Wrong Number") is that call's code, and the call was answered.
        chosen = mapped.isin(["voicemail", "ignore"]).fillna(False) & got
        mapped = mapped.mask(chosen, "answered")
    if present & {"wrapup", "ended"}:  # answered where the contact reached an agent
        code = mapped.isin(["wrapup", "ended"]).fillna(False)
        coded = code & got if got is not None else code
        mapped = mapped.mask(coded, "answered").mask(code & ~coded, None)
    counted = mapped.isin(["answered", "abandoned", "blocked", "voicemail"]).to_numpy(
        dtype=bool, na_value=False
    )
    out = {}
    for target in ("answered", "abandoned", "blocked"):
        flag = pd.Series(pd.NA, index=column.index, dtype="boolean")
        flag[counted] = (mapped[counted] == target).to_numpy(dtype=bool)
        out[target] = flag
    note = None
    if unlisted and rule.others != "keep":
        n = int(np.count_nonzero(low.isin(unlisted).to_numpy(dtype=bool, na_value=False)))
        note = (
            f"'{rule.source}': {n:,} rows with values the outcome rule does not list "
            f"({', '.join(unlisted[:5])}) count as neither answered nor abandoned"
        )
    return out, note


def listed_rows(rule: OutcomeRule, column: pd.Series) -> np.ndarray:
    """True on the rows whose value the rule lists (a correcting rule overrides only those)."""
    mapped, _, _ = _classes(rule, column)
    return mapped.notna().to_numpy(dtype=bool)
