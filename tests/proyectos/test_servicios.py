from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from compromisos.apps import COMITE_PROYECTOS_DE_ACUERDO
from compromisos.models import Reunion
from proyectos_acuerdo import services
from proyectos_acuerdo.models import Concepto, ErrorDeEstado, Estado, MiembroComite
from tests.conftest import momento
from tests.proyectos.conftest import LUNES, emitir

pytestmark = pytest.mark.django_db

F = Concepto.Sentido.FAVORABLE
D = Concepto.Sentido.DESFAVORABLE


@pytest.mark.parametrize(
    ("articulos", "dias", "plazo"),
    [
        (20, 5, date(2026, 3, 9)),
        (21, 10, date(2026, 3, 16)),
        (50, 10, date(2026, 3, 16)),
        # 20 business days: San José is moved to Monday 23 March 2026, not counted.
        (51, 20, date(2026, 3, 31)),
    ],
)
def test_the_sanction_term_follows_ley_136_art_78(articulos, dias, plazo):
    assert services.dias_para_sancionar(articulos) == dias
    assert services.plazo_para_sancionar(articulos, LUNES) == plazo


def test_the_sanction_term_skips_holy_week():
    # Received Tuesday 31 March 2026: Holy Thursday and Good Friday (2 and 3 April) do not count.
    assert services.plazo_para_sancionar(10, date(2026, 3, 31)) == date(2026, 4, 9)


def test_concepts_wait_for_the_fiscal_section_when_the_project_orders_spending(
    crear_proyecto, despacho, viabilizadores
):
    proyecto = crear_proyecto(ordena_gasto=True)
    with pytest.raises(ValidationError) as error:
        services.solicitar_conceptos(
            proyecto=proyecto,
            solicitudes={t: p.organismo for t, p in viabilizadores.items()},
            usuario=despacho,
        )
    assert "costo_fiscal" in error.value.error_dict
    assert "Ley 819" in str(error.value.error_dict["costo_fiscal"])
    proyecto.refresh_from_db()
    assert proyecto.estado == Estado.FORMULACION
    assert not proyecto.conceptos.exists()


def test_each_concept_is_due_in_business_days(en_conceptos):
    proyecto = en_conceptos()
    assert proyecto.estado == Estado.EN_CONCEPTOS
    assert {c.fecha_limite for c in proyecto.conceptos.all()} == {date(2026, 3, 16)}


def test_a_concept_from_an_organism_not_asked_is_refused(en_conceptos, despacho, gobierno):
    proyecto = en_conceptos()
    with pytest.raises(ValidationError) as error:
        services.emitir_concepto(
            proyecto=proyecto,
            organismo=gobierno,
            tipo=Concepto.Tipo.JURIDICO,
            sentido=F,
            texto="Viable.",
            medio=Concepto.Medio.CORREO,
            fecha=LUNES,
            firmante="Alguien",
            radicado="2026-1",
            usuario=despacho,
        )
    assert "no se le pidió" in str(error.value.error_dict["organismo"])


def test_a_viabilizer_cannot_give_anothers_concept(en_conceptos, viabilizadores):
    proyecto = en_conceptos()
    hacienda = viabilizadores[Concepto.Tipo.FINANCIERO]
    with pytest.raises(ValidationError):
        emitir(proyecto, hacienda, Concepto.Tipo.JURIDICO, F)


def test_the_despacho_records_a_concept_received_by_daruma(en_conceptos, despacho, viabilizadores):
    proyecto = en_conceptos()
    dagjp = viabilizadores[Concepto.Tipo.JURIDICO].organismo
    concepto = services.emitir_concepto(
        proyecto=proyecto,
        organismo=dagjp,
        tipo=Concepto.Tipo.JURIDICO,
        sentido=Concepto.Sentido.CON_OBSERVACIONES,
        texto="Viable, ajustar el artículo 3.",
        medio=Concepto.Medio.DARUMA,
        fecha=LUNES,
        firmante="Directora del DAGJP",
        radicado="202641120100001",
        usuario=despacho,
    )
    assert concepto.emitido_en == LUNES
    assert concepto.firmante == "Directora del DAGJP"


def test_disagreeing_concepts_flag_discrepancies_and_the_committee_is_convened(
    en_conceptos, despacho, viabilizadores, crear_usuario, gobierno
):
    from buengobierno.organizacion.roles import Rol

    miembro = crear_usuario(Rol.DESPACHO, gobierno, username="miembro.comite")
    MiembroComite.objects.create(usuario=miembro)
    proyecto = en_conceptos()
    emitir(proyecto, viabilizadores[Concepto.Tipo.TECNICO], Concepto.Tipo.TECNICO, F)
    emitir(proyecto, viabilizadores[Concepto.Tipo.FINANCIERO], Concepto.Tipo.FINANCIERO, F)
    proyecto.refresh_from_db()
    assert proyecto.estado == Estado.EN_CONCEPTOS
    emitir(proyecto, viabilizadores[Concepto.Tipo.JURIDICO], Concepto.Tipo.JURIDICO, D)
    proyecto.refresh_from_db()
    assert proyecto.estado == Estado.CON_DISCREPANCIAS

    inicio = momento(LUNES + timedelta(days=14), 9)
    reunion = services.convocar_comite(
        proyecto=proyecto, inicio=inicio, fin=inicio + timedelta(hours=1), usuario=despacho
    )
    assert reunion.tipo.nombre == COMITE_PROYECTOS_DE_ACUERDO
    puntos = list(reunion.puntos.values_list("titulo", flat=True))
    assert any("jurídico" in p and "Desfavorable" in p for p in puntos)
    invitados = set(reunion.asistentes.values_list("usuario_id", flat=True))
    assert {proyecto.responsable_id, miembro.pk} <= invitados
    assert reunion.origen_url == proyecto.get_absolute_url()

    services.resolver_discrepancias(
        proyecto=proyecto, resolucion="El Comité acoge el ajuste.", viable=True, usuario=despacho
    )
    proyecto.refresh_from_db()
    assert proyecto.estado == Estado.VIABLE
    assert Reunion.objects.filter(pk=reunion.pk).exists()


