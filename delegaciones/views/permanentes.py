"""Standing delegations (decree or resolution for a period): the list of an instancia's (or
of every visible one), the page of each, registering one, and delegating a session from it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buengobierno.organizacion.acceso import exigir_creacion, exigir_edicion, obtener_visible_o_404
from delegaciones import services
from delegaciones.forms import PermanenteForm
from delegaciones.models import DelegacionPermanente, ErrorDeEstado, Instancia, Sesion
from delegaciones.views.registros import poner_errores


@login_required
def lista(request, pk=None):
    """Every standing delegation the user sees, or those of one instancia."""
    instancia = obtener_visible_o_404(Instancia, request.user, pk=pk) if pk else None
    permanentes = DelegacionPermanente.objects.visibles_para(request.user).select_related(
        "instancia", "delegado"
    )
    if instancia is not None:
        permanentes = permanentes.filter(instancia=instancia)
    return render(
        request,
        "delegaciones/permanentes.html",
        {
            "instancia": instancia,
            "permanentes": permanentes.order_by("instancia__nombre", "-desde")[:500],
            "puede_registrar": instancia is not None
            and services.es_coordinador(request.user)
            and DelegacionPermanente.acceso.puede_crear(request.user)
            and instancia.puede_editar(request.user),
            "pestana": "permanentes",
        },
    )


@login_required
def detalle(request, pk):
    permanente = obtener_visible_o_404(
        DelegacionPermanente.objects.select_related(
            "instancia", "delegado__organismo", "acto", "creado_por"
        ),
        request.user,
        pk=pk,
    )
    delegaciones = permanente.delegaciones.select_related("sesion", "ficha").order_by(
        "-sesion__inicio"
    )
    return render(
        request,
        "delegaciones/permanente.html",
        {"permanente": permanente, "delegaciones": delegaciones, "pestana": "permanentes"},
    )


@login_required
def nueva(request, pk):
    """Register a standing delegation of instancia `pk` (the Despacho)."""
    instancia = obtener_visible_o_404(Instancia, request.user, pk=pk)
    exigir_creacion(request.user, DelegacionPermanente)
    exigir_edicion(request.user, instancia)
    form = PermanenteForm(request.POST or None, request.FILES or None, instancia=instancia)
    if request.method == "POST" and form.is_valid():
        try:
            permanente = services.crear_permanente(
                instancia=instancia,
                datos=form.datos(),
                acto=form.cleaned_data["acto"],
                usuario=request.user,
            )
        except ValidationError as error:
            poner_errores(form, error)
        else:
            messages.success(request, _("Se registró la delegación permanente."))
            return redirect(permanente)
    return render(
        request,
        "delegaciones/formulario.html",
        {
            "form": form,
            "titulo": _("Nueva delegación permanente: %(instancia)s") % {"instancia": instancia},
            "volver": instancia.get_absolute_url(),
            "pestana": "permanentes",
        },
        status=422 if form.is_bound else 200,
    )


@login_required
@require_POST
def delegar_sesion(request, pk):
    """Delegate a session from the standing delegation that covers it (one click)."""
    sesion = obtener_visible_o_404(Sesion.objects.select_related("instancia"), request.user, pk=pk)
    exigir_edicion(request.user, sesion)
    try:
        delegacion = services.delegar_desde_permanente(sesion=sesion, usuario=request.user)
    except (ValidationError, ErrorDeEstado) as error:
        for mensaje in getattr(error, "messages", None) or [str(error)]:
            messages.error(request, mensaje)
        return redirect(sesion)
    messages.success(
        request,
        _("Se delegó la sesión según la delegación permanente; el delegado fue notificado."),
    )
    return redirect(delegacion)
