"""Mail domains that say nothing about which company someone works for.

A meeting's ``external_domains`` are the customer signal for briefs, so personal
mailbox providers must not count as a company. This is a general list of the
large consumer mail providers (global, then by region: Europe, Asia, the
Americas), compiled from the providers' own public domain lists; it is not
derived from any data set. Extend it here, not in callers.

``CALENDAR_SYSTEM_DOMAINS`` are addresses calendar services invent for rooms,
shared and imported calendars: never a person, never a customer.
"""

from __future__ import annotations

FREE_MAIL_DOMAINS: frozenset[str] = frozenset(
    {
        # Google, Microsoft, Yahoo, AOL, Apple
        "gmail.com", "googlemail.com",
        "outlook.com", "outlook.de", "outlook.fr", "outlook.es", "outlook.it",
        "hotmail.com", "hotmail.co.uk", "hotmail.de", "hotmail.fr", "hotmail.es",
        "hotmail.it", "live.com", "live.de", "live.fr", "live.co.uk", "live.nl",
        "msn.com", "passport.com",
        "yahoo.com", "yahoo.co.uk", "yahoo.de", "yahoo.fr", "yahoo.es", "yahoo.it",
        "yahoo.co.jp", "yahoo.com.br", "yahoo.ca", "yahoo.in", "ymail.com",
        "rocketmail.com",
        "aol.com", "aol.de", "aim.com",
        "icloud.com", "me.com", "mac.com",
        # Privacy-focused and independent
        "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
        "tutanota.com", "tutanota.de", "tuta.io", "tutamail.com",
        "fastmail.com", "fastmail.fm", "hey.com", "zoho.com", "zohomail.com",
        "mail.com", "email.com", "gmx.com", "gmx.net", "gmx.de", "gmx.at", "gmx.ch",
        "posteo.de", "posteo.net", "mailbox.org", "hushmail.com",
        # Europe
        "web.de", "t-online.de", "freenet.de", "arcor.de", "online.de", "1und1.de",
        "bluewin.ch", "gmx.fr", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net",
        "sfr.fr", "libero.it", "virgilio.it", "tiscali.it", "alice.it", "tin.it",
        "telefonica.net", "terra.es", "ziggo.nl", "kpnmail.nl", "planet.nl",
        "telenet.be", "skynet.be", "seznam.cz", "centrum.cz", "wp.pl", "o2.pl",
        "interia.pl", "onet.pl", "btinternet.com", "sky.com", "virginmedia.com",
        "ntlworld.com", "talktalk.net", "eircom.net", "mail.ru", "inbox.ru",
        "list.ru", "bk.ru", "yandex.ru", "yandex.com", "rambler.ru", "ukr.net",
        # Asia and Oceania
        "qq.com", "163.com", "126.com", "yeah.net", "sina.com", "sohu.com",
        "aliyun.com", "naver.com", "daum.net", "hanmail.net", "rediffmail.com",
        "bigpond.com", "optusnet.com.au",
        # The Americas
        "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "bellsouth.net",
        "cox.net", "charter.net", "earthlink.net", "shaw.ca", "rogers.com",
        "sympatico.ca", "bol.com.br", "uol.com.br", "terra.com.br", "prodigy.net.mx",
    }
)  # fmt: skip

CALENDAR_SYSTEM_DOMAINS: frozenset[str] = frozenset(
    {
        "resource.calendar.google.com",
        "group.calendar.google.com",
        "group.v.calendar.google.com",
        "import.calendar.google.com",
        "calendar.google.com",
        "calendar.icloud.com",
    }
)


def is_free_mail(domain: str) -> bool:
    return domain in FREE_MAIL_DOMAINS


def is_calendar_system(domain: str) -> bool:
    return domain in CALENDAR_SYSTEM_DOMAINS or any(
        domain.endswith("." + system) for system in CALENDAR_SYSTEM_DOMAINS
    )
