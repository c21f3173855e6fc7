"""The key of a cached result, derived from the call that computes it.

A result is kept under a digest of its computation: the function (or the method and the object
it belongs to) and every argument. No caller names the inputs, so none can be left out: a call
whose inputs cannot be told apart by their values (a lambda, a closure, an object with no stated
identity) is refused with TypeError instead of being cached under a key that misses something.

Plain values (text, bytes, numbers, None, and tuples, lists, sets and dicts of them) are keyed by
their value. An object is keyed by its `cache_fingerprint`, a string standing for everything its
methods read (a source: its slug and paragraphs; a renderer: its configuration), or, for a
dataclass, by its class and the fields it is compared by. The plugin's own code is a separate
part of every key (render_cache.code_version), so a function's body is not.
"""

from __future__ import annotations

import dataclasses
import hashlib
from functools import partial


def call_key(*parts) -> str:
    """The digest of `parts`, each keyed as described above."""
    hasher = hashlib.sha256()
    for part in parts:
        _feed(hasher, part)
    return hasher.hexdigest()


def _tagged(hasher, tag: bytes, data: bytes) -> None:
    hasher.update(tag + len(data).to_bytes(8, "big") + data)  # the length keeps parts apart


def _feed(hasher, value) -> None:
    if value is None or isinstance(value, bool | int | float):
        _tagged(hasher, b"v", repr(value).encode())
    elif isinstance(value, str):
        _tagged(hasher, b"s", value.encode("utf-8", "surrogatepass"))
    elif isinstance(value, bytes):
        _tagged(hasher, b"b", value)
    elif isinstance(value, tuple | list):
        _tagged(hasher, b"(", str(len(value)).encode())
        for item in value:
            _feed(hasher, item)
    elif isinstance(value, set | frozenset | dict):
        items = sorted(value.items() if isinstance(value, dict) else ((item, None) for item in value))
        _tagged(hasher, b"{", str(len(items)).encode())
        for key, item in items:
            _feed(hasher, key)
            _feed(hasher, item)
    elif isinstance(value, partial):
        _tagged(hasher, b"p", b"")
        _feed(hasher, value.func)
        _feed(hasher, value.args)
        _feed(hasher, value.keywords)
    elif hasattr(value, "__self__") and hasattr(value, "__func__"):  # a bound method
        _tagged(hasher, b"m", _function_name(value.__func__).encode())
        _feed(hasher, value.__self__)
    elif callable(value) and hasattr(value, "__qualname__") and not isinstance(value, type):
        _tagged(hasher, b"f", _function_name(value).encode())
    elif isinstance(getattr(value, "cache_fingerprint", None), str):
        _tagged(hasher, b"o", f"{type(value).__qualname__}\0{value.cache_fingerprint}".encode())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        _tagged(hasher, b"d", type(value).__qualname__.encode())
        for field in dataclasses.fields(value):
            if field.compare:
                _feed(hasher, field.name)
                _feed(hasher, getattr(value, field.name))
    else:
        raise TypeError(
            f"a cached computation reads a {type(value).__qualname__}, whose value no key can "
            "stand for: give it a cache_fingerprint, or pass what it holds instead"
        )


def _function_name(function) -> str:
    owner = (
        getattr(function, "__module__", None)
        or getattr(function, "__objclass__", type(function)).__qualname__
    )
    name = f"{owner}.{function.__qualname__}"
    if "<lambda>" in name or "<locals>" in name:  # what it reads from around it is in no argument
        raise TypeError(f"{name} cannot be cached: pass a module's function or a method instead")
    return name
