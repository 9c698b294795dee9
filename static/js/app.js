/* Buen Gobierno — the shell's small behaviours. No inline scripts: pages pass data through
   json_script elements and data- attributes. */
(function () {
  "use strict";

  // Charts of Mi escritorio: <script type="application/json" id="graficos-escritorio"> holds
  // [{id: "<canvas id>", config: <Chart.js configuration>}].
  function dibujarGraficos(raiz) {
    var fuente = (raiz || document).querySelector("#graficos-escritorio");
    if (!fuente || typeof window.Chart === "undefined") {
      return;
    }
    var azules = ["#0b3a75", "#1d5bb8", "#5b8bd6", "#9dbbe8", "#e0a800", "#1a7f4b", "#b42318"];
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.color = "#374151";
    window.Chart.defaults.plugins.legend.labels.boxWidth = 12;
    JSON.parse(fuente.textContent).forEach(function (grafico) {
      var lienzo = document.getElementById(grafico.id);
      if (!lienzo || lienzo.dataset.dibujado) {
        return;
      }
      var config = grafico.config;
      (config.data && config.data.datasets ? config.data.datasets : []).forEach(function (serie, i) {
        var circular = ["pie", "doughnut", "polarArea"].indexOf(config.type) >= 0;
        if (!serie.backgroundColor) {
          serie.backgroundColor = circular ? azules : azules[i % azules.length];
        }
        if (!serie.borderColor && !circular) {
          serie.borderColor = azules[i % azules.length];
        }
      });
      config.options = Object.assign({ responsive: true, maintainAspectRatio: false }, config.options || {});
      new window.Chart(lienzo, config);
      lienzo.dataset.dibujado = "1";
    });
  }

  // The offcanvas sidebar closes when a link inside it is followed (phones).
  function cerrarMenuAlNavegar() {
    var lateral = document.getElementById("barra-lateral");
    if (!lateral || typeof window.bootstrap === "undefined") {
      return;
    }
    lateral.addEventListener("click", function (evento) {
      if (evento.target.closest("a") && lateral.classList.contains("show")) {
        window.bootstrap.Offcanvas.getOrCreateInstance(lateral).hide();
      }
    });
  }

  // The error summary of a form sent with errors takes the focus and the scroll, so the
  // person (and a screen reader) learns at once what to fix; its links jump to each field.
  function enfocarResumenDeErrores() {
    var resumen = document.querySelector("[data-resumen-errores]");
    if (!resumen) {
      return;
    }
    // At once, not with Bootstrap's smooth scrolling: the person must see it on arrival.
    resumen.focus({ preventScroll: true });
    resumen.scrollIntoView({ block: "start", behavior: "instant" });
  }
  document.addEventListener("click", function (evento) {
    var enlace = evento.target.closest ? evento.target.closest("[data-resumen-errores] a[href^='#']") : null;
    if (!enlace) {
      return;
    }
    var campo = document.getElementById(enlace.getAttribute("href").slice(1));
    if (!campo) {
      return;
    }
    evento.preventDefault();
    // A field folded away (a collapsed action, the filters on a phone) is opened first.
    var plegado = campo.closest(".collapse:not(.show)");
    if (plegado && window.bootstrap) {
      window.bootstrap.Collapse.getOrCreateInstance(plegado, { toggle: false }).show();
    }
    var visible = campo.classList.contains("buscador-original")
      ? document.getElementById(campo.id + "-buscar") || campo
      : campo;
    var etiqueta = document.querySelector('label[for="' + visible.id + '"]');
    (etiqueta || visible).scrollIntoView({ block: "center", behavior: "instant" });
    visible.focus({ preventScroll: true });
  });

  // Forms, or their submit buttons, that ask before they act (cancel, close, send).
  document.addEventListener("submit", function (evento) {
    var boton = evento.submitter;
    var pregunta =
      (boton && boton.getAttribute("data-confirmar")) || evento.target.getAttribute("data-confirmar");
    if (pregunta && !window.confirm(pregunta)) {
      evento.preventDefault();
    }
  });

  // File inputs: the browser writes "Choose File" in its own language; this button says it
  // in Spanish and shows the chosen file's name. The real input stays for the form.
  function prepararArchivos(raiz) {
    raiz.querySelectorAll('input[type="file"]:not([data-archivo-listo])').forEach(function (entrada) {
      entrada.dataset.archivoListo = "1";
      var caja = document.createElement("div");
      caja.className = "entrada-archivo";
      var boton = document.createElement("button");
      boton.type = "button";
      boton.className = "btn btn-outline-primary btn-sm";
      boton.innerHTML = '<i class="bi bi-paperclip" aria-hidden="true"></i> ';
      boton.appendChild(document.createTextNode(entrada.multiple ? "Elegir archivos" : "Elegir archivo"));
      var nombre = document.createElement("span");
      nombre.className = "nombre-archivo small text-secondary";
      nombre.textContent = "Ningún archivo elegido";
      var etiqueta = entrada.id ? document.querySelector('label[for="' + entrada.id + '"]') : null;
      if (etiqueta) {
        etiqueta.id = etiqueta.id || entrada.id + "-etiqueta";
        boton.setAttribute("aria-describedby", etiqueta.id);
      }
      boton.addEventListener("click", function () {
        entrada.click();
      });
      entrada.addEventListener("change", function () {
        var nombres = Array.prototype.map.call(entrada.files || [], function (f) {
          return f.name;
        });
        nombre.textContent = nombres.length ? nombres.join(", ") : "Ningún archivo elegido";
      });
      entrada.classList.add("archivo-original");
      entrada.tabIndex = -1;
      entrada.insertAdjacentElement("beforebegin", caja);
      caja.append(boton, nombre);
    });
  }

  // The time box beside a date ("Inicio" → "Inicio, hora"), so each has its own name.
  function nombrarHoras(raiz) {
    raiz.querySelectorAll(".entrada-fecha-hora").forEach(function (grupo) {
      var fecha = grupo.querySelector("input[data-fecha]");
      var hora = grupo.querySelector('input[type="time"]');
      var etiqueta = fecha && document.querySelector('label[for="' + fecha.id + '"]');
      if (hora && etiqueta) {
        hora.setAttribute("aria-label", etiqueta.textContent.replace("*", "").trim() + ", hora");
      }
    });
  }

  // A table wider than a phone scrolls inside its box: the box takes the keyboard focus (to
  // scroll it with the arrows) and is named after the table.
  function tablasDesplazables(raiz) {
    raiz.querySelectorAll(".table-responsive:not([tabindex])").forEach(function (caja) {
      var tabla = caja.querySelector("table");
      var titulo = tabla && tabla.caption ? tabla.caption.textContent : "";
      if (!titulo) {
        var tarjeta = caja.closest(".card, section");
        var encabezado = tarjeta && tarjeta.querySelector("h2, h3, .card-header");
        titulo = encabezado ? encabezado.textContent : document.title.split("·")[0];
      }
      caja.tabIndex = 0;
      caja.setAttribute("role", "region");
      caja.setAttribute("aria-label", titulo.trim());
    });
  }

  // Tabs that scroll sideways on a phone start with the current one in view.
  function mostrarPestanaActiva() {
    document.querySelectorAll(".pestanas").forEach(function (pestanas) {
      var activa = pestanas.querySelector(".active");
      if (activa && pestanas.scrollWidth > pestanas.clientWidth) {
        pestanas.scrollLeft = activa.offsetLeft - 16;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    dibujarGraficos(document);
    cerrarMenuAlNavegar();
    prepararArchivos(document);
    nombrarHoras(document);
    tablasDesplazables(document);
    mostrarPestanaActiva();
    enfocarResumenDeErrores();
  });

  // Content swapped in by htmx gets the same treatment.
  document.addEventListener("htmx:afterSwap", function (evento) {
    dibujarGraficos(evento.target);
    prepararArchivos(evento.target);
    tablasDesplazables(evento.target);
  });
})();
