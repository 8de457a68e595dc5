/* html_assets.h - the style sheet and script of the HTML pages, embedded at
 * build time from assets/, with the base64 SHA-256 digests that the pages'
 * Content-Security-Policy allows (and nothing else). */
#ifndef PO_HTML_ASSETS_H
#define PO_HTML_ASSETS_H

extern const char po_html_css[];
extern const char po_html_css_sha256[];
extern const char po_html_js[];
extern const char po_html_js_sha256[];

#endif
