using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Articles.Workflow;
using Broadsheet.Newsroom.Articles;

namespace Broadsheet.Tests.Newsroom;

public sealed class ArticlesUnitTests
{
    [Fact]
    public void Inline_markup_reads_bold_italic_and_links()
    {
        var runs = InlineText.Parse("Plain **bold** and *italic* with [a link](https://example.com/a).");
        Assert.Equal(
            [new Inline("Plain "), new Inline("bold", Bold: true), new Inline(" and "), new Inline("italic", Italic: true), new Inline(" with "), new Inline("a link", Href: "https://example.com/a"), new Inline(".")],
            runs);
    }

    [Theory]
    [InlineData("1990. The year it opened.")]
    [InlineData("# not a heading")]
    [InlineData("- not a bullet")]
    [InlineData("> not a quote")]
    [InlineData("Stars * and _underscores_ [brackets] <tags> & \\ backslashes")]
    public void Text_that_looks_like_block_markup_stays_text(string text)
    {
        var runs = InlineText.Parse(InlineText.Format([new Inline(text)]));
        Assert.Equal(text, PlainText.Of(runs));
        Assert.All(runs, r => Assert.False(r.Bold || r.Italic || r.Href is not null));
    }

    [Fact]
    public void Formatting_runs_as_markup_and_reading_them_back_gives_the_same_runs()
    {
        IReadOnlyList<Inline> runs =
        [
            new("Start "), new("bold *star*", Bold: true), new(" then "), new("both", Bold: true, Italic: true), new(" and "),
            new("a (tricky) link", Href: "https://en.example.org/wiki/Bay_(harbour)"), new(" end."),
        ];
        Assert.Equal(runs, InlineText.Parse(InlineText.Format(runs)));
        Assert.Empty(InlineText.Parse("   \n "));
    }

    [Fact]
    public void Block_commands_move_delete_and_add_blocks()
    {
        var form = new EditorForm { Blocks = [new() { Text = "a" }, new() { Text = "b" }, new() { Text = "c" }] };
        Assert.True(form.ApplyEditCommand("down:0"));
        Assert.Equal(["b", "a", "c"], form.Blocks.Select(b => b.Text));
        Assert.True(form.ApplyEditCommand("up:2"));
        Assert.Equal(["b", "c", "a"], form.Blocks.Select(b => b.Text));
        Assert.True(form.ApplyEditCommand("up:0"));
        Assert.True(form.ApplyEditCommand("delete:1"));
        Assert.True(form.ApplyEditCommand("delete:9"));
        Assert.True(form.ApplyEditCommand("add:divider"));
        Assert.True(form.ApplyEditCommand("add:script"));
        Assert.Equal(["paragraph", "paragraph", "divider"], form.Blocks.Select(b => b.Type));
        Assert.False(form.ApplyEditCommand("save"));
        Assert.True(form.ApplyEditCommand("add-byline"));
        Assert.Single(form.Byline);
    }

    [Theory]
    [InlineData("headline", "Form.Headline")]
    [InlineData("summary[2]", "Form.Summary")]
    [InlineData("byline[1].name", "Form.Byline[1].Name")]
    [InlineData("heroImage.id", "Form.HeroImageId")]
    [InlineData("heroImage.caption", "Form.HeroCaption")]
    [InlineData("body.blocks[3].content[0].href", "Form.Blocks[3].Text")]
    [InlineData("body.blocks[4].url", "Form.Blocks[4].Url")]
    [InlineData("body.blocks[5].items[1]", "Form.Blocks[5].Text")]
    [InlineData("body", "Form.Blocks")]
    [InlineData("mystery", "Form")]
    public void Writer_errors_point_at_the_form_field_that_holds_the_text(string apiField, string formField) =>
        Assert.Equal(formField, EditorForm.FieldFor(apiField));

    [Fact]
    public void The_form_round_trips_an_article_snapshot()
    {
        var snapshot = new ArticleSnapshot(
            "Headline", ["One", "Two"], "world/asia", ["Ports", "Trade"], [new("Ana Writer", "person"), new("Wire Agency", "agency")],
            "analysis", "en-GB", "SEOUL", "headline", Guid.NewGuid(), "Hero caption", null, "Hero alt",
            [
                new ParagraphBlock([new Inline("Hello "), new Inline("world", Bold: true)]), new HeadingBlock("Next", 3),
                new QuoteBlock([new Inline("Quoted")], "Someone", Pull: true), new ListBlock([[new Inline("first")], [new Inline("second", Italic: true)]], Ordered: true),
                new ImageBlock(Guid.NewGuid(), "Cap", "Cred", "Alt"), new EmbedBlock("https://video.example/1", "A video", "Video"), new DividerBlock(),
            ]);
        var form = EditorForm.From(snapshot, 7);
        Assert.Equal(7, form.Version);
        Assert.Equal(snapshot.ToJson(), form.ToSnapshot().ToJson());
        Assert.Equal(form.ToJson(), EditorForm.FromJson(form.ToJson())!.ToJson());
    }

    [Fact]
    public void Revision_diffs_mark_the_changed_words_and_leave_equal_fields_alone()
    {
        var left = Snapshot("Same headline", "The quick brown fox.");
        var right = Snapshot("Same headline", "The quick red fox.");
        var diff = RevisionDiff.Compare(left, right);
        Assert.False(diff.Single(d => d.Field == "Headline").Changed);
        var body = diff.Single(d => d.Field == "Body");
        var row = Assert.Single(body.Rows);
        Assert.Equal(DiffKind.Changed, row.Kind);
        Assert.Contains(row.Left!, w => w.Text == "brown" && w.Kind == DiffKind.Removed);
        Assert.Contains(row.Right!, w => w.Text == "red" && w.Kind == DiffKind.Added);
        Assert.DoesNotContain(row.Right!, w => w.Text == "quick " && w.Kind != DiffKind.Same);
    }

    [Theory]
    [InlineData(1200, 600, 0.9f, 0.25f, 16.0 / 9, 133, 0, 1200, 600)]
    [InlineData(1200, 600, 0.5f, 0.5f, 1.0, 300, 0, 900, 600)]
    [InlineData(1200, 600, 0.0f, 0.5f, 1.0, 0, 0, 600, 600)]
    [InlineData(600, 1200, 0.5f, 1.0f, 16.0 / 9, 0, 862, 600, 1200)]
    public void Card_crops_keep_the_focal_point_as_central_as_the_edges_allow(int width, int height, float x, float y, double aspect, int left, int top, int right, int bottom)
    {
        var crop = Broadsheet.Media.CardCrops.CropFor(width, height, x, y, aspect);
        Assert.Equal((left, top, right, bottom), (crop.Left, crop.Top, crop.Right, crop.Bottom));
    }

    [Fact]
    public void Times_are_typed_in_the_publications_zone_and_stored_as_utc()
    {
        var time = new PublicationTime(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        Assert.True(time.TryParse("2030-07-01T09:30", out var summer, out _));
        Assert.Equal(new DateTimeOffset(2030, 7, 1, 8, 30, 0, TimeSpan.Zero), summer);
        Assert.Equal("2030-07-01T09:30", time.ToInput(summer));
        Assert.False(time.TryParse("2030-03-31T01:30", out _, out var skipped));
        Assert.Contains("clocks skip", skipped, StringComparison.Ordinal);
        Assert.False(time.TryParse("tomorrow", out _, out var malformed));
        Assert.NotNull(malformed);
    }

    private static ArticleSnapshot Snapshot(string headline, string paragraph) => new(
        headline, [], "news", [], [], "news", "en", null, "slug", null, null, null, null, [new ParagraphBlock([new Inline(paragraph)])]);
}
