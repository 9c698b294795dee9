"""A project from formulation to sanction, in a real browser: the formulating organism files
its sheet, the Despacho asks three concepts, the viabilizers disagree, the Comité Coordinador
is convened (a P005 meeting) and decides, and the project passes through the Concejo."""

from datetime import timedelta

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from buengobierno.documentos.formato import fecha_larga
from buengobierno.plazos.calendario import sumar_dias_habiles
from compromisos.models import Reunion
from proyectos_acuerdo.models import Concepto, Estado, ProyectoAcuerdo
from tests.navegador import escribir_fecha, revisar_pagina

CLAVE = "clave-de-prueba-123"  # tests.factories.UsuarioFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_project_goes_from_formulation_through_discrepant_concepts_to_sanction(
    live_server, pagina, entrar, despacho, directivo_salud, viabilizadores, hoy
):
    # The formulating organism registers its project from the sidebar.
    entrar(pagina, directivo_salud.username, CLAVE)
    pagina.locator("#barra-lateral").get_by_role("link", name="P004").click()
    revisar_pagina(pagina)
    pagina.get_by_role("link", name="Nuevo proyecto").click()
    pagina.get_by_label("Título").fill("Por el cual se adopta la política de salud mental")
    pagina.get_by_label("Objeto").fill("Adoptar la política pública de salud mental.")
    pagina.get_by_label("Número de artículos").fill("18")
    pagina.get_by_role("button", name="Registrar el proyecto").click()
    expect(pagina.get_by_text("Se guardó el proyecto de acuerdo.")).to_be_visible()
    proyecto = ProyectoAcuerdo.objects.get()
    revisar_pagina(pagina)

    # The Despacho asks the three concepts (Planeación, Hacienda, DAGJP are proposed).
    entrar(pagina, despacho.username, CLAVE)
    pagina.goto(live_server.url + proyecto.get_absolute_url())
    pagina.get_by_role("button", name="Pedir los conceptos de viabilidad").click()
    expect(pagina.locator(".matriz-conceptos tbody th")).to_have_count(3)
    revisar_pagina(pagina)

    # Each viabilizer gives its concept; the DAGJP's is unfavourable.
    for tipo, sentido in (
        (Concepto.Tipo.TECNICO, "Favorable"),
        (Concepto.Tipo.FINANCIERO, "Favorable con observaciones"),
        (Concepto.Tipo.JURIDICO, "Desfavorable"),
    ):
        entrar(pagina, viabilizadores[tipo].username, CLAVE)
        pagina.goto(live_server.url + proyecto.get_absolute_url())
        formulario = pagina.locator("#form-emitir")
        formulario.get_by_label("Sentido").select_option(label=sentido)
        formulario.get_by_label("Texto del concepto").fill(f"Concepto {sentido.lower()}.")
        formulario.get_by_role("button", name="Emitir el concepto").click()
        expect(pagina.get_by_text("Se registró: Emitir el concepto.")).to_be_visible()
    revisar_pagina(pagina)

    # The leader sees the discrepancy and convenes the Comité Coordinador.
    entrar(pagina, despacho.username, CLAVE)
    pagina.goto(live_server.url + proyecto.get_absolute_url())
    expect(pagina.locator("#siguiente-paso .badge").first).to_have_text("Con discrepancias")
    formulario = pagina.locator("#form-convocar")
    reunion_dia = sumar_dias_habiles(hoy, 2)
    escribir_fecha(formulario, "Inicio", reunion_dia)
    pagina.locator("#id_convocar_inicio_hora").fill("09:00")
    escribir_fecha(formulario, "Fin", reunion_dia)
    pagina.locator("#id_convocar_fin_hora").fill("10:00")
    formulario.get_by_role("button", name="Convocar al Comité Coordinador").click()
    reunion = Reunion.objects.get()
    pagina.get_by_role("link", name=reunion.titulo).click()
    expect(pagina.get_by_text("Concepto jurídico (DAGJP): Desfavorable")).to_be_visible()
    revisar_pagina(pagina)

    # The committee's decision is recorded on the project.
    pagina.goto(live_server.url + proyecto.get_absolute_url())
    formulario = pagina.locator("#form-resolver")
    formulario.get_by_label("Decisión del Comité o cómo se resolvió sin reunión").fill(
        "El Comité acoge el ajuste del artículo 5 propuesto por el DAGJP."
    )
    formulario.get_by_role("button", name="Registrar la decisión").click()
    expect(pagina.locator("#siguiente-paso .badge").first).to_have_text("Viable")

    # Filing, first debate in commission, second in plenary, approval.
    radicado = hoy - timedelta(days=20)
    escribir_fecha(pagina.locator("#form-radicar"), "Fecha de radicación", radicado)
    pagina.get_by_label("Número en el Concejo").fill("PA-101")
    pagina.get_by_role("button", name="Registrar la radicación en el Concejo").click()
    expect(pagina.locator("#siguiente-paso .badge").first).to_have_text("Radicado en el Concejo")
    escribir_fecha(
        pagina.locator("#form-primer_debate"), "Fecha del primer debate", hoy - timedelta(days=10)
    )
    pagina.locator("#form-primer_debate").get_by_label("Resultado").select_option(label="Aprobado")
    pagina.get_by_role("button", name="Registrar el primer debate").click()
    expect(pagina.locator("#siguiente-paso .badge").first).to_have_text("Aprobado en primer debate")
    formulario = pagina.locator("#form-segundo_debate")
    escribir_fecha(formulario, "Fecha del segundo debate", hoy - timedelta(days=5))
    formulario.get_by_label("Resultado").select_option(label="Aprobado")
    formulario.get_by_label("Número del acuerdo").fill("0450")
    recibido = hoy - timedelta(days=1)
    escribir_fecha(formulario, "Recibido por el Alcalde", recibido)
    formulario.get_by_role("button", name="Registrar el segundo debate").click()
    # 18 articles: five business days to sanction or object (Ley 136, art. 78).
    expect(pagina.locator("#termino-sancion")).to_contain_text(
        fecha_larga(sumar_dias_habiles(recibido, 5))
    )
    revisar_pagina(pagina)

    # The Alcalde sanctions it.
    pagina.get_by_role("button", name="Registrar la sanción").click()
    expect(pagina.locator("#siguiente-paso .badge").first).to_have_text("Sancionado")
    revisar_pagina(pagina)
    proyecto.refresh_from_db()
    assert proyecto.estado == Estado.SANCIONADO
    assert proyecto.reunion_comite == reunion
    assert pagina.url == live_server.url + reverse("proyectos_acuerdo:proyecto", args=[proyecto.pk])
