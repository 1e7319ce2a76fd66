"""Runtime settings, read once from ``TIPOFF_*`` environment variables.

The secret key is the root of every other secret (session signing, CSRF, the
key that encrypts calendar URLs and VAPID keys at rest), so a fresh install
generates one into the data directory instead of shipping a default.
"""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

SECRET_KEY_FILE = "secret_key"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"


def _comma_list(value: object) -> object:
    """``a, b`` or a JSON list in the environment: both are a list of trimmed names."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            import json

            return json.loads(text)
        return [part.strip() for part in text.split(",") if part.strip()]
    return value


CommaList = Annotated[list[str], BeforeValidator(_comma_list), NoDecode]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TIPOFF_", extra="ignore")

    data_dir: Path = Field(default=Path("./data"), description="Where SQLite and keys live.")
    database_url: str = Field(default="", description="SQLAlchemy URL; empty = SQLite in data_dir.")
    public_url: str | None = Field(
        default=None, description="Base URL users reach; unset = http://127.0.0.1:8000."
    )
    secret_key: str = Field(default="", description="Root secret; generated when empty.")
    allow_private_networks: bool = Field(
        default=False, description="Let user-supplied URLs reach loopback/private addresses."
    )
    log_level: str = Field(default="INFO")

    # Load and robustness
    write_wait_seconds: float = Field(
        default=5.0, gt=0, description="SQLite: longest wait for the write slot before a 503."
    )
    pool_timeout_seconds: float = Field(
        default=5.0, gt=0, description="Longest wait for a database connection before a 503."
    )
    statement_timeout_seconds: float = Field(
        default=15.0, gt=0, description="PostgreSQL: longest a statement may run."
    )
    max_in_flight: int = Field(
        default=8, ge=1, description="Requests handled at once; more wait in a queue."
    )
    max_in_flight_heavy: int = Field(
        default=1, ge=1, description="CPU-heavy requests (tip writes: embeddings) at once."
    )
    queue_seconds: float = Field(
        default=0.5,
        gt=0,
        description="Longest a request waits for its turn; a longer queue is a fast 503.",
    )
    max_body_bytes: int = Field(
        default=1024 * 1024, ge=1024, description="Largest request body (streamed or not)."
    )
    trusted_proxies: str = Field(
        default="",
        description="Comma-separated addresses/networks whose X-Forwarded-* headers are "
        "believed (uvicorn forwarded_allow_ips); empty = trust none.",
    )

    # Library health
    flag_threshold: int = Field(default=3, ge=1, description="Distinct flags that hide a tip.")
    rate_limit_posts: str = Field(default="20/hour", description="Tip posts per member.")
    rate_limit_votes: str = Field(default="120/hour", description="Votes per member.")
    rate_limit_flags: str = Field(default="20/hour", description="Flags per member.")
    rate_limit_login: str = Field(default="10/minute", description="Login attempts per address+IP.")
    rate_limit_storage: str = Field(
        default="memory://", description="`limits` storage URI (e.g. redis://) for many processes."
    )
    session_days: int = Field(default=30, ge=1)

    # Joining (the PWA's invite and setup links)
    invite_days: int = Field(default=7, ge=1, le=30, description="How long an invite link works.")
    setup_link_hours: int = Field(
        default=24, ge=1, description="How long the first-run setup link works."
    )

    # Calendars
    sync_interval_minutes: int = Field(default=15, ge=1)
    sync_past_days: int = Field(default=1, ge=0)
    sync_future_days: int = Field(default=14, ge=1)
    fetch_max_bytes: int = Field(default=10 * 1024 * 1024)
    fetch_timeout_seconds: float = Field(default=20.0)
    fetch_max_redirects: int = Field(default=5, ge=0, le=20)
    sync_lease_seconds: int = Field(default=300, ge=30, description="How long a sync claim holds.")
    sync_batch_size: int = Field(default=10, ge=1, description="Calendars claimed per job round.")
    sync_max_backoff_minutes: int = Field(default=24 * 60, ge=1)
    sync_max_occurrences: int = Field(
        default=1000, ge=10, description="Occurrences one series may have in the sync window."
    )

    # Briefs
    brief_size: int = Field(default=3, ge=1, le=10)

    # The curator's loop (core/tips/freshness.py, core/insights/)
    tip_review_days: int = Field(
        default=180, ge=30, le=730, description="Default days between a tip's reviews."
    )
    insights_min_group: int = Field(
        default=5, ge=2, description="Usage rows from fewer distinct people fold into 'other'."
    )
    gap_strong_score: float = Field(
        default=0.8, gt=0, description="A brief with no tip scoring this much is weak (a gap)."
    )
    request_reach: int = Field(default=5, ge=1, le=20, description="Colleagues a request asks.")
    request_lookback_days: int = Field(
        default=90, ge=1, description="A colleague 'met' a customer within this many days."
    )
    contact_retention_days: int = Field(
        default=180, ge=1, description="How long 'who met which customer, when' is kept."
    )

    # Pushes
    vapid_subject: str = Field(
        default="",
        description="VAPID contact (mailto: or https:); empty = public_url if https, "
        "else mailto:tipoff@<public_url host>.",
    )
    push_concurrency: int = Field(default=32, ge=1, le=1000, description="Pushes in flight.")
    push_batch_size: int = Field(
        default=400, ge=1, le=5000, description="Most notifications a worker holds leased."
    )
    push_lease_seconds: int = Field(
        default=60, ge=5, description="How long a claim holds before another worker may retry."
    )
    push_max_attempts: int = Field(default=8, ge=1, description="Tries before a push is failed.")
    push_retry_seconds: float = Field(default=30.0, gt=0, description="First retry backoff.")
    push_timeout_seconds: float = Field(default=10.0, gt=0, description="Per push request.")
    push_encrypt_processes: int = Field(
        default=-1,
        ge=-1,
        le=32,
        description="Helper processes that encrypt pushes: 0 = inline, -1 = one per spare "
        "core (at most 4), started on the first pass with more than a handful of pushes.",
    )
    push_prepare_minutes: int = Field(
        default=10, ge=0, description="Briefs are ranked this long before they are due."
    )
    debrief_delay_minutes: int = Field(
        default=5,
        ge=0,
        description="The 'what did you learn?' push comes this long after a meeting.",
    )

    # Email (core/mail, the outbox in core/notifications/mail_outbox.py)
    smtp_url: SecretStr = Field(
        default=SecretStr(""),
        description="smtp://user:pass@host:587 (STARTTLS), smtps://user:pass@host:465, or "
        "smtp://host:25 (a local relay); empty = mails wait in the outbox. A secret.",
    )
    mail_from: str = Field(
        default="", description="From address; empty = tipoff@<public_url host>."
    )
    mail_max_attempts: int = Field(default=8, ge=1, description="Tries before a mail fails.")
    mail_retry_seconds: float = Field(default=60.0, gt=0, description="First retry backoff.")
    mail_lease_seconds: int = Field(default=300, ge=10, description="A send claim holds this long.")
    mail_timeout_seconds: float = Field(default=30.0, gt=0, description="Per SMTP connection.")
    mail_batch_size: int = Field(default=50, ge=1, le=1000, description="Mails per job round.")

    # People and data lifecycle
    rate_limit_password_reset: str = Field(
        default="5/hour", description="'Forgot password' mails per address, and per IP."
    )
    password_reset_minutes: int = Field(default=60, ge=5, le=24 * 60)
    retention_days: int = Field(
        default=30, ge=1, description="Meetings, attendee lists and brief feedback kept this long."
    )

    # Single sign-on (OpenID Connect) and provisioning (SCIM): docs/sso.md
    oidc_issuer: str = Field(default="", description="OpenID provider's issuer URL; empty = off.")
    oidc_client_id: str = Field(default="")
    oidc_client_secret: SecretStr = Field(default=SecretStr(""), description="Never logged.")
    oidc_provider_name: str = Field(
        default="", description='Shown as "Sign in with <name>"; empty = the issuer\'s host.'
    )
    oidc_allowed_domains: CommaList = Field(
        default_factory=list, description="Email domains that may join through SSO uninvited."
    )
    oidc_groups_claim: str = Field(default="groups", description="ID token claim with groups.")
    oidc_curator_groups: CommaList = Field(default_factory=list, description="Groups -> curator.")
    oidc_admin_groups: CommaList = Field(default_factory=list, description="Groups -> admin.")
    password_login: bool = Field(
        default=True, description="false = only break-glass admins may sign in with a password."
    )

    # Operations
    metrics_token: SecretStr = Field(
        default=SecretStr(""), description="Bearer token that may read /metrics and /docs."
    )
    public_metrics: bool = Field(default=False, description="/metrics and /docs open to all.")

    # Scheduler
    run_scheduler: bool = Field(default=True, description="Run the job loop inside `serve`.")
    scheduler_poll_seconds: float = Field(default=5.0, gt=0)

    @field_validator("log_level")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return normalise_database_url(self.database_url)
        return f"sqlite:///{(self.data_dir / 'tipoff.db').resolve()}"

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_issuer and self.oidc_client_id)

    @property
    def is_sqlite(self) -> bool:
        return self.effective_database_url.startswith("sqlite")

    @property
    def effective_public_url(self) -> str:
        """Where people reach this server: the setting, else the local default."""
        return self.public_url or DEFAULT_PUBLIC_URL

    def ensure_secret_key(self) -> str:
        """Return the secret key, creating ``data_dir/secret_key`` (mode 0600) on first use.

        Several processes may start on a new data folder at once (server workers, the
        scheduler, ``tipoff eval --jobs``). The key is written whole to a file of this
        process's own and then linked into place, which fails if another process got there
        first: every process then reads the one key that won, never a half-written file.
        """
        if self.secret_key:
            return self.secret_key
        path = self.data_dir / SECRET_KEY_FILE
        if not path.exists():
            self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            mine = path.with_name(f".{SECRET_KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
            fd = os.open(mine, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "w") as handle:
                    handle.write(secrets.token_urlsafe(48) + "\n")
                    handle.flush()
                    os.fsync(handle.fileno())
                os.link(mine, path)
            except FileExistsError:
                pass  # another process's key is in place: use it
            finally:
                mine.unlink(missing_ok=True)
        self.secret_key = path.read_text().strip()
        return self.secret_key


def normalise_database_url(url: str) -> str:
    """Accept the URLs people paste (``postgres://``, ``postgresql://``) and use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@lru_cache
def get_settings() -> Settings:
    return Settings()
