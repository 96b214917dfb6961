// Maps of places (templates/includes/map.html). The map's tiles come from another website, so
// nothing is loaded before the visitor chooses to see the map; the choice may be remembered on
// this device. Leaflet and its CSS, from our own static files, are loaded at that moment too.
(function () {
  "use strict";

  var KEY = "hvhk-map-tiles";

  function remembered() {
    try {
      return window.localStorage.getItem(KEY) === "yes";
    } catch (error) {
      return false; // storage refused (private browsing): ask every time
    }
  }

  function remember(yes) {
    try {
      if (yes) {
        window.localStorage.setItem(KEY, "yes");
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (error) {
      // nothing to remember it in
    }
  }

  function loaded(element) {
    return new Promise(function (resolve, reject) {
      element.addEventListener("load", resolve);
      element.addEventListener("error", reject);
      document.head.appendChild(element);
    });
  }

  var leaflet = null;

  function loadLeaflet(container) {
    if (!leaflet) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = container.dataset.leafletCss;
      var script = document.createElement("script");
      script.src = container.dataset.leafletJs;
      // The icons' place is read from the CSS: both must be there before the first marker.
      leaflet = Promise.all([loaded(css), loaded(script)]).then(function () {
        return window.L;
      });
    }
    return leaflet;
  }

  function link(text, url) {
    var anchor = document.createElement("a");
    anchor.href = url;
    anchor.textContent = text;
    return anchor;
  }

  // The popup of a place: its name (a link to its page), its address and the offers there.
  // Built from elements, never from HTML text, so no name can inject markup.
  function popup(marker) {
    var box = document.createElement("div");
    var name = document.createElement("strong");
    name.appendChild(link(marker.name, marker.url));
    box.appendChild(name);
    var address = document.createElement("div");
    address.textContent = marker.address;
    box.appendChild(address);
    if (marker.offers && marker.offers.length) {
      var list = document.createElement("ul");
      list.className = "place-map-offers";
      marker.offers.forEach(function (offer) {
        var item = document.createElement("li");
        item.appendChild(link(offer.title, offer.url));
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    return box;
  }

  function draw(container, L) {
    var canvas = container.querySelector("[data-map-canvas]");
    var markers = JSON.parse(container.querySelector("script[type='application/json']").textContent);
    var map = L.map(canvas, { zoomControl: false, scrollWheelZoom: false });
    L.control
      .zoom({ zoomInTitle: container.dataset.zoomIn, zoomOutTitle: container.dataset.zoomOut })
      .addTo(map);
    L.tileLayer(container.dataset.tileUrl, {
      attribution: container.dataset.attribution,
      maxZoom: 19,
    }).addTo(map);
    var points = markers.map(function (marker) {
      L.marker([marker.lat, marker.lng], { title: marker.name, alt: marker.name })
        .bindPopup(popup(marker))
        .addTo(map);
      return [marker.lat, marker.lng];
    });
    if (points.length === 1) {
      map.setView(points[0], 16);
    } else {
      map.fitBounds(points, { padding: [30, 30], maxZoom: 16 });
    }
    return map;
  }

  function setUp(container) {
    var choice = container.querySelector("[data-map-choice]");
    var open = container.querySelector("[data-map-open]");
    var showButton = container.querySelector("[data-map-show]");
    var hideButton = container.querySelector("[data-map-hide]");
    var rememberBox = container.querySelector("[data-map-remember]");
    var map = null;

    function show(moveFocus) {
      choice.hidden = true;
      open.hidden = false;
      loadLeaflet(container).then(function (L) {
        if (map) {
          map.invalidateSize();
        } else {
          map = draw(container, L);
        }
        if (moveFocus) {
          hideButton.focus();
        }
      });
    }

    showButton.addEventListener("click", function () {
      remember(rememberBox.checked);
      show(true);
    });
    hideButton.addEventListener("click", function () {
      remember(false);
      rememberBox.checked = false;
      open.hidden = true;
      choice.hidden = false;
      showButton.focus();
    });

    container.hidden = false;
    if (remembered()) {
      rememberBox.checked = true;
      show(false);
    }
  }

  document.querySelectorAll("[data-map]").forEach(setUp);
})();
