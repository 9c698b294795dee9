/* P005 — the live page of a meeting: save as you type, lose nothing, overwrite nobody.

   Each live field carries data-clave (e.g. "punto.12.desarrollo") and data-version (the
   meeting version at which the field last changed, as this page last saw it). htmx posts it
   on "keyup changed delay:800ms, change"; this script adds {clave, valor, version} to the
   request and reads the JSON answer:
     200 saved · 409 someone else changed it (their text comes back) · 422 bad value
     423 the meeting is closed · no answer: offline.
   Every keystroke is also kept in localStorage under the meeting and the field until the
   server confirms it, so a reload or a dropped connection loses nothing: pending edits are
   put back in their fields and sent again on load, when the browser comes back online and
   every few seconds while some are left. No framework; no inline script. */
(function () {
  "use strict";

  // Business-day shortcuts ("+5 días hábiles"): the dates come computed from the server.
  document.addEventListener("click", function (evento) {
    var boton = evento.target.closest("[data-atajo-fecha]");
    if (!boton) {
      return;
    }
    var destino = document.getElementById(boton.dataset.destino);
    if (destino) {
      destino.value = boton.dataset.atajoFecha;
      destino.dispatchEvent(new Event("input", { bubbles: true }));
      destino.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });

  // Forms that ask before they act (closing the meeting): see data-confirmar in app.js.

  // "Copiar" buttons (the calendar URL).
  document.addEventListener("click", function (evento) {
    var boton = evento.target.closest("[data-copiar]");
    if (!boton) {
      return;
    }
    var origen = document.getElementById(boton.dataset.copiar);
    origen.select();
    var listo = function () {
      boton.textContent = boton.dataset.copiado;
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(origen.value).then(listo, function () {});
    } else if (document.execCommand("copy")) {
      listo();
    }
  });

  var raiz = document.getElementById("en-vivo");
  if (!raiz) {
    return;
  }
  var textos = raiz.dataset;
  var PREFIJO = "buengobierno:reunion:" + raiz.dataset.reunion + ":";
  var REINTENTO_MS = 10000;
  var estado = document.getElementById("estado-guardado");

  // --- localStorage: clave -> {valor, version} ---------------------------------------------
  function leer(clave) {
    try {
      return JSON.parse(window.localStorage.getItem(PREFIJO + clave) || "null");
    } catch (e) {
      return null;
    }
  }
  function guardarPendiente(clave, valor, version) {
    try {
      window.localStorage.setItem(PREFIJO + clave, JSON.stringify({ valor: valor, version: version }));
    } catch (e) {
      /* a full or disabled storage must not stop saving online */
    }
  }
  function quitarPendiente(clave) {
    try {
      window.localStorage.removeItem(PREFIJO + clave);
    } catch (e) {
      /* nothing to do */
    }
  }
  function pendientes() {
    var claves = [];
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var k = window.localStorage.key(i);
        if (k && k.indexOf(PREFIJO) === 0) {
          claves.push(k.slice(PREFIJO.length));
        }
      }
    } catch (e) {
      return [];
    }
    return claves;
  }

  // --- what the person sees -----------------------------------------------------------------
  function mostrarEstado(texto, tipo) {
    if (!estado) {
      return;
    }
    estado.textContent = texto;
    estado.className = "estado-guardado badge " + ({
      ok: "text-bg-success",
      pendiente: "text-bg-secondary",
      offline: "text-bg-warning",
      error: "text-bg-danger"
    }[tipo] || "text-bg-secondary");
  }
  function nota(campo, contenido, tipo) {
    var id = "nota-" + campo.dataset.clave.replace(/\./g, "-");
    var lugar = document.getElementById(id);
    if (!lugar) {
      lugar = document.createElement("div");
      lugar.id = id;
      campo.insertAdjacentElement("afterend", lugar);
    }
    lugar.className = "nota-campo small mt-1" + (tipo === "error" ? " text-danger" : tipo === "conflicto" ? " alert alert-warning p-2" : "");
    lugar.setAttribute("role", tipo ? "alert" : "status");
    lugar.replaceChildren();
    if (typeof contenido === "string") {
      lugar.textContent = contenido;
    } else if (contenido) {
      lugar.appendChild(contenido);
    }
    campo.classList.toggle("is-invalid", tipo === "error");
  }
  // A field is one element, or a group of radio buttons (attendance) sharing its clave.
  function campoDe(clave) {
    var selector = '[data-clave="' + clave.replace(/"/g, "") + '"]';
    return raiz.querySelector(selector + ":checked") || raiz.querySelector(selector);
  }
  function ponerValor(campo, valor) {
    if (campo.type === "radio") {
      raiz.querySelectorAll('[data-clave="' + campo.dataset.clave + '"]').forEach(function (opcion) {
        opcion.checked = opcion.value === valor;
      });
      return;
    }
    campo.value = valor;
    campo.dispatchEvent(new Event("actualizar")); // a type-ahead shows the new choice
  }
  function valorDe(campo) {
    var elegido = campo.type === "radio" ? campoDe(campo.dataset.clave) : campo;
    return elegido && (elegido.type !== "radio" || elegido.checked) ? elegido.value : "";
  }
  function hayPendientes() {
    return pendientes().length > 0;
  }

  // --- every keystroke is kept before anything is sent ------------------------------------
  function recordar(evento) {
    var campo = evento.target;
    if (!campo.dataset || !campo.dataset.clave) {
      return;
    }
    if (campo.type === "radio" && !campo.checked) {
      return;
    }
    var previo = leer(campo.dataset.clave);
    // The base version is the one the person started from: kept while the edit is unsent.
    guardarPendiente(campo.dataset.clave, valorDe(campo), previo ? previo.version : campo.dataset.version);
    if (!campo.dataset.enviando) {
      mostrarEstado(textos.textoSinGuardar, "pendiente");
    }
  }
  raiz.addEventListener("input", recordar);
  raiz.addEventListener("change", recordar);

  document.body.addEventListener("htmx:configRequest", function (evento) {
    var campo = evento.detail.elt;
    if (!campo.dataset || !campo.dataset.clave || !raiz.contains(campo)) {
      return;
    }
    var pendiente = leer(campo.dataset.clave);
    campo.dataset.enviando = "1";
    campo.dataset.valorEnviado = valorDe(campo);
    evento.detail.parameters.clave = campo.dataset.clave;
    evento.detail.parameters.valor = valorDe(campo);
    evento.detail.parameters.version = pendiente ? pendiente.version : campo.dataset.version;
  });

  function conflicto(campo, datos) {
    var caja = document.createElement("div");
    var texto = document.createElement("p");
    texto.className = "mb-1";
    texto.textContent = datos.mensaje + " " + textos.textoSuVersion;
    var otro = document.createElement("blockquote");
    otro.className = "border-start ps-2 mb-2 texto-ajeno";
    otro.textContent = datos.valor || textos.textoVacio;
    var usarSuyo = document.createElement("button");
    usarSuyo.type = "button";
    usarSuyo.className = "btn btn-sm btn-outline-secondary me-2";
    usarSuyo.textContent = textos.textoUsarSuyo;
    usarSuyo.addEventListener("click", function () {
      ponerValor(campo, datos.valor);
      campo.dataset.version = datos.version;
      quitarPendiente(campo.dataset.clave);
      nota(campo, "", "");
      mostrarEstado(textos.textoSinCambios, "ok");
    });
    var usarMio = document.createElement("button");
    usarMio.type = "button";
    usarMio.className = "btn btn-sm btn-warning";
    usarMio.textContent = textos.textoUsarMio;
    usarMio.addEventListener("click", function () {
      campo.dataset.version = datos.version;
      guardarPendiente(campo.dataset.clave, valorDe(campo), String(datos.version));
      nota(campo, "", "");
      window.htmx.trigger(campo, "change");
    });
    caja.append(texto, otro, usarSuyo, usarMio);
    nota(campo, caja, "conflicto");
  }

  document.body.addEventListener("htmx:afterRequest", function (evento) {
    var campo = evento.detail.elt;
    if (!campo.dataset || !campo.dataset.clave || !raiz.contains(campo)) {
      return;
    }
    delete campo.dataset.enviando;
    var xhr = evento.detail.xhr;
    var datos = {};
    try {
      datos = JSON.parse(xhr.responseText || "{}");
    } catch (e) {
      datos = {};
    }
    var clave = campo.dataset.clave;
    if (xhr.status === 200) {
      campo.dataset.version = datos.version;
      var pendiente = leer(clave);
      // Only forget what was confirmed: the person may have typed more meanwhile.
      if (!pendiente || pendiente.valor === campo.dataset.valorEnviado) {
        quitarPendiente(clave);
      } else {
        guardarPendiente(clave, pendiente.valor, String(datos.version));
      }
      nota(campo, "", "");
      mostrarEstado(hayPendientes() ? textos.textoSinGuardar : datos.mensaje, hayPendientes() ? "pendiente" : "ok");
    } else if (xhr.status === 409) {
      conflicto(campo, datos);
      mostrarEstado(textos.textoConflicto, "error");
    } else if (xhr.status === 422 || xhr.status === 423) {
      quitarPendiente(clave);
      nota(campo, datos.error || textos.textoError, "error");
      mostrarEstado(datos.error || textos.textoError, "error");
    } else if (xhr.status === 0) {
      mostrarEstado(textos.textoSinConexion, "offline");
    } else {
      mostrarEstado(textos.textoReintento, "error");
    }
  });

  document.body.addEventListener("htmx:sendError", function (evento) {
    var campo = evento.detail.elt;
    if (campo.dataset && campo.dataset.clave) {
      delete campo.dataset.enviando;
      mostrarEstado(textos.textoSinConexion, "offline");
    }
  });

  // Put unsent edits back in their fields (after a reload or a section re-rendered by htmx).
  function restaurar(zona) {
    pendientes().forEach(function (clave) {
      var campo = campoDe(clave);
      if (campo && zona.contains(campo)) {
        var pendiente = leer(clave);
        if (pendiente && valorDe(campo) !== pendiente.valor) {
          ponerValor(campo, pendiente.valor);
        }
      }
    });
  }

  function reenviar() {
    pendientes().forEach(function (clave) {
      var campo = campoDe(clave);
      if (!campo) {
        quitarPendiente(clave); // the item was removed from the meeting
        return;
      }
      if (!campo.dataset.enviando) {
        window.htmx.trigger(campo, "change");
      }
    });
  }

  document.body.addEventListener("htmx:afterSwap", function (evento) {
    restaurar(evento.detail.target.isConnected ? evento.detail.target : raiz);
  });
  window.addEventListener("online", reenviar);
  window.addEventListener("offline", function () {
    mostrarEstado(textos.textoSinConexion, "offline");
  });
  window.setInterval(function () {
    if (hayPendientes() && navigator.onLine !== false) {
      reenviar();
    }
  }, REINTENTO_MS);

  function alCargar() {
    restaurar(raiz);
    if (hayPendientes()) {
      mostrarEstado(textos.textoSinGuardar, "pendiente");
      if (navigator.onLine !== false) {
        reenviar();
      } else {
        mostrarEstado(textos.textoSinConexion, "offline");
      }
    }
  }
  if (window.htmx) {
    // htmx processes the page on DOMContentLoaded; resend once it has wired the fields.
    window.htmx.onLoad(function (elemento) {
      if (elemento === document.body) {
        alCargar();
      }
    });
  } else {
    document.addEventListener("DOMContentLoaded", alCargar);
  }
})();
