using System.ComponentModel.DataAnnotations;
using Broadsheet.Ingest;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Admin.WireSources;

/// <summary>The rules of each wire source (seeded from configuration, edited here): section, subject mapping, byline, auto-publish, language.</summary>
public sealed class WireSourcesModel(WireSourceRules rules) : PageModel
{
    [BindProperty]
    public SourceFields Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    public List<WireSource> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sources = await rules.ListAsync(ct);
        if (Name is not null && Sources.FirstOrDefault(s => s.Name == Name) is { } source)
        {
            Input = new()
            {
                Name = source.Name,
                Section = source.Section,
                SubjectSections = string.Join('\n', source.SubjectSections.Select(m => $"{m.Key} = {m.Value}")),
                Byline = source.Byline,
                AutoPublish = source.AutoPublish,
                Language = source.Language,
                ApiKey = source.ApiKey,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in (Input.SubjectSections ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = line.LastIndexOf('=');
            mapping[equals < 0 ? line : line[..equals].Trim()] = equals < 0 ? "" : line[(equals + 1)..].Trim();
        }
        var result = await rules.SaveAsync(new WireSourceInput
        {
            Name = Input.Name,
            Section = Input.Section,
            SubjectSections = mapping,
            Byline = Input.Byline,
            AutoPublish = Input.AutoPublish,
            Language = Input.Language,
            ApiKey = Input.ApiKey,
        }, ct);
        if (!result.Succeeded)
        {
            WriterErrors.AddTo(ModelState, result);
            Sources = await rules.ListAsync(ct);
            return Page();
        }
        StatusMessage.Set(TempData, $"Rules of '{result.Value!.Name}' saved. Quarantined items of this source can be retried on the Wire page.");
        return RedirectToPage(new { name = result.Value.Name });
    }

    public sealed class SourceFields
    {
        [Display(Name = "Source name (as agencies' deliveries name it)")]
        public string? Name { get; set; }

        [Display(Name = "Section path")]
        public string? Section { get; set; }

        [Display(Name = "Subjects to sections, one per line: subject = section path")]
        public string? SubjectSections { get; set; }

        [Display(Name = "Byline (agency contributor)")]
        public string? Byline { get; set; }

        [Display(Name = "Publish items at once")]
        public bool AutoPublish { get; set; }

        [Display(Name = "Language of items that do not say")]
        public string? Language { get; set; }

        [Display(Name = "Name of the API key the source pushes with")]
        public string? ApiKey { get; set; }
    }
}
