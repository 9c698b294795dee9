"""The benchmark of `python3 dev.py bench` (README, «Rendimiento»); never run by CI.

`medir.py` runs it: the pages, boards, indicators, detail pages and Mi escritorio of each
procedure, as the Despacho and as a Directivo, served by gunicorn with the production
settings (DEBUG off, gunicorn.conf.py); beside them the floor page of `piso.py` (Django with
no middleware, one indexed query, one template: served by a second gunicorn whose settings,
`ajustes_piso.py`, exist only here) and the Django admin's changelists; every periodic scan,
the exports and the stored PDFs. It prints one table.
"""
