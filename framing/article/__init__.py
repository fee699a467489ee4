"""The input layer: a file, stdin or a string -> ``Article`` (text, headline, byline, body).

Plain text and Markdown are read with the standard library only; trafilatura is imported on
first use, for HTML. ``display_name`` is the form in which every output shows a file name.
"""

from framing.article.decoding import decode_bytes
from framing.article.reading import article_from_text, read_article, sniff_format
from framing.printable import display_name

__all__ = ["article_from_text", "decode_bytes", "display_name", "read_article", "sniff_format"]
