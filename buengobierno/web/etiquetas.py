"""`get_<field>_display()` without translating every choice on every call.

Django's builds a dict of all the field's choices each time, hashing their lazy labels, so
each call translates every label: on a list of 25 rows showing two or three such fields that
was a sixth of the page. A model that lists `EtiquetasRapidas` before `models.Model` among
its bases gets the same answers from a table of labels made once per field and language.
"""

from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language

_etiquetas: dict[tuple, dict] = {}


class EtiquetasRapidas:
    def _get_FIELD_display(self, field):  # noqa: N802 — Django's name
        clave = (field.model._meta.label, field.name, get_language())
        etiquetas = _etiquetas.get(clave)
        if etiquetas is None:
            etiquetas = {make_hashable(v): str(e) for v, e in field.flatchoices}
            _etiquetas[clave] = etiquetas
        valor = getattr(self, field.attname)
        return force_str(etiquetas.get(make_hashable(valor), valor), strings_only=True)
