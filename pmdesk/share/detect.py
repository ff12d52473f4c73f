"""Find what a public version must not show: people, contact details, internal systems, secrets.

Detection runs in two passes. The first finds *what* is sensitive, each thing once: a person
(with every form of their name), a host, an address, a key. The second finds *every place*
each of those strings occurs, in every field, so a name spotted once in the timeline is also
replaced where it stands alone in the root cause, and all its mentions share one placeholder.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from pmdesk.share import names
from pmdesk.share.fields import TextField


class Kind(StrEnum):
    SECRET = "secret"
    URL = "url"
    EMAIL = "email"
    IP = "ip"
    HOST = "host"
    TICKET = "ticket"
    CHANNEL = "channel"
    TEAM = "team"
    PERSON = "person"

    @property
    def label(self) -> str:
        return {
            "secret": "Secret",
            "url": "Internal URL",
            "email": "Email address",
            "ip": "IP address",
            "host": "Internal host",
            "ticket": "Ticket key",
            "channel": "Chat channel",
            "team": "Team",
            "person": "Person",
        }[self.value]


#: which kind wins when two finds cover exactly the same text
_RANK = {kind: i for i, kind in enumerate(Kind)}


@dataclass
class Entity:
    """One sensitive thing and every string that names it ("Priya Raman", "Priya", "@priya")."""

    kind: Kind
    key: str
    forms: set[str] = field(default_factory=set)
    #: typed in by the facilitator: replaced wherever it stands, no second-guessing
    added: bool = False


@dataclass(frozen=True)
class Span:
    path: str
    start: int
    end: int
    text: str
    kind: Kind
    key: str


# --- patterns --------------------------------------------------------------------------

_SECRET_PATTERNS = [
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S),
    re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}\b"),
    re.compile(r"\bgithub_pat_[A-Za-z0-9_]{30,}\b"),
    re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}\b"),
    re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
    re.compile(r"\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,}\b"),
    re.compile(r"\bsk-[A-Za-z0-9_-]{20,}"),
    re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
]
# The value after a word that says a secret follows: "password=hunter2", "API key: 8f3…".
_SECRET_VALUE = re.compile(
    r"(?i)(?<![A-Za-z0-9])(?:password|passwd|pwd|pass|passphrase|secret|token|api[_ -]?key|apikey|"
    r"access[_ -]?key|secret[_ -]?key|client[_ -]?secret|private[_ -]?key|auth|authorization|"
    r"bearer|credentials?)(?![A-Za-z0-9])[\"']?"
    r"(?P<sep>\s*(?:[:=]|\bis\b|\bwas\b)\s*|\s+)[\"'`]?(?:bearer\s+|basic\s+)?"
    r"(?P<value>[A-Za-z0-9!#$%&*+./=?@^_~-]{6,})"
)
# X-Admin-Key: 7c2f…, DB_PASSWORD=…, signing_secret = …: any field named for a secret
_FIELD_SECRET = re.compile(
    r"(?i)(?<![A-Za-z0-9])[\w-]*(?:key|token|secret|passw(?:or)?d|credentials?)[\"']?\s*[:=]\s*"
    r"[\"'`]?(?P<value>[A-Za-z0-9!#$%&*+./=?@^_~-]{8,})"
)
# user:password@ inside any URL or connection string
_URL_PASSWORD = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@]+:(?P<value>[^\s@/]+)@")
# A long mixed string of letters and digits is a key or token, not a word; hex alone is a
# commit or trace id and stays.
_OPAQUE = re.compile(r"(?<![\w/.-])[A-Za-z0-9+/_-]{28,}={0,2}(?![\w/.-])")

# Fl4g-Adm1n-2026, Tr0ub4dor&3: capitals, small letters, digits between letters and a symbol
_PASSWORD_LIKE = re.compile(
    r"(?<![\w/.@-])(?=\S*[A-Z])(?=\S*[a-z])(?=\S*\d)[A-Za-z0-9!#$%&*+?@^_~-]{8,40}(?![\w/@-])"
)
_URL = re.compile(r"\b[a-z][a-z0-9+.-]{1,15}://[^\s<>\"'`|)\]]+", re.I)
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b")
_IPV4 = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?:/\d{1,2})?(?![\w]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?![\w:])")
_VERSION_BEFORE = re.compile(
    r"(?i)(?:\bv|\b(?:version|versions|release|build|ver|firmware|patch|tag|upgrade[ds]? to|"
    r"from version|to version|sdk|client|library|driver|plugin|agent|package)\s+)$"
)
# "Redis 7.0.15.2", "Chrome 120.0.6099.109": a number right after a name is the name's version
_NAME_BEFORE = re.compile(r"\b([A-Z][A-Za-z0-9]*)\s+$")
_NOT_A_PRODUCT = frozenset("IP Host From On At To Address Addr Server Node Via And Or".split())

_VERSION_AFTER = re.compile(
    r"(?i)^\s+(?:release|version|build|update|upgrade|rollout|patch|firmware|client|sdk|app)\b"
)
_INTERNAL_SUFFIXES = (
    "internal", "corp", "local", "lan", "intranet", "private", "int", "localdomain", "svc",
    "home", "prod", "staging", "infra",
)  # fmt: skip
# db1.prod.acme.com, grafana.ops.example.net: an environment label inside a name says internal
_INTERNAL_LABELS = frozenset(
    "prod production staging stg dev internal int corp mgmt ops infra lab qa uat priv private "
    "intra intranet vpc cluster svc".split()
)
_FQDN = re.compile(r"(?<![\w@.-])([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)+)(?![\w-])", re.I)
# db-prod-03, kafka-broker-5, web7, cache01a: a name followed by a number is a machine
# (a dot right before is a domain label, "a.web7"; two dots are a range, "web-01..web-12")
_NUMBERED_HOST = re.compile(
    r"(?<![\w@/-])(?<!\w\.)([a-z][a-z0-9]*(?:-[a-z0-9]+)*-?\d+[a-z]?)(?![\w-])"
)
_NOT_HOST_PREFIX = frozenset(
    "utf sha md base ipv http https h x arm amd s ec p gp m c r t i iso rfc cve tls ssl aes rsa "
    "win py python node java go es ecma k v q top log log2 log10 mp ddr usb pci cwe gpt llama "
    "rhel el fc ubuntu debian centos alpine x86 i386 amd64 aarch int uint float u ui f g b kb mb "
    "gb tb ms us ns db2 n w wcag vp8 vp9 av1 hevc oauth oauth2 saml fido u2f ps hd sd ".split()
)
_REGION = re.compile(
    r"(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:gov-)?(?:east|west|north|south|central|northeast|"
    r"southeast|northwest|southwest)-\d"
)
_HOST_CUE = re.compile(
    r"(?i)\b(?:host|hostname|server|node|box|instance|machine|vm|bastion|jump ?host)s?"
    r"\s+(?P<named>called\s+|named\s+)?(?P<quote>[`'\"])?(?P<host>[a-z][a-z0-9_-]{2,})[`'\"]?"
)
# "orchard:6379", "ssh deploy@bastion": a name with a port, or after user@, is a machine
_HOST_PORT = re.compile(r"(?<![\w@./:-])([a-z][a-z0-9_-]{2,}):(\d{2,5})(?![\w:.])")
_USER_AT_HOST = re.compile(r"(?<![\w.])[a-z_][a-z0-9_.-]*@([a-z][a-z0-9-]{2,})(?![\w.@-])")
# "`marmot`, the flag service host": a name and, beside it, what machine it is
_HOST_APPOSITIVE = re.compile(
    r"(?<![\w@./-])`?([a-z][a-z0-9_-]{2,})`?,\s+(?:the|a|an|our)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:host|server|machine|box|node|vm|instance)\b"
)
# "pear (172.20.14.10)": a name with its address beside it is a machine
_HOST_WITH_IP = re.compile(
    r"(?<![\w.@/-])([a-z][a-z0-9_-]{2,})\s*\(\s*(?:IP\s*)?\d{1,3}(?:\.\d{1,3}){3}\b"
)
_HOST_CUE_STOP = frozenset(
    """is was were are be been has had have and or the a an to of in on at for with that which
    who from by pool pools group groups count type size name names pressure affinity selector
    drain list status health metrics exporter process restart restarts reboot reboots logs side
    error errors timeout timeouts load version versions class classes role roles image images
    level levels template templates fleet fleets itself themselves went ran came stopped started
    failed crashed died returned running ready not also then could would should will did does
    became kept held took got left lost sent set put hit saw made did told built found fell
    stood scheduler schedulers database databases cluster clusters region regions zone zones
    pod pods""".split()
)
_SAAS_WORKSPACES = (
    "atlassian.net", "slack.com", "pagerduty.com", "opsgenie.com", "service-now.com",
    "sharepoint.com", "notion.so", "zoom.us", "datadoghq.com", "sentry.io", "grafana.net",
    "docs.google.com", "drive.google.com", "app.datadoghq.eu", "statuspage.io", "linear.app",
    "monday.com", "asana.com", "trello.com", "okta.com", "1password.com",
)  # fmt: skip
_PUBLIC_SUBDOMAINS = frozenset("www status blog docs help support developer developers".split())

_TICKET = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,9})-(\d{1,7})(?![\w-])")
# ServiceNow's numbers: INC0048213, CHG0031337, RITM0012345
_SERVICENOW = re.compile(r"\b(?:INC|CHG|PRB|RITM|REQ|TASK|SCTASK|CS|KB)\d{6,10}\b")
_NOT_TICKET = frozenset(
    "CVE SHA UTF ISO RFC AES RSA TLS SSL HTTP MD GPT IPV ECDSA ED TCP UDP IEEE PCI SOC ARM AMD "
    "X86 DDR USB COVID SARS MIL ANSI ASCII HTML CSS ES ECMA NIST FIPS OWASP CWE GDPR PEP JSR JEP "
    "KEP RHSA DSA USN GHSA EC2 S3 HTTP2 HTTP3 MP3 MP4 H264 VP8 VP9 AV1 DDR4 DDR5 LTE WPA "
    "BS EN IEC".split()
)
_CHANNEL = re.compile(r"(?<![\w&#/])#([a-z0-9][a-z0-9_.-]*[a-z][a-z0-9_.-]*[a-z0-9])", re.I)
_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z])")
_NOT_HANDLE = frozenset({"here", "channel", "everyone", "all"})
_TEAM = re.compile(
    r"(?<![\w-])(?:[Tt]he\s+)?((?:[A-Z][\w&'-]*\s+){1,3})(?:team|squad|guild|tribe|crew)\b"
)
_GENERIC_TEAM = frozenset(
    "sre devops ops security support engineering infrastructure platform database network "
    "on-call oncall incident incident-response product data ir response noc soc whole entire "
    "same other our their this that".split()
)

# Capital and small Latin letters, accented ones included (Émile, Łukasz, Nguyễn): the
# extended blocks mix both cases, which is harmless here because a run is then checked word
# by word against the name lists and the document's own lower-case words.
_UP = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ"
_LOW = "a-zß-öø-ÿĀ-ɏḀ-ỿ"
_NAME_TOKEN = (
    rf"(?:[{_UP}][{_LOW}]*['’])?[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}][{_LOW}]+)?"
)
_NAME_RUN = re.compile(rf"(?<![\w@.#/-])({_NAME_TOKEN}(?: {_NAME_TOKEN}){{0,2}})(?![\w@-])")
# Words that, right after a capitalised word, say it was a person who did something.
_PERSON_VERBS = frozenset(
    """acknowledged acked paged pinged escalated said says wrote asked noticed reported
    confirmed joined declared posted rolled restarted approved merged reviewed deployed ran
    opened suggested proposed took handed investigated found shared began started checked
    looked saw spotted called messaged emailed replied answered agreed decided led coordinated
    mitigated fixed identified realized realised updated took tried attempted pushed reverted
    applied manually volunteered offered explained mentioned thought believed raised filed
    flagged triaged owned owns drafted (""".split()
)
# Of those, the ones only a person does: enough to take an unknown word for a name.
_HUMAN_VERBS = frozenset(
    """acknowledged acked said says wrote asked noticed replied answered agreed decided
    suggested proposed volunteered explained mentioned thought believed realized realised
    joined messaged emailed called pinged paged escalated posted spotted confirmed reported
    (""".split()
)
# Words that, right before a capitalised word, say a person follows.
_PERSON_CUES = frozenset(
    """paged pinged asked thanked thanks cc cc: engineer sre on-call oncall manager lead dr mr
    ms mrs""".split()
)
# Two words before a name that say a person follows: "handed over to Xiadani"
_PERSON_PHRASES = frozenset(
    {
        "over to", "thanks to", "thank you", "escalated to", "assigned to", "reassigned to",
        "handed to", "questions for", "credit to", "shout-out to", "kudos to", "paired with",
        "spoke with", "talked to", "reported by", "approved by", "reviewed by", "written by",
        "owned by", "led by",
    }
)  # fmt: skip
_HOST_WORD_NOUNS = frozenset(
    "deploy deploys deployment deployments release releases stage stages test tests rollout "
    "rollouts analysis build builds group groups check checks run runs".split()
)
_DETERMINERS = frozenset("the a an our their its this that every each".split())
_TECH_NOUNS = frozenset(
    """job jobs pipeline pipelines build builds server servers agent agents controller plugin
    plugins instance instances cluster clusters node nodes worker workers master queue queues
    topic topics broker brokers client clients config configuration version versions release
    api service services database table tables index dashboard dashboards alert alerts
    operator chart charts image images container containers pod pods""".split()
)
_SENTENCE_END = re.compile(r"(?:^|[.!?:;]\s+|\n\s*(?:[-*]\s+|\d+\.\s+)?)$")
# "[08:15] kim.nguyen: text" — a chat log pasted into the notes names people by username
_CHAT_USER = re.compile(r"^\s*(?:\[[^\]\n]*\]\s*)?([a-z][a-z0-9._-]{2,30}):\s", re.M)
_THING_SUFFIXES = (
    "tion", "sion", "ment", "ness", "ity", "ing", "ance", "ence", "ics", "ogy", "ism", "ure",
    "age", "ship", "ware", "ers", "ors", "ies", "able", "ible", "ful", "less", "ous", "ive",
    "ized", "ised", "ated",
)  # fmt: skip
_LOWER_WORD = re.compile(r"(?<![\w@.#/-])[a-z][a-z'’-]+(?![\w@-]|\.\w)")
_CHAT_SPEAKER = re.compile(rf"^\s*(?:\[[^\]]*\]\s*)?({_NAME_TOKEN}(?: {_NAME_TOKEN})?):\s")


# --- pass one: what is sensitive --------------------------------------------------------


class _Registry:
    """The entities found so far; every string that names one maps to it."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.by_form: dict[str, Entity] = {}
        self.person_parts: dict[str, Entity] = {}
        #: words the document itself writes in lower case: not names, whatever the lists say
        self.lower_words: set[str] = set()

    def is_word(self, token: str) -> bool:
        low = token.lower()
        return (
            names.is_plain_word(token)
            or low in self.lower_words
            or (low.endswith(_THING_SUFFIXES) and len(low) > 6)
        )

    def add(self, kind: Kind, key: str, *forms: str) -> Entity:
        entity = self.entities.get(f"{kind}:{key}")
        if entity is None:
            entity = self.entities[f"{kind}:{key}"] = Entity(kind, f"{kind}:{key}")
        for form in forms:
            form = form.strip()
            if form and form not in self.by_form:
                entity.forms.add(form)
                self.by_form[form] = entity
        return entity

    def add_person(self, full: str) -> Entity:
        """A person by their full name; each part of it names them too, unless taken."""
        full = " ".join(full.split())
        found = self.by_form.get(full)
        if found is not None and found.kind is Kind.PERSON:
            return found
        parts = [p for p in full.split() if len(p) > 1]
        for part in parts:
            entity = self.person_parts.get(part)
            if entity is not None and len(parts) == 1:
                return entity
        entity = self.add(Kind.PERSON, full.casefold(), full)
        for part in parts:
            if part not in self.person_parts:
                self.person_parts[part] = entity
                if part not in self.by_form:
                    entity.forms.add(part)
                    self.by_form[part] = entity
        return entity

    def person_for_handle(self, handle: str) -> Entity | None:
        """The known person a handle or an email's local part stands for, if any."""
        wanted = re.sub(r"[^a-z]", "", handle.casefold())
        for entity in {e.key: e for e in self.person_parts.values()}.values():
            full = max(entity.forms, key=len).casefold().split()
            first, last = full[0], full[-1]
            options = {first, last, first + last, first[0] + last, first + last[0], last + first}
            if wanted in options or (len(full) == 1 and wanted.startswith(first)):
                return entity
        return None


def find_entities(
    fields: list[TextField],
    people: Iterable[str] = (),
    added: Iterable[tuple[str, Kind]] = (),
) -> list[Entity]:
    """Pass one: every sensitive thing in `fields`; `people` are names known to be persons."""
    reg = _Registry()
    for name in people:
        name = " ".join(name.split()).lstrip("@")
        if _TEAM.fullmatch(name) or name.casefold().endswith(" team"):
            reg.add(Kind.TEAM, name.casefold(), name)
        elif name:
            reg.add_person(name)
    for text, kind in added:
        if kind is Kind.PERSON:
            reg.add_person(text).added = True
        else:
            reg.add(kind, text.casefold(), text).added = True
    company = _company_domains(fields)
    for f in fields:
        reg.lower_words.update(_LOWER_WORD.findall(f.text))
    for f in fields:
        _find_secrets(reg, f.text)
        _find_addresses(reg, f.text, company)
    for f in fields:
        _find_named_hosts(reg, f.text, company)
    for f in fields:
        _find_hosts(reg, f.text)
        _find_tickets_channels_teams(reg, f.text)
    for f in fields:
        _find_handles(reg, f.text)
    for f in fields:
        _find_people(reg, f)
    _find_nicknames(reg, fields)
    _find_sibling_hosts(reg, fields)
    return list(reg.entities.values())


_WORD = re.compile(r"(?<![\w@.#/-])([^\W\d_]{3,})(?![\w@-])")


_USERNAME = re.compile(r"(?<![\w@./-])([a-z][a-z0-9._-]{2,30}[a-z0-9])(?![\w@-]|\.\w)")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _usernames(full: str) -> set[str]:
    """The logins a person's name usually becomes: jkowalczyk, jan.kowalczyk, kowalczykj…"""
    parts = [re.sub(r"[^a-z]", "", _ascii(p)) for p in full.split()]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return set()
    first, last = parts[0], parts[-1]
    return {
        first + last,
        first[0] + last,
        f"{first}.{last}",
        f"{first}_{last}",
        f"{first}-{last}",
        f"{first[0]}.{last}",
        last + first[0],
        last + first,
        f"{last}.{first}",
    }


def _find_nicknames(reg: _Registry, fields: list[TextField]) -> None:
    """'Sid' or 'sid' for Siddharth, 'Olu' for Olumide, 'jkowalczyk' for Jan Kowalczyk."""
    firsts: dict[str, Entity] = {}
    logins: dict[str, Entity] = {}
    for entity in {id(e): e for e in reg.person_parts.values()}.values():
        full = max(entity.forms, key=len)
        if " " in full and len(full.split()[0]) >= 5:
            firsts.setdefault(full.split()[0].lower(), entity)
        for login in _usernames(full):
            logins.setdefault(login, entity)
    for f in fields:
        for m in _USERNAME.finditer(f.text):
            entity = logins.get(m.group(1))
            if entity is not None and m.group(1) not in reg.by_form:
                entity.forms.add(m.group(1))
                reg.by_form[m.group(1)] = entity
    if not firsts:
        return
    for f in fields:
        for m in _WORD.finditer(f.text):
            word = m.group(1)
            low = word.lower()
            if word in reg.by_form or names.is_plain_word(word):
                continue
            for first, entity in firsts.items():
                if first.startswith(low) and first != low:
                    entity.forms.add(word)
                    reg.by_form[word] = entity
                    break


def _company_domains(fields: list[TextField]) -> set[str]:
    """The organisation's own domains: those of the email addresses in the document."""
    domains = set()
    for f in fields:
        for m in _EMAIL.finditer(f.text):
            domain = m.group().rsplit("@", 1)[1].lower()
            parts = domain.split(".")
            domains.add(
                ".".join(parts[-3:] if len(parts[-1]) == 2 and len(parts) > 2 else parts[-2:])
            )
    return domains


def _find_secrets(reg: _Registry, text: str) -> None:
    for pattern in _SECRET_PATTERNS:
        for m in pattern.finditer(text):
            reg.add(Kind.SECRET, m.group(), m.group())
    for m in _FIELD_SECRET.finditer(text):
        value = m.group("value").rstrip(".,;:)")
        if _looks_secret(value, keyed=True):
            reg.add(Kind.SECRET, value, value)
    for m in _SECRET_VALUE.finditer(text):
        value = m.group("value").rstrip(".,;:)")
        # "token: x7…" or "password=…" says a value follows; "token validation" does not
        explicit = bool(m.group("sep").strip())
        if _looks_secret(value, keyed=explicit):
            reg.add(Kind.SECRET, value, value)
    for m in _URL_PASSWORD.finditer(text):
        value = m.group("value")
        if _looks_secret(value, keyed=True):
            reg.add(Kind.SECRET, value, value)
    for m in _OPAQUE.finditer(text):
        if _looks_secret(m.group(), keyed=False):
            reg.add(Kind.SECRET, m.group(), m.group())
    for m in _PASSWORD_LIKE.finditer(text):
        word = m.group().rstrip(".,;:!?")
        if re.search(r"[A-Za-z]\d[A-Za-z]", word) and re.search(r"[^A-Za-z0-9]", word):
            reg.add(Kind.SECRET, word, word)


def _looks_secret(value: str, *, keyed: bool) -> bool:
    has_digit = any(c.isdigit() for c in value)
    has_alpha = any(c.isalpha() for c in value)
    if not keyed:
        if re.fullmatch(r"[0-9a-fA-F-]+", value):  # commit, trace and request ids
            return False
        mixed_case = any(c.isupper() for c in value) and any(c.islower() for c in value)
        return has_digit and has_alpha and (mixed_case or len(value) >= 20)
    low = value.casefold()
    if low in {
        "none",
        "null",
        "empty",
        "unset",
        "rotation",
        "rotated",
        "expired",
        "leak",
        "leaked",
    }:
        return False
    if value.isalpha() and value.islower() and names.is_plain_word(value):
        return False
    if re.fullmatch(r"(?:\d+(?:\.\d+)?[a-z]{0,2}|\d+%)", low):  # "token: 30s", "key 3"
        return False
    return True


def _find_addresses(reg: _Registry, text: str, company: set[str]) -> None:
    for m in _URL.finditer(text):
        url = m.group().rstrip(".,;:!?")
        if _internal_url(url, company):
            reg.add(Kind.URL, url, url)
            host = _url_host(url)
            if host and not _is_ip(host) and "." in host and host not in company:
                reg.add(Kind.HOST, host.lower(), host)
    for m in _EMAIL.finditer(text):
        email = m.group()
        entity = reg.person_for_handle(email.split("@")[0])
        reg.add(Kind.EMAIL, email.casefold(), email)
        if entity is None:
            local = email.split("@")[0]
            parts = [p for p in re.split(r"[._-]", local) if p.isalpha()]
            if len(parts) == 2 and all(
                names.is_given_name(p.capitalize()) or len(p) > 2 for p in parts
            ):
                if names.is_given_name(parts[0].capitalize()):
                    reg.add_person(" ".join(p.capitalize() for p in parts))
    for m in _IPV4.finditer(text):
        if _is_ip(m.group(1)) and not _is_version(text, m.start(), m.end()):
            reg.add(Kind.IP, m.group(), m.group())
    for m in _IPV6.finditer(text):
        if m.group().count(":") >= 2 and _is_ip(m.group()) and re.search(r"[a-fA-F]|::", m.group()):
            reg.add(Kind.IP, m.group().lower(), m.group())


def _is_version(text: str, start: int, end: int) -> bool:
    """'version 10.4.2.1', 'v2.14.0.3', 'the 2.14.0.3 release': a number, not an address."""
    before = text[max(0, start - 24) : start]
    named = _NAME_BEFORE.search(before)
    return bool(
        _VERSION_BEFORE.search(before)
        or _VERSION_AFTER.match(text[end : end + 20])
        or (named and named.group(1) not in _NOT_A_PRODUCT)
    )


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _url_host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _internal_url(url: str, company: set[str]) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return True
    host = (parts.hostname or "").lower()
    if parts.password or parts.username:
        return True
    if not host or "." not in host or host == "localhost" or _is_ip(host):
        return True
    if host.rsplit(".", 1)[-1] in _INTERNAL_SUFFIXES:
        return True
    if any(host == d or host.endswith("." + d) for d in _SAAS_WORKSPACES):
        return True
    for domain in company:
        if host.endswith("." + domain) and host.split(".")[0] not in _PUBLIC_SUBDOMAINS:
            return True
    return parts.scheme.lower() not in {"http", "https"}


def _find_named_hosts(reg: _Registry, text: str, company: set[str]) -> None:
    """Fully qualified names in internal zones or the organisation's own domains."""
    for m in _FQDN.finditer(text):
        host = m.group(1).rstrip(".")
        low = host.lower()
        labels = low.split(".")
        internal = (
            labels[-1] in _INTERNAL_SUFFIXES or any(x in _INTERNAL_LABELS for x in labels[:-2])
        ) and not re.fullmatch(r"[\d.]+", low)
        own = any(low.endswith("." + d) and labels[0] not in _PUBLIC_SUBDOMAINS for d in company)
        if (internal or own) and not _is_ip(low) and not low.endswith((".md", ".py")):
            entity = reg.add(Kind.HOST, low, host)
            short = labels[0]
            machine_like = "-" in short or any(c.isdigit() for c in short)
            if len(labels) > 1 and len(short) > 2 and (machine_like or not reg.is_word(short)):
                if short not in reg.by_form:
                    entity.forms.add(short)
                    reg.by_form[short] = entity


def _find_hosts(reg: _Registry, text: str) -> None:
    """Machines named with a number (db-prod-3), and words the sentence calls a host."""
    for m in _NUMBERED_HOST.finditer(text):
        host = m.group(1)
        if _numbered_host(host) and host not in reg.by_form:
            reg.add(Kind.HOST, host.lower(), host)
    for pattern in (_HOST_PORT, _USER_AT_HOST, _HOST_APPOSITIVE):
        for m in pattern.finditer(text):
            word = m.group(1)
            if word not in reg.by_form and word.lower() not in _HOST_CUE_STOP:
                if word.lower() not in names.PRODUCTS and not word.isdigit():
                    reg.add(Kind.HOST, word.lower(), word)
    for m in _HOST_WITH_IP.finditer(text):
        if m.group(1) not in reg.by_form and m.group(1).lower() not in _HOST_CUE_STOP:
            reg.add(Kind.HOST, m.group(1).lower(), m.group(1))
    for m in _HOST_CUE.finditer(text):
        word = m.group("host")
        if word.lower() in _HOST_CUE_STOP or word in reg.by_form:
            continue
        numbered = "-" in word or "_" in word or any(c.isdigit() for c in word)
        # "the host holds", "the server failed", "every instance simultaneously"
        verb_like = word.endswith(("s", "ed", "ing", "ly"))
        said = bool(m.group("named") or m.group("quote"))  # "a host called atlas", "node `kiwi`"
        if numbered or said or not (names.is_plain_word(word) or verb_like):
            # "host ledger" and ledger.payments.internal are one machine
            fqdn = next(
                (
                    e
                    for f, e in reg.by_form.items()
                    if f.lower().startswith(word.lower() + ".") and e.kind is Kind.HOST
                ),
                None,
            )
            if fqdn is not None:
                fqdn.forms.add(word)
                reg.by_form[word] = fqdn
            else:
                reg.add(Kind.HOST, word.lower(), word)


def _numbered_host(host: str) -> bool:
    low = host.lower()
    if _REGION.fullmatch(low) or re.fullmatch(r"[a-z]?\d+[a-z]?", low):
        return False
    first = re.match(r"[a-z]+", low)
    if first is None or first.group() in _NOT_HOST_PREFIX or len(first.group()) < 2:
        return False
    if re.fullmatch(r"[a-z]+\d{1,2}", low) and "-" not in low:
        # web7, cache01 are machines; p99, ipv6, http2, log4j-like words are not
        return (
            len(first.group()) >= 3
            and not names.is_plain_word(first.group())
            or bool(
                re.fullmatch(
                    r"(?:web|db|app|cache|api|node|host|srv|server|worker|proxy|lb|mq)\d+", low
                )
            )
        )
    return "-" in low and re.search(r"\d", low.rsplit("-", 1)[-1]) is not None


def _find_tickets_channels_teams(reg: _Registry, text: str) -> None:  # noqa: C901
    for m in _TICKET.finditer(text):
        if m.group(1) not in _NOT_TICKET and not re.fullmatch(r"[A-Z]\d*|P\d", m.group(1)):
            reg.add(Kind.TICKET, m.group(), m.group())
    for m in _SERVICENOW.finditer(text):
        reg.add(Kind.TICKET, m.group(), m.group())
    for m in _CHANNEL.finditer(text):
        reg.add(Kind.CHANNEL, m.group().lower(), m.group())
    for m in _TEAM.finditer(text):
        words = m.group(1).split()
        while len(words) > 1 and reg.is_word(words[0]) and words[0].lower() not in _GENERIC_TEAM:
            words.pop(0)  # "Ask the Identity team": the sentence's first word is not the team's
        if words[-1].endswith(("'s", "’s")) or words[0].lower() in _DETERMINERS:
            continue  # "Priyanka's team" names a person, found as one
        if len(words) == 1 and words[0].lower() in _GENERIC_TEAM:
            continue
        core = " ".join(words)
        reg.add(Kind.TEAM, core.casefold(), f"the {core} team", f"The {core} team", f"{core} team")


def _find_handles(reg: _Registry, text: str) -> None:
    found = [(m.group(1).rstrip(".-_"), True) for m in _HANDLE.finditer(text)]
    found += [(m.group(1), False) for m in _CHAT_USER.finditer(text)]
    for handle, at in found:
        if handle.lower() in _NOT_HANDLE or (not at and names.is_plain_word(handle)):
            continue
        form = "@" + handle if at else handle
        if form in reg.by_form:
            continue
        low = handle.lower()
        if any(w in low for w in ("team", "oncall", "on-call", "sre", "squad", "ops")):
            reg.add(Kind.TEAM, low, form)
            continue
        entity = reg.by_form.get(handle) or reg.by_form.get("@" + handle)
        entity = entity or reg.person_for_handle(handle) or reg.add(Kind.PERSON, handle.casefold())
        # the bare username too, as chat exports and logs write it
        for f in (form, handle) if not names.is_plain_word(handle) else (form,):
            if f not in reg.by_form:
                entity.forms.add(f)
                reg.by_form[f] = entity


def _find_people(reg: _Registry, f: TextField) -> None:
    text = f.text
    if f.path.startswith("authors.") or f.path.endswith(".owner"):
        if f.text.strip() and f.text.strip() not in reg.by_form:
            reg.add_person(f.text.strip().lstrip("@"))
        return
    speaker = _CHAT_SPEAKER.match(text)
    words = speaker.group(1).split() if speaker else []
    listed = any(w in names.given_names() or w in names.surnames() for w in words)
    if words and listed and not any(reg.is_word(w) for w in words):
        reg.add_person(speaker.group(1))
    for m in _NAME_RUN.finditer(text):
        tokens = m.group(1).split(" ")
        starts = []
        pos = m.start(1)
        for t in tokens:
            starts.append(pos)
            pos += len(t) + 1
        _people_in_run(reg, text, tokens, starts, m.end(1))


def _people_in_run(
    reg: _Registry, text: str, tokens: list[str], starts: list[int], run_end: int
) -> None:
    before = text[max(0, starts[0] - 30) : starts[0]]
    prev_words = [w.lower() for w in re.findall(r"[\w:-]+", before)[-2:]]
    after = text[run_end : run_end + 30]
    next_word = (re.findall(r"\(|[\w'-]+", after) or [""])[0].lower()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        base = token[:-2] if token.endswith(("'s", "’s")) else token
        if base in reg.by_form or base.lower() in names.PRODUCTS or _camel(base):
            i += 1
            continue
        plain = reg.is_word(base)
        rest = tokens[i + 1 :]
        if names.is_given_name(base):
            surname = _surname_tokens(reg, rest)
            # "Will", "Mark", "Page": a name only with a surname beside it
            if not plain or (surname and surname[0] in names.surnames()):
                # family name first (Nguyễn Thị Lan, Tanaka Aiko): the unknown words before it
                family = []
                for before in reversed(tokens[:i]):
                    if reg.is_word(before) or _camel(before) or before in reg.by_form:
                        break
                    family.insert(0, before)
                reg.add_person(" ".join([*family, base, *surname]))
                i += 1 + len(surname)
                continue
        elif not plain:
            # a name no list knows, in a sentence that says a person acted or was addressed:
            # "Paged Oyelaran", "handed over to Xiadani", "Kwabena acknowledged"
            name = [base]
            while i + len(name) < len(tokens) and not reg.is_word(tokens[i + len(name)]):
                name.append(tokens[i + len(name)])
            last = i + len(name) == len(tokens)
            previous = [*prev_words, *(t.lower() for t in tokens[:i])][-2:]
            cued = bool(previous) and (
                previous[-1] in _PERSON_CUES or " ".join(previous) in _PERSON_PHRASES
            )
            listed = any(names.is_given_name(t) for t in name[1:])  # handled at that name
            if (
                len(name) <= 2
                and not listed
                and not any(_camel(t) for t in name)
                and (cued or (last and next_word in _HUMAN_VERBS))
            ):
                reg.add_person(" ".join(name))
                i += len(name)
                continue
        i += 1


def _camel(word: str) -> bool:
    """PagerDuty, CheckoutService: a product or a class, not a person (McDonald is a person)."""
    inner = word[1:]
    return any(c.isupper() for c in inner) and not re.match(r"(?:Mc|Mac|O['’]|D['’])", word)


def _surname_tokens(reg: _Registry, rest: list[str]) -> list[str]:
    out = []
    for token in rest[:2]:
        if reg.is_word(token) or _camel(token):
            break
        if token in names.given_names() and token not in names.surnames() and out:
            break
        out.append(token)
    return out[:1] if len(out) > 1 and out[1] not in names.surnames() else out


_SIBLING = re.compile(r"(?<![\w@./-])([a-z][a-z0-9]*(?:-[a-z0-9]+)*)-([a-z0-9]{1,3})(?![\w-])")


def _find_sibling_hosts(reg: _Registry, fields: list[TextField]) -> None:
    """dns-res-a beside a known dns-res-b, web-3 beside web-2: machines of one fleet."""
    fleets = set()
    for entity in reg.entities.values():
        if entity.kind is Kind.HOST:
            for form in entity.forms:
                m = _SIBLING.fullmatch(form.lower())
                if m and len(m.group(1)) >= 2:
                    fleets.add((m.group(1), _suffix_shape(m.group(2))))
    if not fleets:
        return
    for f in fields:
        for m in _SIBLING.finditer(f.text):
            shape = (m.group(1).lower(), _suffix_shape(m.group(2)))
            if shape in fleets and m.group() not in reg.by_form:
                reg.add(Kind.HOST, m.group().lower(), m.group())


def _suffix_shape(suffix: str) -> str:
    """'3' and '12' are numbers, 'a' and 'b' letters: siblings share a shape ('app' is none)."""
    if suffix.isdigit():
        return "number"
    return "letter" if len(suffix) == 1 else re.sub(r"[a-z]", "a", re.sub(r"\d", "9", suffix))


# --- pass two: every place each thing occurs --------------------------------------------


def find_spans(fields: list[TextField], entities: list[Entity]) -> list[Span]:
    """Pass two: every occurrence of every form of every entity, without overlaps."""
    forms: dict[str, Entity] = {}
    for entity in entities:
        for form in entity.forms:
            forms.setdefault(form, entity)
    if not forms:
        return []
    ordered = sorted(forms, key=len, reverse=True)
    pattern = re.compile("|".join(_alternative(form, forms[form]) for form in ordered))
    folded = {form.casefold(): e for form, e in forms.items() if _fold_ok(form, e)}
    loose = (
        re.compile(
            "|".join(_alternative(f, folded[f]) for f in sorted(folded, key=len, reverse=True)),
            re.I,
        )
        if folded
        else None
    )
    out: list[Span] = []
    for f in fields:
        found: list[Span] = []
        for m in pattern.finditer(f.text):
            entity = forms[m.group()]
            if _keep_match(f.text, m.start(), m.end(), entity):
                found.append(Span(f.path, m.start(), m.end(), m.group(), entity.kind, entity.key))
        if loose is not None:
            for m in loose.finditer(f.text):
                entity = folded[m.group().casefold()]
                found.append(Span(f.path, m.start(), m.end(), m.group(), entity.kind, entity.key))
        out += _without_overlaps(found)
    return out


def _alternative(form: str, entity: Entity) -> str:
    """The form as a whole word; a host may follow an @ ("deploy@bastion"), a name may not."""
    before = r"(?<![\w#-])(?<!\w\.)" if entity.kind is Kind.HOST else r"(?<![\w@.#-])"
    return f"{before}{re.escape(form)}(?![\\w@-]|\\.\\w)"


def _fold_ok(form: str, entity: Entity) -> bool:
    """Forms matched whatever their letter case: hosts, addresses, keys, and unusual names."""
    if entity.kind is Kind.HOST:
        # db-prod-3 and DB-PROD-3 are one machine; "ledger" the host is not "Ledger" the product
        return not form.isalpha()
    if entity.kind in (Kind.EMAIL, Kind.URL, Kind.CHANNEL, Kind.TICKET):
        return True
    if entity.kind is Kind.PERSON:
        return len(form) >= 4 and not names.is_plain_word(form.lstrip("@"))
    return False


def _keep_match(text: str, start: int, end: int, entity: Entity) -> bool:
    """A lone part of a name that is also a word or product counts only where it is a name."""
    if entity.kind is Kind.IP:
        return not _is_version(text, start, end)
    word = text[start:end]
    if entity.added:
        return True
    if entity.kind is Kind.HOST and word.isalpha():
        # the host "canary" is not "a canary deploy": a word-named host after an article, or
        # before a noun of its own, is the word
        prev = (re.findall(r"[\w-]+", text[max(0, start - 30) : start]) or [""])[-1].lower()
        nxt = (re.findall(r"[\w-]+", text[end : end + 30]) or [""])[0].lower()
        return prev not in _DETERMINERS and nxt not in _HOST_WORD_NOUNS
    if entity.kind is not Kind.PERSON:
        return True
    if " " in word or word.startswith("@") or not names.is_plain_word(word):
        return True
    before = text[max(0, start - 30) : start]
    prev = (re.findall(r"[\w-]+", before) or [""])[-1].lower()
    nxt = (re.findall(r"[\w-]+", text[end : end + 30]) or [""])[0].lower()
    if prev in _DETERMINERS or nxt in _TECH_NOUNS:
        return False
    if word.lower() in names.PRODUCTS:
        return nxt in _PERSON_VERBS or prev in _PERSON_CUES
    if _SENTENCE_END.search(before) and nxt not in _PERSON_VERBS:
        return False
    return True


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """The widest find wins where finds overlap; on a tie, the more sensitive kind."""
    spans.sort(key=lambda s: (s.start, -(s.end - s.start), _RANK[s.kind]))
    kept: list[Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept
