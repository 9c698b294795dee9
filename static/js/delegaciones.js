/* P001 Delegaciones: the small behaviours of its forms. Data arrives through json_script
   elements and data- attributes. */
(function () {
  "use strict";

  // Registering a session: suggest the instancia's usual delegate until the user picks one.
  function sugerirDelegado() {
    var fuente = document.getElementById("delegados-habituales");
    var instancia = document.querySelector("[data-instancia]");
    var delegado = document.querySelector("[data-delegado-habitual]");
    if (!fuente || !instancia || !delegado) {
      return;
    }
    var habituales = JSON.parse(fuente.textContent);
    instancia.addEventListener("change", function () {
      var sugerido = habituales[instancia.value];
      if (sugerido && !delegado.dataset.tocado) {
        delegado.value = String(sugerido);
      }
    });
    delegado.addEventListener("change", function () {
      delegado.dataset.tocado = "1";
    });
  }

  // The ficha: "Agregar otro compromiso" adds a formset row from its empty form.
  function agregarFilas() {
    var boton = document.getElementById("agregar-compromiso");
    var total = document.getElementById("id_compromisos-TOTAL_FORMS");
    var filas = document.getElementById("filas-compromisos");
    var plantilla = document.getElementById("plantilla-compromiso");
    if (!boton || !total || !filas || !plantilla) {
      return;
    }
    boton.addEventListener("click", function () {
      var indice = Number(total.value);
      filas.insertAdjacentHTML("beforeend", plantilla.innerHTML.replace(/__prefix__/g, String(indice)));
      var nueva = filas.lastElementChild;
      nueva.querySelector(".numero-fila").textContent = String(indice + 1);
      total.value = String(indice + 1);
      nueva.querySelector("textarea").focus();
    });
  }

  // Forms, or their submit buttons, that ask before they act (cancel, send the ficha).
  document.addEventListener("submit", function (evento) {
    var boton = evento.submitter;
    var pregunta =
      (boton && boton.getAttribute("data-confirmar")) || evento.target.getAttribute("data-confirmar");
    if (pregunta && !window.confirm(pregunta)) {
      evento.preventDefault();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    sugerirDelegado();
    agregarFilas();
  });
})();
