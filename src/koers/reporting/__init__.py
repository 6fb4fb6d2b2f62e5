"""The progress report (voortgangsrapportage) and its cover note, generated from the data.

`report.build_report` turns the database into one typed `Report`; the renderers
(`render_html`, `render_pdf`, `render_docx`) lay that same object out as HTML,
PDF and Word, so the three formats always carry the same content.
"""
