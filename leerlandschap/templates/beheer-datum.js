  /* The date field of the forms (included in beheer.js). Sveltia's own date field is the browser's date input,
     which shows MM/DD/YYYY in an English browser and has no option for another display format. This field type
     ("datum", registered with CMS.registerFieldType, see leerlandschap/cms.py) is a text field in which people
     type a date the Dutch way (3-12-2026, 03-12-2026, 3/12/2026); the file gets YYYY-MM-DD, as the schema wants.
     A date that does not exist (31-02-2026), or lies outside the years the checker accepts (RULES.years, from
     leerlandschap/cms_rules.py: a typo such as 1027 or 2207), gets a Dutch message and cannot be saved. */
  var DATE_HINT = {{ date_hint | tojson }}; // the field's hint too (cms_hints.DATE)
  var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var DUTCH_DATE = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d+)$/;

  function pad(number) { return (number < 10 ? "0" : "") + number; }

  function daysIn(year, month) { return new Date(Date.UTC(year, month, 0)).getUTCDate(); }

  // What was typed -> { iso: "2026-12-03" } or { error: "<Dutch message>" }; "" -> {}.
  function readDate(text) {
    text = String(text == null ? "" : text).trim();
    if (!text) { return {}; }
    var parts = ISO_DATE.exec(text);
    var day, month, year;
    if (parts) {
      year = +parts[1]; month = +parts[2]; day = +parts[3];
    } else if ((parts = DUTCH_DATE.exec(text))) {
      day = +parts[1]; month = +parts[2]; year = +parts[3];
      if (parts[3].length !== 4) { return { error: "Schrijf het jaar met vier cijfers. " + DATE_HINT }; }
    } else {
      return { error: "Dit is geen datum. " + DATE_HINT };
    }
    if (month < 1 || month > 12) {
      return { error: "De datum " + text + " bestaat niet: een jaar heeft 12 maanden. " + DATE_HINT };
    }
    if (day < 1 || day > daysIn(year, month)) {
      return { error: "De datum " + text + " bestaat niet: " + MONTHS[month - 1] + " " + year + " heeft " +
        daysIn(year, month) + " dagen." };
    }
    if (year < RULES.years[0] || year > RULES.years[1]) {
      return { error: "De datum " + text + " ligt niet tussen " + RULES.years[0] + " en " + RULES.years[1] +
        ". Controleer het jaartal." };
    }
    return { iso: year + "-" + pad(month) + "-" + pad(day) };
  }

  // A stored value (YYYY-MM-DD, or a date object) as people read it: 03-12-2026. Anything else as it is.
  function showDate(value) {
    if (value instanceof Date && !isNaN(value.getTime())) { value = value.toISOString().slice(0, 10); }
    var parts = ISO_DATE.exec(String(value == null ? "" : value));
    return parts ? parts[3] + "-" + parts[2] + "-" + parts[1] : String(value == null ? "" : value);
  }

  function registerDateField(CMS) {
    var h = window.h;
    var DateControl = window.createClass({
      getInitialState: function () { return { text: showDate(this.props.value) }; },
      componentDidUpdate: function (previous) {
        // A value from elsewhere (a draft put back, another entry): show it.
        if (previous.value !== this.props.value && this.props.value !== this.sent) {
          this.setState({ text: showDate(this.props.value) });
        }
      },
      // Called by Sveltia before saving: a date that does not exist stops the save with a Dutch message.
      isValid: function (value) {
        var read = readDate(value);
        // Sveltia shows a field's message again as soon as its value is written, with the verdict it has then:
        // that of an earlier value, as this check runs (and its verdict is stored) only after the write. So a date
        // corrected after a failed save kept its old message ("Schrijf het jaar met vier cijfers." under
        // 24-06-2025). Once this verdict is stored (after this call returns), write the same value again: Sveltia
        // then shows the verdict of the value that is there. An unchanged value starts no new check.
        var control = this;
        window.setTimeout(function () {
          if (control.props.value === value) { control.props.onChange(value); }
        }, 0);
        return read.error ? { error: { message: read.error } } : true;
      },
      typed: function (event) {
        var text = event.target.value;
        var read = readDate(text);
        // The file gets YYYY-MM-DD; until the text is a date, the text itself (isValid refuses it).
        this.sent = read.iso || text.trim();
        this.setState({ text: text });
        this.props.onChange(this.sent);
      },
      left: function () {
        var read = readDate(this.state.text);
        if (read.iso) { this.setState({ text: showDate(read.iso) }); }
      },
      render: function () {
        var field = this.props.field;
        return h("input", {
          type: "text", id: this.props.forID, className: this.props.classNameWrapper, value: this.state.text,
          // Named and described the way Sveltia names its own fields: its label and its error message.
          "aria-labelledby": this.props.forID + "-label", "aria-errormessage": this.props.forID + "-error",
          "aria-required": !(field && field.get && field.get("required") === false),
          inputMode: "numeric", autoComplete: "off", spellCheck: false, placeholder: "dd-mm-jjjj", size: 12,
          maxLength: 20, "data-ll-datum": "", onChange: this.typed, onBlur: this.left
        });
      }
    });
    var DatePreview = function (props) { return h("span", null, showDate(props.value)); };
    CMS.registerFieldType("datum", DateControl, DatePreview);
  }
