"""get_<field>_display() of the models with EtiquetasRapidas answers what Django's does."""

import pytest
from django.db import models
from django.utils import translation

from compromisos.models import Compromiso, Reunion
from delegaciones.models import Delegacion, Instancia, Sesion

MODELOS = [Instancia, Sesion, Delegacion, Reunion, Compromiso]


@pytest.mark.parametrize("modelo", MODELOS)
@pytest.mark.parametrize("idioma", ["es-co", "en"])
def test_every_choice_shows_the_label_django_would_show(modelo, idioma):
    with translation.override(idioma):
        for campo in modelo._meta.concrete_fields:
            if not campo.choices:
                continue
            for valor in [*(v for v, _e in campo.flatchoices), "no-existe"]:
                registro = modelo(**{campo.attname: valor})
                propia = getattr(registro, f"get_{campo.name}_display")()
                de_django = models.Model._get_FIELD_display(registro, campo)
                assert propia == de_django
