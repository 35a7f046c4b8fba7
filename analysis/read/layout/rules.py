"""The rules of ``blocks.rule``: their names, what each decides, and an invented example page.

Decides nothing: it declares the layout's rule names as constants (the modules compare against
these, never against literals) and :data:`BLOCK_RULES`, the table of the rules the layout modules
apply, each with the block kind it gives and an invented page on which it fires (``expect`` names
the line, its kind and the rule).  The page-chrome rules of ``data/boilerplate.tsv`` form their
own table (:func:`analysis.read.layout.chrome.chrome_rules`), with an example line each; the names
the code refers to are declared here too.  Reads nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.rules import Example, RuleTable

# --- datelines (.dates) ---
DATE_LINE = "date line"
DATE_LABEL = "date label"
LABELLED_DATE = "labelled date"
DATE_IN_HEADER = "date in header line"
# --- credits, bylines, captions (.patterns, .header) ---
CREDIT_LINE = "credit line"
BYLINE_BY = "byline 'By'"
BYLINE_NAME = "byline name"
BYLINE_NAME_OVER_ROLE = "byline name over role"
BYLINE_ROLE = "byline role"
PHOTO_CREDIT = "photo credit"
CAPTION_LABEL = "caption label"
LINE_AFTER_PHOTO_CREDIT = "line after photo credit"
LINE_ABOVE_MEDIA_LABEL = "line above media label"
# --- chrome decided in context (.chrome, .header, .body) ---
CONTACT_BLOCK = "contact block"
LINK_ROW = "link row"
HEADER_CHROME = "header chrome"
TRAILING_CHROME = "trailing chrome"
END_MATTER = "end matter"
STORY_CHROME = "chrome among the story"
PROSE_IN_STORY = "prose within the story"
# --- header and body (.header, .body) ---
SENTENCE_BELOW_TITLE = "sentence below title"
STANDFIRST = "standfirst"
AUTHOR_BIO = "author bio"
BIO_CONTINUATION = "bio continuation"
SHORT_LINE_BEFORE_PARAGRAPH = "short line before paragraph"
PARAGRAPH = "paragraph"
PLAIN_LAYOUT = "plain layout"
# --- the title (.header) ---
TITLE = "title"
TITLE_HINT = "title hint"
TITLE_BAR = "title bar"
TITLE_WITH_DATE = "title with its date"
REPEATED_TITLE = "repeated title"

# --- chrome rules of data/boilerplate.tsv that the code refers to (a test checks they are there) ---
MEDIA_PLAYER_TIME = "media-player time"
MEDIA_PLAYER_CONTROL = "media-player control"
RELATED_LINKS = "related links"
PHOTO_CREDIT_LINE = "photo credit line"
CONTACT_LINE = "contact line"
MEDIA_LABEL = "media label"
COMMENTS_LINK = "comments link"
PAGE_UTILITY = "page utility"
COMMENT_CONTROL = "comment control"
#: The names above that ``data/boilerplate.tsv`` must declare.
CHROME_NAMES_USED = (
    MEDIA_PLAYER_TIME,
    MEDIA_PLAYER_CONTROL,
    RELATED_LINKS,
    PHOTO_CREDIT_LINE,
    CONTACT_LINE,
    MEDIA_LABEL,
    COMMENTS_LINK,
    PAGE_UTILITY,
    COMMENT_CONTROL,
)


@dataclass(frozen=True)
class BlockRule:
    """A rule of ``blocks.rule``: its name, what it decides, the kind it gives, an example page.

    ``example.expect`` holds ``line`` (the text of the block the rule labels), ``kind`` and
    ``rule``, and optionally ``title_hint`` or ``layout`` to pass to
    :func:`~analysis.read.layout.recognise`.
    """

    name: str
    doc: str
    kind: str
    example: Example | None = None


_HEAD = "Harbour Board Opens New Ferry Terminal"
_P1 = "The Harbour Board opened the new ferry terminal at Varnak on Monday, two years after work began."
_P2 = "Ines Marlow, who chairs the board, said the terminal would double the daily crossings to the islands."
_P3 = "The old quay will close in the spring and become a fish market, the board said in a statement."
_BODY = f"{_P1}\n\n{_P2}\n"
#: The page every chrome example line is shown on (``{line}`` between the header and the story).
CHROME_PAGE = f"{_HEAD}\nBy Dana Korvel\nMarch 4, 2024\n\n{{line}}\n\n{_BODY}"


def _ex(page: str, line: str, kind: str, rule: str, **options: str) -> Example:
    return Example(page, {"line": line, "kind": kind, "rule": rule, **options})


def _rule(name: str, kind: str, doc: str, page: str, line: str, **options: str) -> BlockRule:
    return BlockRule(name, doc, kind, _ex(page, line, kind, name, **options))


#: Every rule the layout modules apply besides the page-chrome lexicon, in the order of the passes.
BLOCK_RULES: RuleTable[BlockRule] = RuleTable(
    "blocks.rule",
    (
        _rule(
            DATE_LINE,
            "dateline",
            "a short line that is mostly a date (with weekday, time, zone, label)",
            f"{_HEAD}\nMarch 4, 2024\n\n{_BODY}",
            "March 4, 2024",
        ),
        _rule(
            DATE_LABEL,
            "dateline",
            "a date label alone ('Published', 'Updated:') or a relative time",
            f"{_HEAD}\nPublished\n4 March 2024\n\n{_BODY}",
            "Published",
        ),
        _rule(
            LABELLED_DATE,
            "dateline",
            "a short line where a date follows a published/updated label among other words",
            f"{_HEAD}\nPublished on March 4, 2024, at 6:32 pm (Varnak)\n\n{_BODY}",
            "Published on March 4, 2024, at 6:32 pm (Varnak)",
        ),
        _rule(
            DATE_IN_HEADER,
            "dateline",
            "a short dated line above the body (a place and a date, a field row)",
            f"{_HEAD}\nVarnak, 4 March 2024\n\n{_BODY}",
            "Varnak, 4 March 2024",
        ),
        _rule(
            CREDIT_LINE,
            "credit",
            "a line crediting other reporters or editors, or a correction",
            f"{_HEAD}\nBy Dana Korvel\n\n{_BODY}\nTomas Ferreira contributed to this report.\n",
            "Tomas Ferreira contributed to this report.",
        ),
        _rule(
            BYLINE_BY,
            "byline",
            "a line opening with 'By' and naming people",
            f"{_HEAD}\nBy Dana Korvel\n\n{_BODY}",
            "By Dana Korvel",
        ),
        _rule(
            BYLINE_NAME,
            "byline",
            "a bare name opening with a known first name (or an initial)",
            f"{_HEAD}\nDana Korvel\n\n{_BODY}",
            "Dana Korvel",
        ),
        _rule(
            BYLINE_NAME_OVER_ROLE,
            "byline",
            "a capitalised name standing over a role line",
            f"{_HEAD}\nOstrand Pell\nHarbour correspondent\n\n{_BODY}",
            "Ostrand Pell",
        ),
        _rule(
            BYLINE_ROLE,
            "byline",
            "the role line below an author's name",
            f"{_HEAD}\nOstrand Pell\nHarbour correspondent\n\n{_BODY}",
            "Harbour correspondent",
        ),
        _rule(
            PHOTO_CREDIT,
            "caption",
            "a line closing with a photo credit",
            f"{_HEAD}\nBy Dana Korvel\nThe new terminal building at dawn (Photo: Harbour Board)\n\n{_BODY}",
            "The new terminal building at dawn (Photo: Harbour Board)",
        ),
        _rule(
            CAPTION_LABEL,
            "caption",
            "a line opening with a caption label ('Pictured:', 'Photo by')",
            f"{_HEAD}\nBy Dana Korvel\nPictured: the ferry leaving the old quay\n\n{_BODY}",
            "Pictured: the ferry leaving the old quay",
        ),
        _rule(
            LINE_AFTER_PHOTO_CREDIT,
            "caption",
            "the line below a credit standing alone, above a paragraph",
            f"{_HEAD}\nMarch 4, 2024\nGetty Images\nPassengers wait in the new hall on the first morning\n{_BODY}",
            "Passengers wait in the new hall on the first morning",
        ),
        _rule(
            LINE_ABOVE_MEDIA_LABEL,
            "caption",
            "short chrome lines just above a media label caption that image",
            f"{_HEAD}\nMarch 4, 2024\n\n{_BODY}\nMap of the new ferry routes\n(click to enlarge)\n",
            "Map of the new ferry routes",
        ),
        _rule(
            CONTACT_BLOCK,
            "boilerplate",
            "the short lines of a block holding a contact line",
            f"{_HEAD}\nMarch 4, 2024\n\n{_BODY}\nMedia contact:\nDana Korvel\n(555) 010-4477\n",
            "Dana Korvel",
        ),
        _rule(
            LINK_ROW,
            "boilerplate",
            "a header line repeating the same few link words",
            f"Varnak Port on Facebook Varnak Port on Twitter\n{_HEAD}\nMarch 4, 2024\n\n{_BODY}",
            "Varnak Port on Facebook Varnak Port on Twitter",
        ),
        _rule(
            HEADER_CHROME,
            "boilerplate",
            "any other unlabelled line above the body",
            f"Local News\n{_HEAD}\nMarch 4, 2024\n\n{_BODY}",
            "Local News",
        ),
        _rule(
            TRAILING_CHROME,
            "boilerplate",
            "a short line after the story's last paragraph",
            f"{_HEAD}\nMarch 4, 2024\n\n{_BODY}\nFerry timetables for the spring\n",
            "Ferry timetables for the spring",
        ),
        _rule(
            END_MATTER,
            "boilerplate",
            "a source or link list closing the page, its heading first",
            f'{_HEAD}\nMarch 4, 2024\n\n{_BODY}\nSources\n\n- "Varnak plans a second ferry quay for the islands." Coastal'
            " Daily, May 2, 2022.\n",
            "Sources",
        ),
        _rule(
            SENTENCE_BELOW_TITLE,
            "subtitle",
            "a sentence below the title, above the byline",
            f"{_HEAD}\nThe terminal doubles the number of crossings to the islands.\nBy Dana Korvel\n\n{_BODY}",
            "The terminal doubles the number of crossings to the islands.",
        ),
        _rule(
            STANDFIRST,
            "subtitle",
            "an unpunctuated line of six words or more right below the title",
            f"{_HEAD}\nSix new berths and a waiting hall for the island routes\nBy Dana Korvel\n\n{_BODY}",
            "Six new berths and a waiting hall for the island routes",
        ),
        _rule(
            AUTHOR_BIO,
            "bio",
            "a paragraph naming an author and saying what they do",
            f"{_HEAD}\nBy Dana Korvel\n\n{_BODY}\nDana Korvel is a reporter for the Varnak Courier.\n",
            "Dana Korvel is a reporter for the Varnak Courier.",
        ),
        _rule(
            BIO_CONTINUATION,
            "bio",
            "a paragraph opening with a pronoun right after a bio",
            f"{_HEAD}\nBy Dana Korvel\n\n{_BODY}\nDana Korvel is a reporter for the Varnak Courier.\n"
            "She has covered the harbour and its ferries since 2015.\n",
            "She has covered the harbour and its ferries since 2015.",
        ),
        _rule(
            SHORT_LINE_BEFORE_PARAGRAPH,
            "heading",
            "a short unpunctuated line between body paragraphs",
            f"{_HEAD}\nMarch 4, 2024\n\n{_P1}\n\nWhat changes for passengers\n\n{_P2}\n",
            "What changes for passengers",
        ),
        _rule(PARAGRAPH, "body", "a line of the story", f"{_HEAD}\nMarch 4, 2024\n\n{_BODY}", _P1),
        _rule(
            PLAIN_LAYOUT,
            "body",
            "with layout='plain', every blank-line separated paragraph is body",
            f"{_HEAD}\n\n{_BODY}",
            _HEAD,
            layout="plain",
        ),
        _rule(
            TITLE,
            "title",
            "the best-scoring title-shaped line above the body",
            f"Local News\n{_HEAD}\nMarch 4, 2024\n\n{_BODY}",
            _HEAD,
        ),
        _rule(
            TITLE_HINT,
            "title",
            "the line equal to a title known from elsewhere (an HTML page's metadata)",
            f"Ferry News\n{_HEAD}\nMarch 4, 2024\n\n{_BODY}",
            "Ferry News",
            title_hint="Ferry News",
        ),
        _rule(
            TITLE_BAR,
            "title",
            "a title bar 'Headline | Site' (the headline is the title)",
            f"{_HEAD} | Varnak Courier\nMarch 4, 2024\n\n{_BODY}",
            f"{_HEAD} | Varnak Courier",
        ),
        _rule(
            TITLE_WITH_DATE,
            "title",
            "a headline carrying its own date ('... Briefing – March 4, 2024')",
            f"Harbour Board Press Briefing – March 4, 2024\n\n{_BODY}",
            "Harbour Board Press Briefing – March 4, 2024",
        ),
        _rule(
            REPEATED_TITLE,
            "title",
            "a later line repeating the title",
            f"{_HEAD}\nMarch 4, 2024\n{_HEAD}\n\n{_BODY}",
            _HEAD,
        ),
        _rule(
            STORY_CHROME,
            "boilerplate",
            "a paragraph the fitted story model judges page chrome (a reader comment, another story's teaser)",
            f"{_HEAD}\nBy Dana Korvel\nMarch 4, 2024\n\n{_P1}\n\n{_P2}\n\n{_P3}\n\n3 Comments\n\nTomas Ferreira says:\n"
            "March 5, 2024 at 9:12 am\nAbout time too, the old quay was a disgrace for years.\nReply\n",
            "About time too, the old quay was a disgrace for years.",
        ),
    ),
)
