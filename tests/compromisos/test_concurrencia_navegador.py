"""One secretary, two tabs of one browser: the meeting's edit form in one, its live page in
the other. Neither overwrites what the other saved; each shows both texts. In a real browser."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from compromisos.models import Reunion
from tests.navegador import revisar_pagina

CLAVE = "clave-de-prueba-123"  # tests.factories.UsuarioFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_edit_form_and_the_live_page_in_two_tabs_never_overwrite_each_other(
    live_server, pagina, entrar, secretaria, reunion
):
    entrar(pagina, secretaria.username, CLAVE)
    formulario = pagina
    formulario.goto(live_server.url + reverse("compromisos:editar_reunion", args=[reunion.pk]))
    en_vivo = pagina.context.new_page()
    try:
        en_vivo.goto(live_server.url + reverse("compromisos:en_vivo", args=[reunion.pk]))

        # The live tab writes the objective and saves it as it types.
        objetivo = en_vivo.locator("#campo-reunion-objetivo")
        objetivo.press_sequentially("Aprobar el plan de lluvias", delay=15)
        expect(en_vivo.locator("#estado-guardado")).to_contain_text("Guardado", timeout=10_000)

        # The form, loaded before, sends another objective: refused, both texts shown.
        formulario.get_by_label("Objetivo").fill("Revisar el presupuesto")
        formulario.get_by_role("button", name="Guardar cambios").click()
        expect(formulario.locator("[data-resumen-errores]")).to_be_visible()
        expect(formulario.get_by_label("Objetivo")).to_have_value("Revisar el presupuesto")
        expect(formulario.locator("[data-texto-guardado]")).to_contain_text(
            "Aprobar el plan de lluvias"
        )
        revisar_pagina(formulario)
        assert Reunion.objects.get(pk=reunion.pk).objetivo == "Aprobar el plan de lluvias"

        # Having seen both, the secretary keeps the form's text.
        formulario.get_by_role("button", name="Guardar cambios").click()
        formulario.wait_for_url(live_server.url + reverse("compromisos:en_vivo", args=[reunion.pk]))
        assert Reunion.objects.get(pk=reunion.pk).objetivo == "Revisar el presupuesto"

        # The live tab still shows its own text: typing there now is a conflict, not an
        # overwrite, and the form's text is shown beside the field.
        objetivo.press("Control+End")
        objetivo.press_sequentially(" y de sequía", delay=15)
        nota = en_vivo.locator("#nota-reunion-objetivo")
        expect(nota).to_contain_text("Revisar el presupuesto", timeout=10_000)
        expect(en_vivo.locator("#estado-guardado")).to_contain_text("Conflicto")
        assert Reunion.objects.get(pk=reunion.pk).objetivo == "Revisar el presupuesto"
        revisar_pagina(en_vivo)
    finally:
        en_vivo.close()
