using System.Net;
using Broadsheet.Articles;
using Broadsheet.Articles.Workflow;
using Broadsheet.Newsroom.Articles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Tests.Unit;

public class PublishChecklistTests
{
    private static readonly Guid Hero = Guid.NewGuid();

    private static ArticleSnapshot Ready(Func<ArticleSnapshot, ArticleSnapshot>? change = null)
    {
        var ready = new ArticleSnapshot(
            "Night ferry returns to the harbour after ten years", ["The night ferry runs again from June."], "harbour", [],
            [new SnapshotContributor("Blake Blocks", "person")], "news", "en", null, "night-ferry", Hero, null, null, null,
            [new ParagraphBlock([new Inline("See the "), new Inline("timetable", Href: "https://example.org/t")])]);
        return change is null ? ready : change(ready);
    }

    private static CheckItem Item(IReadOnlyList<CheckItem> items, string key) => items.Single(i => i.Key == key);

    [Fact]
    public void A_complete_article_passes_every_check()
    {
        var items = PublishChecklist.Check(Ready(), "Gulls over the terminal", []);
        Assert.True(PublishChecklist.AllPassed(items));
        Assert.Equal(["byline", "summary", "section", "picture", "headline", "links"], items.Select(i => i.Key));
    }

    [Fact]
    public void Each_missing_piece_is_a_warning_naming_its_field()
    {
        var items = PublishChecklist.Check(Ready(a => a with { Byline = [], Summary = [], Section = "", HeroImageId = null, Headline = "Ferry" }), null, ["https://example.org/t"]);
        Assert.False(PublishChecklist.AllPassed(items));
        Assert.All(items, i => Assert.False(i.Passed));
        Assert.Equal("byline", Item(items, "byline").Field);
        Assert.Equal("heroImage.id", Item(items, "picture").Field);
        Assert.Contains("there is no hero picture", Item(items, "picture").Message, StringComparison.Ordinal);
        Assert.Contains("5 characters", Item(items, "headline").Message, StringComparison.Ordinal);
        Assert.Contains("https://example.org/t does not answer", Item(items, "links").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_picture_needs_alt_text_from_the_article_or_the_library()
    {
        Assert.False(Item(PublishChecklist.Check(Ready(), null, []), "picture").Passed);
        Assert.Equal("heroImage.alt", Item(PublishChecklist.Check(Ready(), "  ", []), "picture").Field);
        Assert.True(Item(PublishChecklist.Check(Ready(a => a with { HeroAlt = "Gulls" }), null, []), "picture").Passed);
    }

    [Theory]
    [InlineData(19, false)]
    [InlineData(20, true)]
    [InlineData(110, true)]
    [InlineData(111, false)]
    public void Headlines_between_20_and_110_characters_pass(int length, bool passes) =>
        Assert.Equal(passes, Item(PublishChecklist.Check(Ready(a => a with { Headline = new string('a', length) }), "alt", []), "headline").Passed);

    [Fact]
    public void Links_are_web_links_from_runs_quotes_lists_and_embeds_each_once()
    {
        var links = PublishChecklist.Links([
            new ParagraphBlock([new Inline("a", Href: "https://a.example/"), new Inline("mail", Href: "mailto:desk@example.org")]),
            new QuoteBlock([new Inline("b", Href: "https://b.example/")]),
            new ListBlock([[new Inline("a again", Href: "https://a.example/")], [new Inline("c", Href: "http://c.example/")]]),
            new EmbedBlock("https://video.example/v/1"),
            new HeadingBlock("No links here"),
        ]);
        Assert.Equal(["https://a.example/", "https://b.example/", "http://c.example/", "https://video.example/v/1"], links);
    }

    [Fact]
    public void The_block_editors_json_becomes_the_forms_blocks()
    {
        var form = new EditorForm
        {
            BodyJson = """[{"type":"heading","text":"Tides","level":3},{"type":"paragraph","content":[{"text":"Six ","bold":false},{"text":"sharp","bold":true}]},{"type":"image","imageId":"00000000-0000-0000-0000-000000000000","caption":null,"credit":null,"alt":null},{"type":"divider"}]""",
        };
        Assert.True(form.AbsorbBodyJson());
        Assert.Null(form.BodyJson);
        Assert.Equal(["heading", "paragraph", "image", "divider"], form.Blocks.Select(b => b.Type));
        Assert.Equal("Six **sharp**", form.Blocks[1].Text);
        Assert.Equal(3, form.Blocks[0].Level);

        var broken = new EditorForm { Blocks = [new BlockRow { Text = "kept" }], BodyJson = "[{\"type\":\"nonsense\"}]" };
        Assert.False(broken.AbsorbBodyJson());
        Assert.Equal("kept", Assert.Single(broken.Blocks).Text);
    }
}

/// <summary>The link checker against a local HTTP server: never the internet.</summary>
public sealed class LinkCheckerTests : IAsyncLifetime
{
    private WebApplication? server;
    private string address = "";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        server = builder.Build();
        server.MapMethods("/ok", ["HEAD", "GET"], () => Results.Ok());
        server.MapGet("/get-only", () => Results.Ok());
        server.MapMethods("/get-only", ["HEAD"], () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        server.MapMethods("/paywall", ["HEAD", "GET"], () => Results.StatusCode(StatusCodes.Status403Forbidden));
        server.MapMethods("/gone", ["HEAD", "GET"], () => Results.StatusCode(StatusCodes.Status410Gone));
        server.MapMethods("/broken", ["HEAD", "GET"], () => Results.StatusCode(StatusCodes.Status502BadGateway));
        server.MapMethods("/slow", ["HEAD", "GET"], async (CancellationToken ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return Results.Ok();
        });
        await server.StartAsync();
        address = server.Urls.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Links_that_are_missing_broken_slow_or_unreachable_do_not_answer()
    {
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var clients = services.GetRequiredService<IHttpClientFactory>();
        var ct = TestContext.Current.CancellationToken;
        // Generous for the answers (a loaded machine answers slowly at first), short for the link that never answers.
        var checker = new LinkChecker(clients, TimeProvider.System) { Wait = TimeSpan.FromSeconds(20) };
        var links = new[] { "/ok", "/get-only", "/paywall", "/missing", "/gone", "/broken" }.Select(p => address + p).Append("http://127.0.0.1:1/closed").ToList();
        Assert.Equal(new[] { "/missing", "/gone", "/broken" }.Select(p => address + p).Append("http://127.0.0.1:1/closed"), await checker.DeadAsync(links, ct));
        var impatient = new LinkChecker(clients, TimeProvider.System) { Wait = TimeSpan.FromMilliseconds(300) };
        Assert.Equal([address + "/slow"], await impatient.DeadAsync([address + "/slow"], ct));
    }
}
