"""Authors' names: a person's family and given names, an organisation, or a signature.

Which one a name is cannot be worked out from the words ("Amazonians" is no one's surname), so
the file says it, and bibliographies can sort and abbreviate people's names correctly.
"""

from __future__ import annotations

from dataclasses import dataclass

from .facts import FieldError, text_value

PERSON, ORGANISATION, SIGNATURE = "person", "organisation", "signature"
# The keys of each form of entry; a person's given name is optional (someone known by one name).
FORMS = {
    PERSON: ({"family"}, {"given"}),
    ORGANISATION: ({ORGANISATION}, set()),
    SIGNATURE: ({SIGNATURE}, set()),
}
EXAMPLES = "{given: Carey, family: Wedler}, {organisation: Reuters} or {signature: Amazonians}"


@dataclass(frozen=True)
class Name:
    kind: str  # person, organisation or signature
    text: str  # the whole name as a reader sees it: "Carey Wedler", "Amazonians"
    family: str | None = None
    given: str | None = None

    def __str__(self) -> str:
        return self.text


def _name(raw, index: int) -> Name:
    if isinstance(raw, str):
        words = raw.split()
        guess = f"{{given: {' '.join(words[:-1])}, family: {words[-1]}}}" if len(words) > 1 else EXAMPLES
        raise FieldError(
            f"'{raw}' does not say whether it is a person, an organisation or a signature",
            f"write a person as {guess} (check which part is the family name), "
            f"an organisation as {{organisation: {raw}}}, a signature as {{signature: {raw}}}",
            (index,),
        )
    keys = set(raw) if isinstance(raw, dict) else set()
    for kind, (required, optional) in FORMS.items():
        if required <= keys <= required | optional:
            parts = {key: _part(raw[key], index, key) for key in keys}
            if kind != PERSON:
                return Name(kind, parts[kind])
            given, family = parts.get("given"), parts["family"]
            return Name(PERSON, f"{given} {family}" if given else family, family, given)
    raise FieldError(
        f"author {index + 1} is not a name in a form the site knows", f"write {EXAMPLES}", (index,)
    )


def _part(raw, index: int, key: str) -> str:
    try:
        return text_value(raw)
    except FieldError as exc:
        raise FieldError(exc.problem, exc.fix, (index, key)) from None


def names_value(raw) -> tuple[Name, ...]:
    items = [raw] if isinstance(raw, (str, dict)) else raw
    if not isinstance(items, list) or not items:
        raise FieldError("this field must be a name or a list of names", f"write a list of {EXAMPLES}")
    return tuple(_name(item, index) for index, item in enumerate(items))
