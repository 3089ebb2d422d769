"""Text hygiene in plain Python: what clean_text removes, and nothing more."""

from lxml import etree

from solidarity.core.text import clean_text, clean_tree

UNWANTED = (
    [chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t\n\r\x0b\x0c"]
    + ["\x7f", *(chr(c) for c in range(0x80, 0xA0) if c != 0x85)]
    + ["\ud800", "\udfff", "\ufdd0", "\ufdef", "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff"]
)


def test_controls_noncharacters_and_lone_surrogates_are_removed():
    for char in UNWANTED:
        assert clean_text(f"a{char}b") == "ab", repr(char)


def test_line_breaks_of_word_processors_become_newlines_and_other_text_stays():
    assert clean_text("a\x0bb\x0cc\x85d") == "a\nb\nc\nd"
    kept = "\t\n\r é ß 中文 العربية \u2028 \u200b \ufffd \U0001f600 \ue000"
    assert clean_text(kept) == kept


def test_what_is_cleaned_is_valid_xml_whatever_it_was():
    everything = "".join(chr(c) for c in range(0, 0x11000))
    element = etree.Element("summary")
    element.text = clean_text(everything)  # lxml refuses any character XML 1.0 cannot carry
    assert etree.fromstring(etree.tostring(element)).text == element.text


def test_nested_content_is_cleaned_and_other_values_kept():
    assert clean_tree({"a\x07": ["b\x01", 3, None, ("c\ufffe",)], "n": -1.5}) == {
        "a": ["b", 3, None, ("c",)],
        "n": -1.5,
    }
