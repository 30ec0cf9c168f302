"""Hypothesis strategies for the malformed input a careless client or a scanner sends: values out
of every range (huge, negative, float, empty, very long), repeated parameters and broken
encodings."""

from urllib.parse import quote

from hypothesis import strategies as st

# Values that trip naive parsing: numbers out of range, odd dates, control and NUL characters,
# invalid percent-encodings, markup and SQL.
TRICKY_VALUES = [
    "",
    "0",
    "-1",
    "1.5",
    "1e9",
    "99999999999999999999999999",
    "NaN",
    "2026-02-30",
    "2026-13",
    "9999-99-99",
    "\x00",
    "a\x00b",
    "%00",
    "%ZZ",
    "%C0%AF",
    "%FF%FE",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "é" * 300,
    " ",
    "[]",
    "{}",
]
RAW_TOKENS = ["%", "%ZZ", "%FF", "=", "&&", "a=%00", "page=%C0%AF", ";"]

text_values = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
# Numbers past any page count, database offset or coordinate: huge and negative integers (beyond
# 64 bits), floats in every notation, infinities and NaN.
numbers = (
    st.integers(min_value=-(10**40), max_value=10**40).map(str)
    | st.sampled_from([str(2**63), str(-(2**63) - 1), "1" + "0" * 30, "-" + "9" * 25])
    | st.floats(allow_nan=True, allow_infinity=True).map(str)
    | st.floats(allow_nan=False, allow_infinity=False).map(lambda number: f"{number:e}")
)
# Very long values: a digit run no integer parser should accept, and long text.
long_values = st.builds(
    lambda char, length: char * length,
    st.sampled_from(["9", "x", "é", "%"]),
    st.integers(min_value=1_000, max_value=6_000),
)
values = st.sampled_from(TRICKY_VALUES) | st.just("") | numbers | long_values | text_values


def encode(value):
    """Percent-encode, except values that are already (broken) percent-encodings."""
    return value if value.startswith("%") else quote(value, safe="")


def query_strings(known_names):
    """Raw query strings mixing known parameter names, unknown ones and broken tokens."""
    names = st.sampled_from(sorted(known_names) or ["q"]) | st.text(
        alphabet="abcdefghijklmnopqrstuvwxyz_[]", min_size=1, max_size=8
    )
    pair = st.tuples(names, values).map(lambda kv: f"{quote(kv[0])}={encode(kv[1])}")
    # One parameter given several times (`page=2&page=&page=-1`): views must not assume one.
    repeated = st.tuples(names, st.lists(values, min_size=2, max_size=4)).map(
        lambda kv: "&".join(f"{quote(kv[0])}={encode(value)}" for value in kv[1])
    )
    token = pair | repeated | st.sampled_from(RAW_TOKENS)
    return st.lists(token, min_size=1, max_size=5).map("&".join)


def form_data(field_names):
    """Form bodies where each field is missing, repeated or holds a tricky value."""
    return st.fixed_dictionaries(
        {},
        optional={name: st.lists(values, min_size=1, max_size=2) for name in field_names},
    )
