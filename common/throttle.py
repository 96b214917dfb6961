"""Rate limits that hold across worker processes and app servers: counted in the shared cache
(settings.CACHES: the database, or Redis when REDIS_URL is set)."""

import time

from django.core.cache import cache
from django.utils.crypto import salted_hmac


def take_slot(scope, ident, *, limit, window):
    """Count one use of `scope` by `ident` (a client address, an e-mail address); False when
    `limit` uses were counted in this window of `window` seconds already.

    Windows are fixed (they start at multiples of `window` seconds). Each use takes one of
    `limit` slots in the cache with add(), which only one caller can win, in the database and
    in Redis alike; so processes counting at the same moment never let more than `limit`
    through. `ident` is kept only as a keyed hash.
    """
    now = time.time()
    client = salted_hmac(f"common.throttle.{scope}", ident).hexdigest()
    prefix = f"throttle:{scope}:{client}:{int(now // window)}"
    slots = [f"{prefix}:{number}" for number in range(limit)]
    taken = cache.get_many(slots)
    # A slot lives until its window is over (and a minute more, for clocks a little apart).
    lifetime = window - now % window + 60
    return any(slot not in taken and cache.add(slot, 1, lifetime) for slot in slots)
