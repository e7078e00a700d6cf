"""Names and acronyms the user typed in lower case, written as they are written: "jira" → "Jira".

A reflection that hands back "the steam reviews" or "our api" reads as if the coach could not
spell. Only words that are not ordinary English are cased on their own; a name that is also an
English word ("steam", "slack") is cased only beside a word that makes it the product.
"""

from __future__ import annotations

import re

from coach.engine import typos, vocab
from coach.ladder.schema import LIST_FIELDS, Level

_ALWAYS = {
    "api": "API", "apis": "APIs", "ui": "UI", "ux": "UX", "qa": "QA", "sre": "SRE",
    "csv": "CSV", "pdf": "PDF", "pdfs": "PDFs", "json": "JSON", "yaml": "YAML", "sql": "SQL",
    "sso": "SSO", "oauth": "OAuth", "okr": "OKR", "okrs": "OKRs", "kpi": "KPI", "kpis": "KPIs",
    "mvp": "MVP", "saas": "SaaS", "b2b": "B2B", "b2c": "B2C", "sdk": "SDK", "sdks": "SDKs",
    "cli": "CLI", "ios": "iOS", "iphone": "iPhone", "iphones": "iPhones", "ipad": "iPad",
    "android": "Android", "jira": "Jira", "figma": "Figma", "github": "GitHub",
    "gitlab": "GitLab", "jenkins": "Jenkins", "zendesk": "Zendesk", "salesforce": "Salesforce",
    "hubspot": "HubSpot", "kubernetes": "Kubernetes", "aws": "AWS", "gcp": "GCP", "sms": "SMS",
    "url": "URL", "urls": "URLs", "faq": "FAQ", "faqs": "FAQs", "crm": "CRM", "erp": "ERP",
    "prs": "PRs", "gdpr": "GDPR", "wcag": "WCAG", "a11y": "a11y", "confluence": "Confluence",
    "youtube": "YouTube", "whatsapp": "WhatsApp", "linkedin": "LinkedIn", "paypal": "PayPal",
    "shopify": "Shopify", "stripe": "Stripe", "postgres": "Postgres", "datadog": "Datadog",
}  # fmt: skip
# An English word that is also a product: cased only before one of these words.
_BESIDE = {
    "steam": "Steam", "slack": "Slack", "excel": "Excel", "notion": "Notion",
    "zoom": "Zoom", "outlook": "Outlook", "discord": "Discord", "reddit": "Reddit",
}  # fmt: skip
_PRODUCT_NOUNS = (
    r"reviews?|store|page|forums?|community|channels?|messages?|threads?|calls?|meetings?|"
    r"sheets?|spreadsheets?|workspace|posts?|comments?|server|inbox"
)
_ALWAYS_RE = re.compile(r"(?<![\w'’/-])(" + "|".join(_ALWAYS) + r")(?![\w'’/-])")
_BESIDE_RE = re.compile(
    r"(?<![\w'’/-])(" + "|".join(_BESIDE) + r")(?= (?:" + _PRODUCT_NOUNS + r")\b)"
)


def cased(text: str) -> str:
    """``text`` with the lower-case names it holds written as they are written."""
    text = _ALWAYS_RE.sub(lambda m: _ALWAYS[m[1]], text)
    return _BESIDE_RE.sub(lambda m: _BESIDE[m[1]], text)


def given_back(text: str) -> str:
    """The user's words as the coach writes them back: "I" and names in their capitals."""
    return cased(re.sub(r"\bi\b", "I", text))


def _ladder_texts(level: Level) -> tuple[str, ...]:
    """The level's own sentences, longest first: they are quoted exactly, never re-cased."""
    texts = [i.text for f in LIST_FIELDS for i in getattr(level, f)]
    texts += [i.text for i in level.focus_summary.points]
    texts += re.split(r"(?<=[.!?])\s+", level.description)
    texts += [level.mindset_shift.from_, level.mindset_shift.to, level.focus_summary.closing]
    return tuple(sorted({t for t in texts if t}, key=len, reverse=True))


def cased_turn(text: str, level: Level) -> str:
    """A guided turn with the user's lower-case names cased, the ladder's text left exactly as is."""
    if not (_ALWAYS_RE.search(text) or _BESIDE_RE.search(text)):
        return text
    kept: list[str] = []
    for quoted in _ladder_texts(level):
        while quoted in text:
            text = text.replace(quoted, f"\x00{len(kept)}\x00", 1)
            kept.append(quoted)
    text = cased(text)
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m[1])], text)


def quotable(quote: str) -> str:
    """The user's sentence with clear typos put right; "" when an unclear one is left in it."""
    fixed = typos.corrected(quote)
    return "" if vocab.unknown_words(fixed) else given_back(fixed)
