using System.Text.Json;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

/// <summary>
/// Creates, updates and deletes articles, for the admin API and the newsroom alike. Everything is validated
/// before anything is written; one save writes the article with any new topics and contributors, so a
/// failure leaves nothing half-written. The pages a change makes stale are evicted by <see cref="ContentChanges"/>.
/// </summary>
public sealed partial class ArticleWriter(BroadsheetDb db, TimeProvider clock)
{
    public const int MaxHeadline = 300;
    public const int MaxSummaryPoints = 5;
    public const int MaxSummaryPoint = 300;
    public const int MaxTopics = 20;
    public const int MaxByline = 20;
    public const int MaxSponsor = 120;
    public const int MaxMethods = 4000;

    /// <summary>An article with everything an editor sees (tracked, for changing it).</summary>
    public Task<Article?> FindAsync(int id, CancellationToken ct = default) => Load(db, id, ct);

    internal static Task<Article?> Load(BroadsheetDb db, int id, CancellationToken ct) =>
        db.Articles
            .Include(a => a.Section)
            .Include(a => a.HeroImage)
            .Include(a => a.Topics.OrderBy(t => t.Position)).ThenInclude(t => t.Topic)
            .Include(a => a.Byline.OrderBy(c => c.Position)).ThenInclude(c => c.Contributor)
            .Include(a => a.Notes.OrderBy(n => n.At))
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct);

    public Task<WriteResult<Article>> CreateAsync(ArticleInput input, CancellationToken ct = default) => CreateAsync(input, ChangedBy.Api, ct);

    /// <summary>Creates a draft and its first revision; <paramref name="by"/> becomes its owner and last editor.</summary>
    public async Task<WriteResult<Article>> CreateAsync(ArticleInput input, ChangedBy by, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var valid = await ValidateAsync(input, errors, ct);
        if (valid is null)
        {
            return WriteResult.Invalid<Article>(errors);
        }
        var now = Now(clock);
        var article = new Article
        {
            Slug = valid.Slug ?? Slugs.From(valid.Headline),
            Headline = valid.Headline,
            Status = ArticleStatus.Draft,
            CreatedAt = now,
            ModifiedAt = now,
            Version = 1,
            CreatedById = by.UserId,
            IsSample = input.IsSample,
        };
        // The revision needs the article's id, so both saves share one transaction: no article without its history,
        // and no new topic or contributor without the article that named it. A caller's transaction (the demo
        // seeding, all or nothing) takes them in instead.
        await using (var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null)
        {
            await SaveNewNamesAsync(valid, ct);
            Apply(article, valid);
            db.Articles.Add(article);
            await db.SaveChangesAsync(ct);
            Record(article, by with { Summary = by.Summary == ChangedBy.Api.Summary ? "Created" : by.Summary }, now);
            await db.SaveChangesAsync(ct);
            await DropAutosaveAsync(0, by, ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        return WriteResult.Created(article);
    }

    /// <summary>Replaces an article's content. <paramref name="expectedVersion"/>, when given, must match the stored version.</summary>
    public Task<WriteResult<Article>> UpdateAsync(int id, ArticleInput input, int? expectedVersion = null, CancellationToken ct = default) =>
        UpdateAsync(id, input, expectedVersion, ChangedBy.Api, ct);

    /// <summary>As <see cref="UpdateAsync(int, ArticleInput, int?, CancellationToken)"/>, recording <paramref name="by"/> as the last editor and in the new revision.</summary>
    public async Task<WriteResult<Article>> UpdateAsync(int id, ArticleInput input, int? expectedVersion, ChangedBy by, CancellationToken ct = default)
    {
        var article = await Load(db, id, ct);
        if (article is null)
        {
            return WriteResult.NotFound<Article>($"No article {id}.");
        }
        if (expectedVersion is { } expected && expected != article.Version)
        {
            return WriteResult.VersionMismatch<Article>($"Article {id} is at version {article.Version}, not {expected}: reload it and apply the change again.");
        }
        var errors = new ValidationErrors();
        var valid = await ValidateAsync(input, errors, ct);
        if (valid is null)
        {
            return WriteResult.Invalid<Article>(errors);
        }

        // New names and the article are saved together or not at all: an update that loses a race (or a crash) leaves
        // no topic or contributor that nothing names.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await SaveNewNamesAsync(valid, ct);
        var published = article.Status == ArticleStatus.Published;
        var before = Fingerprint(article);
        // The URL follows the headline until readers have seen it; after that it changes only when asked.
        article.Slug = valid.Slug ?? (article.FirstPublishedAt is null ? Slugs.From(valid.Headline) : article.Slug);
        Apply(article, valid);
        if (Fingerprint(article) == before)
        {
            await DropAutosaveAsync(id, by, ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
            return WriteResult.Ok(article);
        }
        var now = Now(clock);
        article.ModifiedAt = now;
        if (published)
        {
            article.LastUpdatedAt = now;
        }
        article.Version++;
        var revision = Record(article, by, now);
        if (!await TrySaveAsync(ct))
        {
            db.Entry(revision).State = EntityState.Detached;
            return WriteResult.VersionMismatch<Article>($"Article {id} was changed by someone else meanwhile: reload it and apply the change again.");
        }
        await DropAutosaveAsync(id, by, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return WriteResult.Ok(article);
    }

    /// <summary>
    /// Drops the saving user's autosave of the article (<see cref="ArticleAutosave"/>; article 0 for the new article
    /// they were writing) in the save's transaction: their text is content now, so the buffer has nothing left to
    /// recover, and a save that fails keeps it. Others' autosaves stay: their text is still unsaved.
    /// </summary>
    private async Task DropAutosaveAsync(int articleId, ChangedBy by, CancellationToken ct)
    {
        if (by.UserId is { } userId)
        {
            await db.ArticleAutosaves.Where(a => a.UserId == userId && a.ArticleId == articleId).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>Marks who changed the article and adds the revision of its new state, saved with it in one transaction.</summary>
    private ArticleRevision Record(Article article, ChangedBy by, DateTimeOffset now)
    {
        article.ModifiedBy = by.UserId is null ? null : by.Name;
        article.ModifiedById = by.UserId;
        var revision = new ArticleRevision
        {
            ArticleId = article.Id,
            Version = article.Version,
            At = now,
            UserId = by.UserId,
            UserName = by.Name,
            Summary = by.Summary,
            Snapshot = ArticleSnapshot.From(article).ToJson(),
        };
        db.ArticleRevisions.Add(revision);
        return revision;
    }

    /// <summary>
    /// Saves the topics and contributors the article names for the first time, each on its own (inside the article's
    /// transaction, so a failed insert rolls back to its savepoint only): when two requests name the same new topic
    /// at once, the one that loses the race to insert it takes the winner's row instead of failing on the unique slug.
    /// </summary>
    private async Task SaveNewNamesAsync(ValidArticle valid, CancellationToken ct)
    {
        // Inside the article's transaction another writer's new row is locked until it commits, so rows are inserted in
        // slug order: two articles naming the same new topics in different orders wait for each other, never deadlock.
        foreach (var i in Enumerable.Range(0, valid.Topics.Count).OrderBy(i => valid.Topics[i].Slug, StringComparer.Ordinal))
        {
            if (valid.Topics[i] is { Id: 0 } topic)
            {
                valid.Topics[i] = await InsertOrFindAsync(topic, t => t.Slug == topic.Slug, ct);
            }
        }
        foreach (var i in Enumerable.Range(0, valid.Byline.Count).OrderBy(i => valid.Byline[i].Slug, StringComparer.Ordinal))
        {
            if (valid.Byline[i] is { Id: 0 } contributor)
            {
                valid.Byline[i] = await InsertOrFindAsync(contributor, c => c.Slug == contributor.Slug, ct);
            }
        }
    }

    private async Task<T> InsertOrFindAsync<T>(T entity, System.Linq.Expressions.Expression<Func<T, bool>> same, CancellationToken ct)
        where T : class
    {
        db.Add(entity);
        try
        {
            await db.SaveChangesAsync(ct);
            return entity;
        }
        catch (DbUpdateException ex)
        {
            db.Entry(entity).State = EntityState.Detached;
            return await db.Set<T>().FirstOrDefaultAsync(same, ct)
                ?? throw new InvalidOperationException($"Could not save the new {typeof(T).Name.ToLowerInvariant()}.", ex);
        }
    }

    public Task<WriteResult<Article>> DeleteAsync(int id, int? expectedVersion = null, CancellationToken ct = default) =>
        DeleteAsync(id, expectedVersion, ChangedBy.Api, ct);

    /// <summary>Deletes the article; the audit log keeps a line saying who did (revisions stay too).</summary>
    public async Task<WriteResult<Article>> DeleteAsync(int id, int? expectedVersion, ChangedBy by, CancellationToken ct = default)
    {
        var article = await Load(db, id, ct);
        if (article is null)
        {
            return WriteResult.NotFound<Article>($"No article {id}.");
        }
        if (expectedVersion is { } expected && expected != article.Version)
        {
            return WriteResult.VersionMismatch<Article>($"Article {id} is at version {article.Version}, not {expected}.");
        }
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Articles.Remove(article);
        var entry = db.AuditEntries.Add(AuditLog.Entry(article, AuditAction.Deleted, by, Now(clock)));
        if (!await TrySaveAsync(ct))
        {
            entry.State = EntityState.Detached;
            return WriteResult.VersionMismatch<Article>($"Article {id} was changed by someone else meanwhile.");
        }
        // Everyone's unsaved editor state of the article goes with it: there is nothing left to save it into.
        await db.ArticleAutosaves.Where(a => a.ArticleId == id).ExecuteDeleteAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return WriteResult.Ok(article);
    }

    internal async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private sealed record ValidArticle(
        string Headline,
        List<string> Summary,
        Section Section,
        List<Topic> Topics,
        List<Contributor> Byline,
        HeroImageInput? Hero,
        List<Block> Body,
        string Language,
        ArticleType Type,
        string? Dateline,
        string? Slug,
        string? Sponsor,
        string? Methods)
    {
        /// <summary>Whether saving creates topics or contributors; read before the save assigns their ids.</summary>
        public bool HasNewNames { get; } = Topics.Any(t => t.Id == 0) || Byline.Any(c => c.Id == 0);
    }

    private static void Apply(Article article, ValidArticle valid)
    {
        article.Headline = valid.Headline;
        article.Summary = valid.Summary;
        article.Section = valid.Section;
        article.SectionId = valid.Section.Id;
        article.Body = valid.Body;
        article.Language = valid.Language;
        article.Type = valid.Type;
        article.Dateline = valid.Dateline;
        article.Sponsor = valid.Sponsor;
        article.Methods = valid.Methods;
        article.HeroImageId = valid.Hero?.Id;
        article.HeroCaption = InputText.Trimmed(valid.Hero?.Caption);
        article.HeroCredit = InputText.Trimmed(valid.Hero?.Credit);
        article.HeroAlt = InputText.Trimmed(valid.Hero?.Alt);
        if (valid.Hero is null)
        {
            article.HeroImage = null;
        }

        // Join rows are kept, moved or removed rather than replaced: a removed and re-added row with the
        // same key would clash in the change tracker.
        article.Topics.RemoveAll(t => !valid.Topics.Any(v => Same(v, t.Topic)));
        for (var position = 0; position < valid.Topics.Count; position++)
        {
            var topic = valid.Topics[position];
            var entry = article.Topics.FirstOrDefault(t => Same(topic, t.Topic));
            if (entry is null)
            {
                article.Topics.Add(new ArticleTopic { Topic = topic, TopicId = topic.Id, Position = position });
            }
            else
            {
                entry.Position = position;
            }
        }
        article.Topics.Sort((a, b) => a.Position.CompareTo(b.Position));

        article.Byline.RemoveAll(c => !valid.Byline.Any(v => Same(v, c.Contributor)));
        for (var position = 0; position < valid.Byline.Count; position++)
        {
            var contributor = valid.Byline[position];
            var entry = article.Byline.FirstOrDefault(c => Same(contributor, c.Contributor));
            if (entry is null)
            {
                article.Byline.Add(new BylineEntry { Contributor = contributor, ContributorId = contributor.Id, Position = position });
            }
            else
            {
                entry.Position = position;
            }
        }
        article.Byline.Sort((a, b) => a.Position.CompareTo(b.Position));
    }

    private static bool Same(Topic a, Topic b) => ReferenceEquals(a, b) || (a.Id != 0 && a.Id == b.Id);

    private static bool Same(Contributor a, Contributor b) => ReferenceEquals(a, b) || (a.Id != 0 && a.Id == b.Id);

    /// <summary>What readers see of an article, to tell a real change from a save of the same content.</summary>
    private static string Fingerprint(Article a) => JsonSerializer.Serialize(
        new
        {
            a.Headline,
            a.Summary,
            a.SectionId,
            Topics = a.Topics.OrderBy(t => t.Position).Select(t => t.Topic.Slug),
            Byline = a.Byline.OrderBy(c => c.Position).Select(c => c.Contributor.Slug),
            a.HeroImageId,
            a.HeroCaption,
            a.HeroCredit,
            a.HeroAlt,
            a.Body,
            a.Language,
            a.Type,
            a.Dateline,
            a.Slug,
            a.Sponsor,
            a.Methods,
        },
        BroadsheetDb.Json);

    private async Task<ValidArticle?> ValidateAsync(ArticleInput input, ValidationErrors errors, CancellationToken ct)
    {
        var headline = InputText.Trimmed(input.Headline);
        if (headline is null)
        {
            errors.Add("headline", "Required.");
        }
        else if (headline.Length > MaxHeadline)
        {
            errors.Add("headline", $"Must be at most {MaxHeadline} characters.");
        }
        else
        {
            TextRules.Check(headline, "headline", errors);
        }

        var summary = new List<string>();
        if (input.Summary is { } points)
        {
            if (points.Count > MaxSummaryPoints)
            {
                errors.Add("summary", $"Must not be more than {MaxSummaryPoints} points.");
            }
            for (var i = 0; i < points.Count; i++)
            {
                var point = InputText.Trimmed(points[i]);
                if (point is null)
                {
                    errors.Add($"summary[{i}]", "Must not be empty.");
                }
                else if (point.Length > MaxSummaryPoint)
                {
                    errors.Add($"summary[{i}]", $"Must be at most {MaxSummaryPoint} characters.");
                }
                else if (TextRules.Problem(point) is { } problem)
                {
                    errors.Add($"summary[{i}]", problem);
                }
                else
                {
                    summary.Add(point);
                }
            }
        }

        Section? section = null;
        var sectionPath = input.Section?.Trim().Trim('/');
        if (string.IsNullOrEmpty(sectionPath))
        {
            errors.Add("section", "Required.");
        }
        else
        {
            section = await db.Sections.FirstOrDefaultAsync(s => s.Path == sectionPath, ct);
            if (section is null)
            {
                errors.Add("section", $"No section with path '{sectionPath}'.");
            }
        }

        var topics = await ResolveTopicsAsync(input.Topics ?? [], errors, ct);
        var byline = await ResolveBylineAsync(input.Byline ?? [], errors, ct);

        if (input.HeroImage is { } hero)
        {
            if (hero.Id is not { } heroId || heroId == Guid.Empty)
            {
                errors.Add("heroImage.id", "Required.");
            }
            else if (!await db.Images.AnyAsync(i => i.Id == heroId, ct))
            {
                errors.Add("heroImage.id", $"No image with id {heroId}.");
            }
            CheckLength(hero.Caption, "heroImage.caption", 1000, errors);
            CheckLength(hero.Credit, "heroImage.credit", 200, errors);
            CheckLength(hero.Alt, "heroImage.alt", 500, errors);
        }

        List<Block>? body = null;
        if (input.Body is null)
        {
            errors.Add("body", "The body is required: one of markdown, html or blocks.");
        }
        else
        {
            body = input.Body.ToBlocks("body", errors);
            if (body is not null)
            {
                await CheckImagesExistAsync(db, body, input.Body, "body", errors, ct);
            }
        }

        var language = input.Language is null ? "en" : LanguageTags.Normalize(input.Language);
        if (language is null)
        {
            errors.Add("language", "Must be a BCP 47 language tag such as en, en-GB or zh-Hant-HK.");
        }

        var type = ArticleType.News;
        if (input.Type is not null && !ContentNames.TryParse(input.Type, out type))
        {
            errors.Add("type", $"Must be one of {ContentNames.List<ArticleType>()}.");
        }

        var dateline = InputText.Trimmed(input.Dateline);
        CheckLength(dateline, "dateline", 120, errors);

        var (sponsor, methods) = ValidateDisclosure(input, type, errors);

        var slug = InputText.Trimmed(input.Slug);
        if (slug is not null && Slugs.From(slug) != slug)
        {
            errors.Add("slug", $"Must be a slug: lower-case letters and digits joined by hyphens, at most {Slugs.MaxLength} characters (e.g. '{Slugs.From(slug)}').");
        }

        errors.Name(FieldLabel);
        return errors.IsEmpty
            ? new ValidArticle(headline!, summary, section!, topics, byline, input.HeroImage, body!, language!, type, dateline, slug, sponsor, methods)
            : null;
    }

    /// <summary>
    /// What a person calls the field an error key names ("summary[2]" is "Summary point 3"), for messages that say which
    /// field they are about; null for the body, whose rules name their blocks themselves.
    /// </summary>
    internal static string? FieldLabel(string field)
    {
        var match = FieldKey().Match(field);
        if (!match.Success)
        {
            return null;
        }
        var number = match.Groups["index"].Success ? FieldMessage.Number(int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)) : null;
        return (match.Groups["root"].Value, number, match.Groups["rest"].Value) switch
        {
            ("headline", null, "") => "Headline",
            ("summary", null, "") => "The summary",
            ("summary", { } n, "") => $"Summary point {n}",
            ("section", null, "") => "Section",
            ("topics", null, "") => "Topics",
            ("topics", { } n, "") => $"Topic {n}",
            ("byline", null, "") => "The byline",
            ("byline", { } n, "") => $"Contributor {n}",
            ("byline", { } n, ".name") => $"Contributor {n}'s name",
            ("byline", { } n, ".kind") => $"Contributor {n}'s kind",
            ("heroImage", null, ".id") => "Hero image",
            ("heroImage", null, ".caption") => "Hero image caption",
            ("heroImage", null, ".credit") => "Hero image credit",
            ("heroImage", null, ".alt") => "Hero image alt text",
            ("language", null, "") => "Language",
            ("type", null, "") => "Type",
            ("dateline", null, "") => "Dateline",
            ("slug", null, "") => "URL slug",
            ("sponsor", null, "") => "Sponsor",
            ("methods", null, "") => "How we reported this",
            _ => null,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<root>[a-zA-Z]+)(\[(?<index>\d{1,6})\])?(?<rest>.*)$")]
    private static partial System.Text.RegularExpressions.Regex FieldKey();

    /// <summary>
    /// What readers are told about the work itself: a sponsored article always names its sponsor (readers are promised it
    /// is labelled), no other type may carry one, and "How we reported this" is optional plain text.
    /// </summary>
    private static (string? Sponsor, string? Methods) ValidateDisclosure(ArticleInput input, ArticleType type, ValidationErrors errors)
    {
        var sponsor = InputText.Trimmed(input.Sponsor);
        if (type == ArticleType.Sponsored && sponsor is null)
        {
            errors.Add("sponsor", "Required for a sponsored article: readers are always told who paid for it.");
        }
        else if (type != ArticleType.Sponsored && sponsor is not null)
        {
            errors.Add("sponsor", "Only a sponsored article names a sponsor; set the type to sponsored or leave this empty.");
        }
        CheckLength(sponsor, "sponsor", MaxSponsor, errors);
        if (sponsor is not null && TextRules.Problem(sponsor) is { } sponsorProblem)
        {
            errors.Add("sponsor", sponsorProblem);
        }

        var methods = InputText.Trimmed(input.Methods);
        CheckLength(methods, "methods", MaxMethods, errors);
        if (methods is not null && TextRules.Problem(methods, multiline: true) is { } methodsProblem)
        {
            errors.Add("methods", methodsProblem);
        }
        return (type == ArticleType.Sponsored ? sponsor : null, methods);
    }

    /// <summary>Adds an error for each image block whose image is not in the library.</summary>
    internal static async Task CheckImagesExistAsync(BroadsheetDb db, IReadOnlyList<Block> blocks, BodyInput source, string field, ValidationErrors errors, CancellationToken ct)
    {
        var images = BodyRules.Images(blocks).ToList();
        if (images.Count == 0)
        {
            return;
        }
        var ids = images.Select(i => i.ImageId).Distinct().ToList();
        var known = await db.Images.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        foreach (var (index, imageId) in images.Where(i => !known.Contains(i.ImageId)))
        {
            if (source.Blocks is not null)
            {
                errors.Add($"{field}.blocks[{index}].imageId", $"No image with id {imageId}.");
            }
            else
            {
                errors.Add($"{field}.{(source.Markdown is not null ? "markdown" : "html")}", $"No image with id {imageId}.");
            }
        }
    }

    private async Task<List<Topic>> ResolveTopicsAsync(IReadOnlyList<string?> names, ValidationErrors errors, CancellationToken ct)
    {
        if (names.Count > MaxTopics)
        {
            errors.Add("topics", $"Must not be more than {MaxTopics}.");
            return [];
        }
        var wanted = new List<(int Index, string Name, string Slug)>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = InputText.Trimmed(names[i]);
            if (name is null)
            {
                errors.Add($"topics[{i}]", "Must not be empty.");
            }
            else if (name.Length > 120)
            {
                errors.Add($"topics[{i}]", "Must be at most 120 characters.");
            }
            else if (TextRules.Problem(name) is { } problem)
            {
                errors.Add($"topics[{i}]", problem);
            }
            else
            {
                wanted.Add((i, name, Slugs.From(name)));
            }
        }
        var slugs = wanted.Select(w => w.Slug).ToList();
        var lowerNames = wanted.Select(w => w.Name.ToLowerInvariant()).ToList();
        var existing = wanted.Count == 0 ? [] : await db.Topics.Where(t => slugs.Contains(t.Slug) || lowerNames.Contains(t.Name.ToLower())).ToListAsync(ct);
        var result = new List<Topic>();
        foreach (var (index, name, slug) in wanted)
        {
            var topic = existing.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? existing.FirstOrDefault(t => t.Slug == slug)
                ?? result.FirstOrDefault(t => t.Id == 0 && t.Slug == slug);
            if (topic is not null && result.Contains(topic))
            {
                errors.Add($"topics[{index}]", "Listed twice.");
                continue;
            }
            result.Add(topic ?? new Topic { Name = name, Slug = slug });
        }
        return result;
    }

    private async Task<List<Contributor>> ResolveBylineAsync(IReadOnlyList<BylineInput?> entries, ValidationErrors errors, CancellationToken ct)
    {
        if (entries.Count > MaxByline)
        {
            errors.Add("byline", $"Must not be more than {MaxByline} contributors.");
            return [];
        }
        var wanted = new List<(int Index, string Name, string Slug, ContributorKind Kind)>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { } entry)
            {
                errors.Add($"byline[{i}]", "Must be an object with a name.");
                continue;
            }
            var name = InputText.Trimmed(entry.Name);
            if (name is null)
            {
                errors.Add($"byline[{i}].name", "Required.");
            }
            else if (name.Length > 120)
            {
                errors.Add($"byline[{i}].name", "Must be at most 120 characters.");
            }
            var nameProblem = TextRules.Problem(name);
            if (nameProblem is not null)
            {
                errors.Add($"byline[{i}].name", nameProblem);
            }
            var kind = ContributorKind.Person;
            if (entry.Kind is not null && !ContentNames.TryParse(entry.Kind, out kind))
            {
                errors.Add($"byline[{i}].kind", $"Must be one of {ContentNames.List<ContributorKind>()}.");
            }
            else if (name is { Length: <= 120 } && nameProblem is null)
            {
                wanted.Add((i, name, Slugs.From(name), kind));
            }
        }
        var slugs = wanted.Select(w => w.Slug).ToList();
        var lowerNames = wanted.Select(w => w.Name.ToLowerInvariant()).ToList();
        var existing = wanted.Count == 0 ? [] : await db.Contributors.Where(c => slugs.Contains(c.Slug) || lowerNames.Contains(c.Name.ToLower())).ToListAsync(ct);
        var result = new List<Contributor>();
        foreach (var (index, name, slug, kind) in wanted)
        {
            var contributor = existing.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? existing.FirstOrDefault(c => c.Slug == slug)
                ?? result.FirstOrDefault(c => c.Id == 0 && c.Slug == slug);
            if (contributor is not null && result.Contains(contributor))
            {
                errors.Add($"byline[{index}]", "Listed twice.");
                continue;
            }
            result.Add(contributor ?? new Contributor { Name = name, Slug = slug, Kind = kind });
        }
        return result;
    }

    /// <summary>Now, to the microsecond: what PostgreSQL stores, so a saved time reads back equal on every provider.</summary>
    internal static DateTimeOffset Now(TimeProvider clock) => ToMicrosecond(clock.GetUtcNow());

    /// <summary>A time cut to the microsecond, as <see cref="Now"/> is: what PostgreSQL stores.</summary>
    internal static DateTimeOffset ToMicrosecond(DateTimeOffset time) => time.AddTicks(-(time.Ticks % 10));

    /// <summary>The article fields' length message; <see cref="ValidationErrors.CheckLength"/> also applies the text rules.</summary>
    internal static void CheckLength(string? value, string field, int max, ValidationErrors errors) =>
        errors.CheckLength(value, field, max, $"Must be at most {max} characters.");
}