def test_the_leader_may_resolve_without_a_meeting_but_must_say_how(
    en_conceptos, despacho, viabilizadores
):
    proyecto = en_conceptos()
    for tipo, persona in viabilizadores.items():
        emitir(proyecto, persona, tipo, D if tipo == Concepto.Tipo.JURIDICO else F)
    with pytest.raises(ValidationError):
        services.resolver_discrepancias(
            proyecto=proyecto, resolucion="  ", viable=True, usuario=despacho
        )
    services.resolver_discrepancias(
        proyecto=proyecto,
        resolucion="Se acordó por correo ajustar el artículo 3.",
        viable=True,
        usuario=despacho,
    )


def test_the_whole_passage_through_the_concejo(viable, despacho, periodo):
    proyecto = viable(numero_articulos=25)
    assert proyecto.estado == Estado.VIABLE
    avisos = services.radicar(
        proyecto=proyecto,
        fecha=date(2026, 3, 18),
        numero_concejo="PA-045",
        comision="Comisión Primera de Plan y Tierras",
        ponentes="H.C. Pérez",
        usuario=despacho,
    )
    assert avisos == []
    proyecto.refresh_from_db()
    assert proyecto.periodo == periodo
    with pytest.raises(ErrorDeEstado, match="primer debate"):
        services.segundo_debate(
            proyecto=proyecto, fecha=date(2026, 3, 25), resultado="aprobado", usuario=despacho
        )
    services.primer_debate(
        proyecto=proyecto, fecha=date(2026, 3, 24), resultado="aprobado", usuario=despacho
    )
    avisos = services.segundo_debate(
        proyecto=proyecto,
        fecha=date(2026, 3, 25),
        resultado="aprobado",
        numero_acuerdo="0450",
        recibido=date(2026, 3, 31),
        usuario=despacho,
    )
    assert "art. 73" in avisos[0]
    proyecto.refresh_from_db()
    assert proyecto.estado == Estado.APROBADO
    # 25 articles: 10 business days, across Holy Week.
    assert proyecto.plazo_sancion == date(2026, 4, 16)
    services.sancionar(proyecto=proyecto, fecha=date(2026, 4, 8), usuario=despacho)
    services.publicar(
        proyecto=proyecto,
        fecha=date(2026, 4, 10),
        envio_gobernador=date(2026, 4, 13),
        usuario=despacho,
    )
    proyecto.refresh_from_db()
    assert proyecto.estado == Estado.PUBLICADO


def test_filing_outside_a_sessions_period_warns(viable, despacho):
    avisos = services.radicar(
        proyecto=viable(),
        fecha=date(2026, 7, 1),
        numero_concejo="PA-2",
        comision="",
        ponentes="",
        usuario=despacho,
    )
    assert "periodo de sesiones" in avisos[0]


def test_an_objection_after_its_term_needs_a_justification(aprobado, despacho):
    tarde = aprobado.plazo_sancion + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.objetar(
            proyecto=aprobado, fecha=tarde, motivos="Inconveniencia.", usuario=despacho
        )
    assert "justificacion" in error.value.error_dict
    aprobado.refresh_from_db()
    assert aprobado.estado == Estado.APROBADO
    services.objetar(
        proyecto=aprobado,
        fecha=tarde,
        motivos="Inconveniencia.",
        justificacion="El acuerdo llegó incompleto al Despacho.",
        usuario=despacho,
    )
    aprobado.refresh_from_db()
    assert aprobado.estado == Estado.OBJETADO


def test_only_the_coordination_takes_the_concejo_steps(viable, directivo_salud):
    with pytest.raises(PermissionDenied):
        services.radicar(
            proyecto=viable(),
            fecha=date(2026, 3, 18),
            numero_concejo="PA-3",
            comision="",
            ponentes="",
            usuario=directivo_salud,
        )


def test_a_new_holiday_moves_the_running_terms(en_conceptos):
    from buengobierno.plazos.models import DiaNoHabil

    proyecto = en_conceptos()
    DiaNoHabil.objects.create(fecha=date(2026, 3, 10), motivo="Día cívico")
    concepto = proyecto.conceptos.first()
    concepto.refresh_from_db()
    assert concepto.fecha_limite == date(2026, 3, 17)
    assert concepto.history.first().history_change_reason
