using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Ingest;

/// <summary>A source's rules as the newsroom or the configuration submits them, before validation.</summary>
public sealed record WireSourceInput
{
    public string? Name { get; init; }
    public string? Section { get; init; }

    /// <summary>Subject (code or name) to section path.</summary>
    public IReadOnlyDictionary<string, string>? SubjectSections { get; init; }
    public string? Byline { get; init; }
    public bool AutoPublish { get; init; }
    public string? Language { get; init; }
    public string? ApiKey { get; init; }
}

/// <summary>The one writer of source rules: the newsroom's page and the seeding from configuration both save through it.</summary>
public sealed class WireSourceRules(BroadsheetDb db)
{
    public Task<List<WireSource>> ListAsync(CancellationToken ct) => db.WireSources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);

    public Task<WireSource?> FindAsync(string name, CancellationToken ct) => db.WireSources.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, ct);

    /// <summary>The source whose pushes come with the admin API key named <paramref name="apiKeyName"/>.</summary>
    public Task<WireSource?> ForApiKeyAsync(string apiKeyName, CancellationToken ct) => db.WireSources.AsNoTracking().FirstOrDefaultAsync(s => s.ApiKey == apiKeyName, ct);

    /// <summary>Creates or replaces the rules of the source named in <paramref name="input"/>.</summary>
    public async Task<WriteResult<WireSource>> SaveAsync(WireSourceInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = InputText.Trimmed(input.Name);
        if (name is null)
        {
            errors.Add("name", "Required.");
        }
        errors.CheckLength(name, "name", WireSource.MaxName, $"Must be at most {WireSource.MaxName} characters.");
        var section = InputText.Trimmed(input.Section)?.Trim('/');
        if (section is not null && !await db.Sections.AnyAsync(s => s.Path == section, ct))
        {
            errors.Add("section", $"No section with path '{section}'.");
        }
        var mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (subject, target) in input.SubjectSections ?? new Dictionary<string, string>())
        {
            var key = InputText.Trimmed(subject);
            var path = InputText.Trimmed(target)?.Trim('/');
            if (key is null || path is null)
            {
                errors.Add("subjectSections", "Each line is a subject, then = and a section path.");
            }
            else if (!await db.Sections.AnyAsync(s => s.Path == path, ct))
            {
                errors.Add("subjectSections", $"No section with path '{path}' (for {key}).");
            }
            else
            {
                mapping[key] = path;
            }
        }
        var byline = InputText.Trimmed(input.Byline);
        errors.CheckLength(byline, "byline", 120, "Must be at most 120 characters.");
        string? language = null;
        if (InputText.Trimmed(input.Language) is { } tag && (language = LanguageTags.Normalize(tag)) is null)
        {
            errors.Add("language", "Must be a BCP 47 language tag such as en, en-GB or zh-Hant-HK.");
        }
        var apiKey = InputText.Trimmed(input.ApiKey);
        errors.CheckLength(apiKey, "apiKey", 200, "Must be at most 200 characters.");
        if (!errors.IsEmpty)
        {
            return WriteResult.Invalid<WireSource>(errors);
        }
        var source = await db.WireSources.FirstOrDefaultAsync(s => s.Name == name, ct);
        var created = source is null;
        source ??= db.WireSources.Add(new WireSource { Name = name! }).Entity;
        source.Section = section;
        source.SubjectSections = mapping;
        source.Byline = byline;
        source.AutoPublish = input.AutoPublish;
        source.Language = language;
        source.ApiKey = apiKey;
        await db.SaveChangesAsync(ct);
        return created ? WriteResult.Created(source) : WriteResult.Ok(source);
    }

    /// <summary>Adds each configured source that the database does not have yet (an instance racing another finds it there).</summary>
    public async Task SeedAsync(IEnumerable<WireSourceOptions> sources, CancellationToken ct)
    {
        foreach (var source in sources)
        {
            var name = source.Name.Trim();
            if (await db.WireSources.AnyAsync(s => s.Name == name, ct))
            {
                continue;
            }
            db.WireSources.Add(new WireSource
            {
                Name = name,
                Section = InputText.Trimmed(source.Section)?.Trim('/'),
                SubjectSections = new Dictionary<string, string>(source.SubjectSections, StringComparer.OrdinalIgnoreCase),
                Byline = InputText.Trimmed(source.Byline),
                AutoPublish = source.AutoPublish,
                Language = InputText.Trimmed(source.Language),
                ApiKey = InputText.Trimmed(source.ApiKey),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
