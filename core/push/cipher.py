"""RFC 8291 message encryption, in this process or in a small pool of processes.

Each message needs a fresh ephemeral ECDH key pair and a fresh salt (RFC 8291
§3.1), so nothing cryptographic can be cached per subscriber: the ECDH, two
HKDFs and AES-GCM cost ~0.14 ms of CPU for every push. That is the one part of
sending that parallelises across cores without another HTTP client, so with
``TIPOFF_PUSH_ENCRYPT_PROCESSES=n`` a worker hands batches of messages to ``n``
helper processes while its event loop keeps the connections busy.

This module imports only what the helper processes need (they start with
``spawn``, so a heavy import here would slow every start).
"""

from __future__ import annotations

import asyncio
import base64
import multiprocessing
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache

import http_ece
from cryptography.hazmat.primitives.asymmetric import ec

MAX_AUTO_HELPERS = 4
PARENT_CHECK_SECONDS = 0.5
# (payload, p256dh, auth): what one message needs; the result is the body or an error text.
Item = tuple[bytes, str, str]


def _b64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@lru_cache(maxsize=65536)
def _subscriber_keys(p256dh: str, auth: str) -> tuple[bytes, bytes]:
    """The subscriber's public key and auth secret, decoded once (base64 only, no derivation)."""
    return _b64(p256dh), _b64(auth)


def encrypt(payload: bytes, p256dh: str, auth: str) -> bytes:
    """The aes128gcm body for one subscriber (http_ece; fresh key pair and salt every call)."""
    receiver, secret = _subscriber_keys(p256dh, auth)
    ephemeral = ec.generate_private_key(ec.SECP256R1())
    body: bytes = http_ece.encrypt(
        payload, private_key=ephemeral, dh=receiver, auth_secret=secret, version="aes128gcm"
    )
    return body


def encrypt_many(items: Sequence[Item]) -> list[bytes | str]:
    """Encrypt a batch; a message that cannot be encrypted gets its error text instead."""
    results: list[bytes | str] = []
    for payload, p256dh, auth in items:
        try:
            results.append(encrypt(payload, p256dh, auth))
        except Exception as exc:  # a corrupt stored key: that one message fails, not the batch
            results.append(f"cannot encrypt: {exc}"[:300])
    return results


def _exit_with_parent(parent: int) -> None:
    """In each helper: exit when the worker dies, even by SIGKILL, rather than linger orphaned.

    A pool's helpers block on its call queue, which never reports a dead parent;
    an orphan would keep its memory and the worker's inherited output pipes.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def helper_count(setting: int) -> int:
    """``TIPOFF_PUSH_ENCRYPT_PROCESSES``: -1 means one helper per spare core, at most 4."""
    if setting >= 0:
        return setting
    return max(0, min(MAX_AUTO_HELPERS, (os.cpu_count() or 1) - 1))


class Encryptor:
    """Encrypts batches inline (``processes=0``) or in a pool of helper processes.

    The pool's processes start on the first batch sent to it, so an instance that
    only ever sends a few pushes at a time never starts them (``inline=True``).
    """

    def __init__(self, processes: int = 0) -> None:
        self.processes = processes
        self._pool = (
            ProcessPoolExecutor(
                processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_exit_with_parent,
                initargs=(os.getpid(),),
            )
            if processes > 0
            else None
        )

    async def encrypt(self, items: Sequence[Item], *, inline: bool = False) -> list[bytes | str]:
        if self._pool is None or inline or not items:
            return encrypt_many(items)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, encrypt_many, list(items))

    def warm_up(self) -> None:
        """Start the helper processes now rather than on the first batch."""
        if self._pool is not None:
            for future in [self._pool.submit(encrypt_many, []) for _ in range(self.processes)]:
                future.result()

    def helper_pids(self) -> list[int]:
        """The helper processes (the benchmark reads their CPU time)."""
        if self._pool is None:
            return []
        return list(getattr(self._pool, "_processes", None) or {})

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)


_shared: Encryptor | None = None


def shared_encryptor(setting: int) -> Encryptor:
    """The process's encryptor; the pool is started once and reused by every delivery pass."""
    global _shared
    processes = helper_count(setting)
    if _shared is None or _shared.processes != processes:
        if _shared is not None:
            _shared.close()
        _shared = Encryptor(processes)
    return _shared
