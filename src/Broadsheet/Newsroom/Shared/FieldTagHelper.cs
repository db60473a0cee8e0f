using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Broadsheet.Newsroom.Shared;

/// <summary>
/// One labelled form field: <c>&lt;field for="Input.Email" type="email" autocomplete="username" hint="…" /&gt;</c>.
/// Renders the label, an optional hint, the field's errors from model state (with a visually hidden "Error:"),
/// and the control with <c>aria-describedby</c> and <c>aria-invalid</c> wired to them. Types: text (default),
/// email, password, url, number, date, datetime-local, search, textarea, select (with <see cref="Options"/>),
/// checkbox and file. Passwords never echo their value back.
/// </summary>
[HtmlTargetElement("field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public required ModelExpression For { get; set; }

    public string Type { get; set; } = "text";

    public string? Label { get; set; }

    public string? Hint { get; set; }

    public string? Autocomplete { get; set; }

    public int Rows { get; set; } = 8;

    public string? Accept { get; set; }

    /// <summary>The id of a <c>&lt;datalist&gt;</c> of suggestions for a text field (plain HTML: it works without script).</summary>
    public string? List { get; set; }

    /// <summary>Choices for a select; the selected one follows the posted or model value.</summary>
    public IEnumerable<SelectListItem>? Options { get; set; }

    /// <summary>Overrides the "(optional)" marker derived from the model's metadata.</summary>
    public bool? Optional { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var label = Label ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? name;
        var optional = Optional ?? (!For.Metadata.IsRequired && Type != "checkbox");
        var value = Type is "password" or "file" ? null : Value(entry);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? $"field field-{Type} field-invalid" : $"field field-{Type}");

        var describedBy = new List<string>();
        if (Hint is not null)
        {
            describedBy.Add(HintId(id));
        }
        if (errors.Count > 0)
        {
            describedBy.Add(ErrorId(id));
        }
        var html = output.Content;
        if (Type == "checkbox")
        {
            html.AppendHtml(Control(name, id, value, describedBy, errors.Count > 0));
            html.AppendHtml($"<label for=\"{Encode(id)}\">{Encode(label)}</label>");
            AppendHintAndErrors(html, id, errors);
            return;
        }
        html.AppendHtml($"<label for=\"{Encode(id)}\">{Encode(label)}{(optional ? " <span class=\"field-optional\">(optional)</span>" : "")}</label>");
        AppendHintAndErrors(html, id, errors);
        html.AppendHtml(Control(name, id, value, describedBy, errors.Count > 0));
    }

    private void AppendHintAndErrors(TagHelperContent html, string id, List<string> errors)
    {
        if (Hint is not null)
        {
            html.AppendHtml($"<p class=\"field-hint\" id=\"{Encode(HintId(id))}\">{Encode(Hint)}</p>");
        }
        if (errors.Count > 0)
        {
            html.AppendHtml($"<p class=\"field-error\" id=\"{Encode(ErrorId(id))}\">");
            foreach (var error in errors)
            {
                html.AppendHtml($"<span class=\"visually-hidden\">Error: </span>{Encode(error)}<br>");
            }
            html.AppendHtml("</p>");
        }
    }

    private string Control(string name, string id, string? value, List<string> describedBy, bool invalid)
    {
        var common = $"id=\"{Encode(id)}\" name=\"{Encode(name)}\"" +
            (describedBy.Count > 0 ? $" aria-describedby=\"{Encode(string.Join(' ', describedBy))}\"" : "") +
            (invalid ? " aria-invalid=\"true\"" : "") +
            (Autocomplete is null ? "" : $" autocomplete=\"{Encode(Autocomplete)}\"") +
            (List is null ? "" : $" list=\"{Encode(List)}\"");
        switch (Type)
        {
            case "textarea":
                return $"<textarea class=\"input\" {common} rows=\"{Rows.ToString(CultureInfo.InvariantCulture)}\">{Encode(value ?? "")}</textarea>";
            case "select":
                var options = string.Concat((Options ?? []).Select(o =>
                    $"<option value=\"{Encode(o.Value)}\"{(string.Equals(o.Value, value, StringComparison.Ordinal) ? " selected" : "")}>{Encode(o.Text)}</option>"));
                return $"<select class=\"input\" {common}>{options}</select>";
            case "checkbox":
                var isChecked = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
                // The hidden "false" follows the box, so an unticked box still binds (the first value wins).
                return $"<input class=\"checkbox\" type=\"checkbox\" {common} value=\"true\"{(isChecked ? " checked" : "")}><input type=\"hidden\" name=\"{Encode(name)}\" value=\"false\">";
            case "file":
                return $"<input class=\"input\" type=\"file\" {common}{(Accept is null ? "" : $" accept=\"{Encode(Accept)}\"")}>";
            default:
                return $"<input class=\"input\" type=\"{Encode(Type)}\" {common}{(value is null ? "" : $" value=\"{Encode(value)}\"")}>";
        }
    }

    private string? Value(ModelStateEntry? entry)
    {
        if (entry?.AttemptedValue is { } attempted)
        {
            return Type == "checkbox" ? attempted.Split(',')[0] : attempted;
        }
        return For.Model switch
        {
            null => null,
            bool b => b ? "true" : "false",
            DateTimeOffset d when Type == "datetime-local" => d.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            DateTimeOffset d when Type == "date" => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime d when Type == "datetime-local" => d.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
    }

    private static string HintId(string id) => id + "-hint";

    private static string ErrorId(string id) => id + "-error";

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}

/// <summary>
/// <c>&lt;error-summary /&gt;</c>: when the posted form has errors, a list of them at the top of the page, each
/// linking to its field (the ids <see cref="FieldTagHelper"/> gives), announced by screen readers on load.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        // Focus starts on the summary (GOV.UK's pattern): the reader hears what is wrong first, and each link takes them to a field.
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("autofocus", "autofocus");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        var html = output.Content;
        html.AppendHtml("<h2 id=\"error-summary-title\">There is a problem</h2><ul>");
        foreach (var (key, entry) in modelState.Where(e => e.Value is { Errors.Count: > 0 }).OrderBy(e => e.Key.Length == 0 ? 0 : 1))
        {
            foreach (var error in entry!.Errors)
            {
                var message = HtmlEncoder.Default.Encode(error.ErrorMessage);
                html.AppendHtml(key.Length == 0
                    ? $"<li>{message}</li>"
                    : $"<li><a href=\"#{HtmlEncoder.Default.Encode(TagBuilder.CreateSanitizedId(key, "_"))}\">{message}</a></li>");
            }
        }
        html.AppendHtml("</ul>");
    }
}
