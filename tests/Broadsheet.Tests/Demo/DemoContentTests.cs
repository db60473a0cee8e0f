using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Broadsheet.Ads;
using Broadsheet.Articles.Workflow;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Demo;
using Broadsheet.Media;
using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Reader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Broadsheet.Tests.Demo;

/// <summary>One seeded app per provider, shared by the read-only checks below.</summary>
public sealed class SeededApps : ProviderApps<BroadsheetApp>
{
    protected override BroadsheetApp Create(DatabaseProvider provider) => new BroadsheetApp(provider, seedDemoContent: true);
}

public partial class DemoContentTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The words around the story: all Traditional Chinese on the Chinese article (the publication's own English marked
    // with its lang), and the English article as it always was.
    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex EnglishWord();

    private static async Task<(string Chinese, string English)> ArticlePathsAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/articles?pageSize=50", Ct);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        string Url(Func<JsonElement, bool> which) => items.First(which).GetProperty("url").GetString()!;
        return (Url(a => a.GetProperty("language").GetString() == "zh-Hant"),
                Url(a => a.GetProperty("language").GetString() == "en" && a.GetProperty("section").GetProperty("path").GetString() == "asia/east-asia"));
    }

    /// <summary>Text outside the story's body and outside anything marked as another language, as a reader sees it.</summary>
    private static IEnumerable<string> FurnitureText(IDocument page) =>
        page.Body!.Descendants<IText>()
            .Where(t => t.ParentElement is { } parent
                && parent.Closest("script, style, noscript, .body") is null
                && parent.Closest("[lang]")?.GetAttribute("lang") == page.DocumentElement.GetAttribute("lang"))
            .Select(t => t.Data.Trim())
            .Where(t => t.Length > 0);

    [Fact]
    public async Task The_chinese_article_has_no_english_furniture_and_the_english_one_is_unchanged()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        using var client = app.Client();
        var (chinese, english) = await ArticlePathsAsync(client);

        var zh = await client.GetDocumentAsync(chinese);
        Assert.Equal("zh-Hant", zh.DocumentElement.GetAttribute("lang"));
        var furniture = FurnitureText(zh).ToList();
        Assert.Contains("收聽本文", furniture);
        Assert.Contains(furniture, t => t.StartsWith("閱讀時間：", StringComparison.Ordinal));
        Assert.Contains(furniture, t => Regex.IsMatch(t, @"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$"));
        var englishWords = furniture.Where(t => EnglishWord().IsMatch(t)).ToList();
        Assert.True(englishWords.Count == 0, "English furniture: " + string.Join(" | ", englishWords));
        // The publication's chrome stays English, marked as such.
        Assert.Equal("en", zh.QuerySelector("header.masthead")!.GetAttribute("lang"));
        Assert.Equal("en", zh.QuerySelector("footer")!.GetAttribute("lang"));
        Assert.Contains("國語", zh.QuerySelector(".listen-voice option[selected]").Text());

        var en = await client.GetDocumentAsync(english);
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain(en.QuerySelectorAll("[lang='en']"), e => e != en.DocumentElement);
        Assert.Null(en.QuerySelector("header.masthead")!.GetAttribute("lang"));
        Assert.Matches(@"^Reading Time: \d+ minutes?$", en.QuerySelector("p.meta").Text());
        Assert.Matches(@"Published: \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}", en.QuerySelector("p.dates").Text());
        Assert.Equal("Listen to this article", en.QuerySelector("#listen-heading").Text());
        Assert.Equal("Skip to content", en.QuerySelector("a.skip").Text());
        Assert.Equal(["Our standards", "Topics", "Authors"], en.QuerySelectorAll("footer a").Select(a => a.Text()).Where(t => t is "Our standards" or "Topics" or "Authors"));
    }

    [Fact]
    public async Task Cards_of_a_chinese_story_carry_its_language_and_its_own_date_words_wherever_it_is_listed()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        using var client = app.Client();
        var (chinese, _) = await ArticlePathsAsync(client);
        var id = Regex.Match(chinese, @"/article/(\d+)/").Groups[1].Value;

        foreach (var path in new[] { "/search?q=" + Uri.EscapeDataString("漁業會談"), "/news/asia/east-asia" })
        {
            var page = await client.GetDocumentAsync(path);
            Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
            var card = page.QuerySelectorAll("ol.cards > li").Single(li => li.QuerySelector($"a[href*='/article/{id}/']") is not null);
            Assert.Equal("zh-Hant", card.GetAttribute("lang"));
            Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$", card.QuerySelector(".card-meta time")!.Text());
            // The section's name is the publication's own, marked as English inside the Chinese card.
            Assert.Equal("en", card.QuerySelector(".card-meta [lang]")!.GetAttribute("lang"));
        }
    }

    private static async Task<T> Query<T>(BroadsheetApp app, Func<BroadsheetDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BroadsheetDb>());
    }

    private static Task<List<Article>> Articles(BroadsheetApp app) => Query(app, db => db.Articles.AsNoTracking()
        .Include(a => a.Section).Include(a => a.HeroImage)
        .Include(a => a.Topics).ThenInclude(t => t.Topic)
        .Include(a => a.Byline).ThenInclude(b => b.Contributor)
        .Include(a => a.Notes)
        .AsSplitQuery().ToListAsync(Ct));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Seeds_a_dozen_or_more_published_sample_articles_across_the_sections(DatabaseProvider provider)
    {
        var app = await apps.On(provider);

        var articles = await Articles(app);

        Assert.True(articles.Count >= 12, $"{articles.Count} articles");
        Assert.All(articles, a =>
        {
            Assert.True(a.IsSample);
            Assert.Equal(ArticleStatus.Published, a.Status);
            Assert.NotNull(a.FirstPublishedAt);
            Assert.False(string.IsNullOrWhiteSpace(a.Headline));
            Assert.Equal(Slugs.From(a.Headline), a.Slug);
            Assert.InRange(a.Summary.Count, 2, 3);
            Assert.All(a.Summary, s => Assert.False(string.IsNullOrWhiteSpace(s)));
            Assert.InRange(a.Topics.Count, 1, 3);
            Assert.Contains(a.Topics, t => t.Position == 0);
            Assert.NotEmpty(a.Byline);
            Assert.False(string.IsNullOrWhiteSpace(a.HeroAlt));
            Assert.False(string.IsNullOrWhiteSpace(a.HeroCaption));
            Assert.False(string.IsNullOrWhiteSpace(a.HeroCredit));
        });
        var sections = articles.Select(a => a.Section.Path).ToHashSet();
        Assert.Contains("asia/east-asia", sections);
        Assert.True(sections.Count >= 8, string.Join(", ", sections));
        Assert.Contains(articles, a => a.Byline.All(b => b.Contributor.Kind == ContributorKind.Agency));
        Assert.Contains(articles, a => a.Byline.Any(b => b.Contributor.Kind == ContributorKind.Person) && a.Byline.Any(b => b.Contributor.Kind == ContributorKind.Agency));
        Assert.Contains(articles, a => a.Notes.Any(n => n.Kind == NoteKind.Correction));
        Assert.Contains(articles, a => a.LastUpdatedAt > a.FirstPublishedAt);
        Assert.Contains(articles, a => a.Language != "en");
        Assert.True(articles.Select(a => a.Type).Distinct().Count() >= 3);
        Assert.True(articles.Select(a => a.FirstPublishedAt!.Value.Date).Distinct().Count() >= 2, "published over several days");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Article_bodies_use_only_known_blocks_with_text_and_a_range_of_types(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var articles = await Articles(app);
        var imageIds = await Query(app, db => db.Images.Select(i => i.Id).ToListAsync(Ct));

        foreach (var article in articles)
        {
            Assert.NotEmpty(article.Body);
            foreach (var block in article.Body)
            {
                switch (block)
                {
                    case ParagraphBlock p:
                        AssertRuns(p.Content);
                        break;
                    case HeadingBlock h:
                        Assert.False(string.IsNullOrWhiteSpace(h.Text));
                        Assert.InRange(h.Level, 2, 3);
                        break;
                    case QuoteBlock q:
                        AssertRuns(q.Content);
                        break;
                    case ListBlock l:
                        Assert.NotEmpty(l.Items);
                        Assert.All(l.Items, AssertRuns);
                        break;
                    case ImageBlock i:
                        Assert.Contains(i.ImageId, imageIds);
                        break;
                    case EmbedBlock e:
                        Assert.True(Uri.TryCreate(e.Url, UriKind.Absolute, out var url) && url.Scheme == "https", e.Url);
                        Assert.False(string.IsNullOrWhiteSpace(e.Title));
                        break;
                    case DividerBlock:
                        break;
                    default:
                        Assert.Fail($"Unknown block {block.GetType().Name} in {article.Slug}");
                        break;
                }
            }
            var words = PlainText.Of(article.Body).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            if (article.Language == "en")
            {
                Assert.InRange(words, 250, 700);
            }
            else
            {
                Assert.True(PlainText.Of(article.Body).Length >= 200, article.Slug);
            }
        }

        var kinds = articles.SelectMany(a => a.Body).Select(b => b.GetType()).ToHashSet();
        Assert.Superset(new HashSet<Type> { typeof(ParagraphBlock), typeof(HeadingBlock), typeof(QuoteBlock), typeof(ListBlock), typeof(ImageBlock), typeof(EmbedBlock), typeof(DividerBlock) }, kinds);
        Assert.Contains(articles.SelectMany(a => a.Body).OfType<QuoteBlock>(), q => q.Pull);
        Assert.Contains(articles.SelectMany(a => a.Body).OfType<ListBlock>(), l => l.Ordered);
        var runs = articles.SelectMany(a => a.Body).OfType<ParagraphBlock>().SelectMany(p => p.Content).ToList();
        Assert.Contains(runs, r => r.Bold);
        Assert.Contains(runs, r => r.Italic);
        Assert.Contains(runs, r => r.Href is not null);

        static void AssertRuns(IReadOnlyList<Inline> runs)
        {
            Assert.NotEmpty(runs);
            Assert.False(string.IsNullOrWhiteSpace(PlainText.Of(runs)));
            Assert.DoesNotContain(runs, r => r.Text.Contains("**", StringComparison.Ordinal) || r.Text.Contains("](", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Every_hero_and_body_image_has_its_renditions_on_disk_and_served(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var articles = await Articles(app);
        var images = await Query(app, db => db.Images.AsNoTracking().ToListAsync(Ct));
        using var client = app.Client();

        Assert.All(articles, a => Assert.NotNull(a.HeroImage));
        var bodyImages = articles.SelectMany(a => a.Body).OfType<ImageBlock>().Select(b => b.ImageId).ToList();
        Assert.True(bodyImages.Count >= 2);
        foreach (var image in images.Where(i => articles.Any(a => a.HeroImageId == i.Id) || bodyImages.Contains(i.Id)))
        {
            Assert.Equal((1600, 900), (image.Width, image.Height));
            Assert.False(string.IsNullOrWhiteSpace(image.Alt));
            Assert.False(string.IsNullOrWhiteSpace(image.Caption));
            Assert.Contains("Illustration", image.Credit, StringComparison.Ordinal);
            Assert.Equal(["jpeg", "jpeg-16x9", "jpeg-1x1", "webp"], image.Renditions.Select(r => r.Format).Distinct().Order(StringComparer.Ordinal));
            foreach (var rendition in image.Renditions)
            {
                using var codec = SKCodec.Create(Path.Combine(app.DataPath, "media", rendition.Path));
                Assert.NotNull(codec);
                Assert.Equal((rendition.Width, rendition.Height), (codec.Info.Width, codec.Info.Height));
            }
            var largest = image.Renditions.MaxBy(r => r.Width)!;
            using var response = await client.GetAsync(ImageSources.UrlOf(largest.Path), Ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        // Each article has its own picture.
        Assert.Equal(articles.Count, articles.Select(a => a.HeroImageId).Distinct().Count());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Seeds_the_publication_sections_topics_contributors_standards_and_house_ads(DatabaseProvider provider)
    {
        var app = await apps.On(provider);

        var publication = await Query(app, db => db.Publications.SingleAsync(Ct));
        var sections = await Query(app, db => db.Sections.AsNoTracking().ToListAsync(Ct));
        var topics = await Query(app, db => db.Topics.AsNoTracking().ToListAsync(Ct));
        var contributors = await Query(app, db => db.Contributors.AsNoTracking().ToListAsync(Ct));
        var pages = await Query(app, db => db.StandardsPages.AsNoTracking().ToListAsync(Ct));
        var ads = await Query(app, db => db.AdCreatives.AsNoTracking().Include(a => a.Image).ToListAsync(Ct));

        Assert.Equal("The Daily Meridian", publication.Name);
        Assert.Equal("http://localhost:5000", publication.BaseUrl);
        Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(publication.TimeZone));
        var eastAsia = sections.Single(s => s.Path == "asia/east-asia");
        Assert.Equal(sections.Single(s => s.Path == "asia").Id, eastAsia.ParentId);
        Assert.Contains(sections, s => s.Path == "asia/southeast-asia");
        Assert.Superset(new HashSet<string> { "world", "business", "technology", "science", "climate", "sport", "opinion" }, sections.Select(s => s.Path).ToHashSet());
        Assert.Equal(sections.Count(s => s.ParentId is null), sections.Where(s => s.ParentId is null).Select(s => s.Position).Distinct().Count());
        Assert.InRange(topics.Count, 8, 15);
        Assert.All(topics, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
        Assert.InRange(contributors.Count(c => c.Kind == ContributorKind.Person), 5, 6);
        Assert.Equal(3, contributors.Count(c => c.Kind == ContributorKind.Agency));
        Assert.All(contributors.Where(c => c.Kind == ContributorKind.Person), c => Assert.False(string.IsNullOrWhiteSpace(c.Role) || string.IsNullOrWhiteSpace(c.Bio)));

        Assert.True(pages.Count >= 4);
        Assert.All(pages, p => Assert.True(PlainText.Of(p.Body).Length > 300, p.Slug));

        Assert.True(ads.Count >= 3);
        Assert.Contains(ads, a => a.SectionPath is { } path && sections.Any(s => s.Path == path));
        Assert.Contains(ads, a => a.TopicSlug is { } slug && topics.Any(t => t.Slug == slug));
        Assert.Contains(ads, a => a.EndsAt < DateTimeOffset.UtcNow);
        Assert.All(ads, a =>
        {
            Assert.StartsWith("/", a.LinkUrl, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(a.Alt));
            Assert.NotEmpty(a.Image.Renditions);
            Assert.All(a.Image.Renditions, r => Assert.True(File.Exists(Path.Combine(app.DataPath, "media", r.Path))));
        });
    }

    [Fact]
    public async Task The_publisher_in_json_ld_names_all_eight_policy_pages_and_each_one_answers()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var article = (await Articles(app)).First(a => a.Type == ArticleType.Opinion);
        using var client = app.Client();
        var html = await client.GetStringAsync(article.PublicPath, Ct);
        var script = System.Text.RegularExpressions.Regex.Match(html, """<script type="application/ld\+json">(.*?)</script>""", System.Text.RegularExpressions.RegexOptions.Singleline);
        var ld = System.Text.Json.Nodes.JsonNode.Parse(script.Groups[1].Value)!;

        Assert.Equal("OpinionNewsArticle", ld["@type"]!.GetValue<string>());
        string[] policies = ["correctionsPolicy", "ethicsPolicy", "masthead", "ownershipFundingInfo", "actionableFeedbackPolicy", "diversityPolicy", "verificationFactCheckingPolicy", "unnamedSourcesPolicy"];
        foreach (var property in policies)
        {
            var url = ld["publisher"]![property]?.GetValue<string>();
            Assert.True(url is not null, $"publisher.{property} is missing");
            using var page = await client.GetAsync(new Uri(url).PathAndQuery, Ct);
            Assert.True(page.StatusCode == System.Net.HttpStatusCode.OK, $"{property}: {url} answered {(int)page.StatusCode}");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Every_demo_article_has_its_revision_and_audit_entries_like_a_newsroom_article(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var articles = await Articles(app);
        var revisions = await Query(app, db => db.ArticleRevisions.AsNoTracking().ToListAsync(Ct));
        var audit = await Query(app, db => db.AuditEntries.AsNoTracking().ToListAsync(Ct));

        Assert.NotEmpty(articles);
        foreach (var article in articles)
        {
            var created = Assert.Single(revisions, r => r.ArticleId == article.Id);
            Assert.Equal((1, "Created", "Demo content", article.CreatedAt), (created.Version, created.Summary, created.UserName, created.At));
            Assert.Equal(article.Headline, ArticleSnapshot.Parse(created.Snapshot).Headline);
            Assert.True(article.CreatedAt < article.FirstPublishedAt, article.Slug);

            var entries = audit.Where(e => e.ArticleId == article.Id).OrderBy(e => e.At).ToList();
            var published = entries[0];
            Assert.Equal((AuditAction.Published, "Demo content", article.FirstPublishedAt), (published.Action, published.UserName, (DateTimeOffset?)published.At));
            Assert.Equal(article.Notes.Count + 1, entries.Count);
            foreach (var (note, entry) in article.Notes.OrderBy(n => n.At).Zip(entries.Skip(1)))
            {
                Assert.Equal(note.Kind == NoteKind.Correction ? AuditAction.Correction : AuditAction.Update, entry.Action);
                Assert.Equal((note.Text, note.At), (entry.Detail, entry.At));
                Assert.Equal(note.At, article.LastUpdatedAt);
            }
        }
    }

    [Fact]
    public async Task Seeding_again_does_nothing()
    {
        var app = await apps.On(DatabaseProvider.Sqlite);
        var before = await Query(app, db => db.Articles.CountAsync(Ct));
        var folders = Directory.GetDirectories(Path.Combine(app.DataPath, "media")).Length;

        await using var scope = app.Services.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoContent>().SeedAsync(Ct);

        Assert.False(seeded);
        Assert.Equal(before, await Query(app, db => db.Articles.CountAsync(Ct)));
        Assert.Equal(1, await Query(app, db => db.Publications.CountAsync(Ct)));
        Assert.Equal(folders, Directory.GetDirectories(Path.Combine(app.DataPath, "media")).Length);
    }
}

public class DemoSeedingSwitchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task With_seeding_off_the_site_starts_empty(DatabaseProvider provider)
    {
        await using var app = new BroadsheetApp(provider, seedDemoContent: false);
        _ = app.BaseAddress;

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        Assert.False(await db.Articles.AnyAsync(Ct));
        Assert.False(await db.Images.AnyAsync(Ct));
        Assert.False(await db.Set<AdCreative>().AnyAsync(Ct));
        var media = Path.Combine(app.DataPath, "media");
        Assert.Empty(Directory.Exists(media) ? Directory.GetDirectories(media).Where(d => Path.GetFileName(d) != ".staging") : []);
    }

    [Fact]
    public async Task A_failure_half_way_leaves_no_rows_and_no_files()
    {
        await using var app = new BroadsheetApp(DatabaseProvider.Sqlite, seedDemoContent: false);
        _ = app.BaseAddress;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        // A section already holding a demo path makes the section writer refuse the seed after every image is written.
        db.Sections.Add(new Section { Path = "sport", Name = "Sport" });
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();

        using var folder = new DemoFolderCopy();
        folder.ShrinkPictures();

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => scope.ServiceProvider.GetRequiredService<DemoContent>().SeedAsync(folder.Path, Ct));
        Assert.Contains("publication.json", refused.Message, StringComparison.Ordinal);

        Assert.False(await db.Articles.AnyAsync(Ct));
        Assert.False(await db.Publications.AnyAsync(Ct));
        Assert.False(await db.Images.AnyAsync(Ct));
        Assert.Equal(1, await db.Sections.CountAsync(Ct));
        var media = Path.Combine(app.DataPath, "media");
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(media, "*", SearchOption.AllDirectories), p => Path.GetFileName(p) != ".staging");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task An_article_the_writer_refuses_names_its_file_and_leaves_nothing_behind(DatabaseProvider provider)
    {
        await using var app = new BroadsheetApp(provider, seedDemoContent: false);
        _ = app.BaseAddress;
        using var folder = new DemoFolderCopy();
        folder.ShrinkPictures();
        // Articles are written after everything else, so this fails late: after images, sections and earlier articles.
        folder.Edit("articles/14-explainer-what-port.md", text => text.Replace("type: explainer", "type: explainer\nlanguage: not a language", StringComparison.Ordinal));
        await using var scope = app.Services.CreateAsyncScope();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => scope.ServiceProvider.GetRequiredService<DemoContent>().SeedAsync(folder.Path, Ct));

        Assert.Contains("14-explainer-what-port.md", error.Message, StringComparison.Ordinal);
        Assert.Contains("language: Language must be a BCP 47 language tag", error.Message, StringComparison.Ordinal);
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        Assert.False(await db.Articles.AnyAsync(Ct));
        Assert.False(await db.ArticleRevisions.AnyAsync(Ct));
        Assert.False(await db.AuditEntries.AnyAsync(Ct));
        Assert.False(await db.Publications.AnyAsync(Ct));
        Assert.False(await db.Sections.AnyAsync(Ct));
        Assert.False(await db.Images.AnyAsync(Ct));
        var media = Path.Combine(app.DataPath, "media");
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(media, "*", SearchOption.AllDirectories), p => Path.GetFileName(p) != ".staging");
    }
}
