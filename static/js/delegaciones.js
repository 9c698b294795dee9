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
    function sugerir() {
      var sugerido = habituales[instancia.value];
      if (sugerido && !delegado.dataset.tocado) {
        delegado.value = String(sugerido);
        delegado.dispatchEvent(new Event("actualizar")); // the type-ahead shows the name
      }
    }
    instancia.addEventListener("change", sugerir);
    // An instancia chosen before this script ran (a fast hand, the browser's autofill).
    if (instancia.value && !delegado.value) {
      sugerir();
    }
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

  // The ficha: what the delegate types is kept in the browser until the server has it, so a
  // dropped connection on a phone loses nothing. <form data-respaldo="clave"
  // data-guardado-en="unix time of the server's last save">.
  function respaldarFicha() {
    var form = document.querySelector("form[data-respaldo]");
    if (!form || !window.localStorage) {
      return;
    }
    var clave = "buengobierno:" + form.dataset.respaldo;
    var guardadoEn = Number(form.dataset.guardadoEn || 0);
    // The hidden version (buengobierno/web/concurrencia.py) is kept with the text: a draft
    // restored after someone else saved must still be checked against what it was typed
    // over, or saving it would overwrite their text without a word.
    function campos() {
      return Array.prototype.filter.call(form.elements, function (campo) {
        return campo.name && campo.name !== "csrfmiddlewaretoken" && campo.type !== "file" &&
          campo.type !== "submit" && campo.type !== "button" &&
          (campo.type !== "hidden" || campo.name === "version_edicion");
      });
    }
    var respaldo = null;
    try {
      respaldo = JSON.parse(window.localStorage.getItem(clave) || "null");
    } catch (error) {
      respaldo = null;
    }
    // A page that came back with errors already holds what was sent: the backup is not
    // put over it, and no recovery note stands where the error summary must be seen.
    if (form.hasAttribute("data-con-errores")) {
      respaldo = null;
    }
    // A draft older than the last save is normally what that save sent. Not when the save
    // was someone else's (the draft was typed over another version and differs from what
    // is stored): it comes back with its version, and saving it shows both texts.
    function ajeno(copia) {
      var version = form.querySelector('[name="version_edicion"]');
      if (!version || !copia.valores.version_edicion || copia.valores.version_edicion === version.value) {
        return false;
      }
      var enPagina = {};
      campos().forEach(function (campo) {
        enPagina[campo.name] = campo.type === "checkbox" ? campo.checked : campo.value;
      });
      return Object.keys(copia.valores).some(function (nombre) {
        if (nombre === "version_edicion") {
          return false;
        }
        var valor = copia.valores[nombre];
        if (!Object.prototype.hasOwnProperty.call(enPagina, nombre)) {
          return Boolean(valor) && typeof valor === "string" && valor.trim() !== "";
        }
        return enPagina[nombre] !== valor;
      });
    }
    if (respaldo && (respaldo.t > guardadoEn || ajeno(respaldo))) {
      var total = document.getElementById("id_compromisos-TOTAL_FORMS");
      var agregar = document.getElementById("agregar-compromiso");
      while (total && agregar && Number(total.value) < Number(respaldo.filas || 0)) {
        agregar.click();
      }
      campos().forEach(function (campo) {
        if (Object.prototype.hasOwnProperty.call(respaldo.valores, campo.name)) {
          if (campo.type === "checkbox") {
            campo.checked = respaldo.valores[campo.name];
          } else {
            campo.value = respaldo.valores[campo.name];
          }
        }
      });
      var aviso = document.getElementById("aviso-respaldo");
      if (aviso) {
        aviso.hidden = false;
      }
    } else if (respaldo) {
      window.localStorage.removeItem(clave);
    }
    function guardar() {
      var valores = {};
      campos().forEach(function (campo) {
        valores[campo.name] = campo.type === "checkbox" ? campo.checked : campo.value;
      });
      var total = document.getElementById("id_compromisos-TOTAL_FORMS");
      window.localStorage.setItem(clave, JSON.stringify({
        t: Date.now() / 1000, filas: total ? Number(total.value) : 0, valores: valores
      }));
    }
    form.addEventListener("input", guardar);
    form.addEventListener("change", guardar);
  }

  // Forms that ask before they act (cancel, send the ficha): see data-confirmar in app.js.

  document.addEventListener("DOMContentLoaded", function () {
    sugerirDelegado();
    agregarFilas();
    respaldarFicha();
  });
})();
