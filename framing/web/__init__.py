"""URLs as article sources: fetch a page, keep it in the page cache, hand its bytes to the input layer.

    url -> check_url -> page cache (unless settings.refresh) -> httpx GET -> Page -> Article

``fetch_pages`` fetches several URLs at the same time (a thread pool), so a comparison of three
pages waits on the slowest one only. The input layer (``framing.article.reading``) turns a
``Page`` into an ``Article`` through the same path as an HTML file (trafilatura); a page with no
main text there is "no article text found at URL". httpx is imported on the first fetch only
(``framing --help`` never imports it). See docs/urls.md.
"""

from framing.web.pages import Page, check_url, fetch_page, fetch_pages, is_url

__all__ = ["Page", "check_url", "fetch_page", "fetch_pages", "is_url"]
