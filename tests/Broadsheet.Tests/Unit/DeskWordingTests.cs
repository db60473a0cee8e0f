using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Articles.Workflow;
using Broadsheet.Data;
using Broadsheet.Newsroom.Accounts;
using Broadsheet.Newsroom.Articles;

namespace Broadsheet.Tests.Unit;

/// <summary>The newsroom's wording: messages that name their field, times to the second in the publication's zone, the history's order.</summary>
public sealed class DeskWordingTests
{
    [Theory]
    [InlineData("Headline", "Required.", "Headline is required.")]
    [InlineData("Summary point 2", "Must not be empty.", "Summary point 2 must not be empty.")]
    [InlineData("Paragraph 3", "Needs text.", "Paragraph 3 needs text.")]
    [InlineData("Topic 2", "Listed twice.", "Topic 2 is listed twice.")]
    [InlineData("Section", "No section with path 'x'.", "No section with path 'x'.")]
    [InlineData(null, "Required.", "Required.")]
    public void A_message_names_its_field(string? label, string message, string named) =>
        Assert.Equal(named, FieldMessage.Named(label, message));

    [Theory]
    [InlineData("headline", "Headline")]
    [InlineData("summary", "The summary")]
    [InlineData("summary[2]", "Summary point 3")]
    [InlineData("topics[0]", "Topic 1")]
    [InlineData("byline[1].name", "Contributor 2's name")]
    [InlineData("heroImage.alt", "Hero image alt text")]
    [InlineData("slug", "URL slug")]
    [InlineData("body.blocks[2].content", null)]
    [InlineData("nonsense[", null)]
    public void Each_article_field_has_the_name_the_form_gives_it(string key, string? label) =>
        Assert.Equal(label, ArticleWriter.FieldLabel(key));

    [Fact]
    public void Body_rules_name_each_block_by_its_kind_and_place()
    {
        var errors = new ValidationErrors();
        Block?[] blocks =
        [
            new ParagraphBlock([new Inline("Fine.")]),
            new HeadingBlock("", 9),
            new ParagraphBlock([]),
            new ListBlock([[new Inline("one")], []], false),
            new EmbedBlock("javascript:alert(1)", null, null),
        ];

        Assert.False(BodyRules.Validate(blocks, "body.blocks", errors));

        var all = errors.ToDictionary();
        Assert.Equal(["Heading 2 needs text."], all["body.blocks[1].text"]);
        Assert.Equal(["Heading 2 must be level 2, 3 or 4."], all["body.blocks[1].level"]);
        Assert.Equal(["Paragraph 3 needs text."], all["body.blocks[2].content"]);
        Assert.Equal(["Item 2 of list 4 needs text."], all["body.blocks[3].items[1]"]);
        Assert.Equal(["The link of embed 5 must be an absolute http or https URL."], all["body.blocks[4].url"]);
    }

    [Fact]
    public void Times_read_to_the_second_in_the_publications_zone_and_say_which()
    {
        var hongKong = PublicationTime.Of(new Publication { Name = "P", BaseUrl = "https://p.example", TimeZone = "Asia/Hong_Kong" });
        var at = new DateTimeOffset(2026, 12, 6, 15, 4, 32, TimeSpan.Zero);
        Assert.Equal("6 Dec 2026, 23:04:32 Asia/Hong_Kong", hongKong.Format(at));
        Assert.Equal("6 Dec 2026, 15:04:32 UTC", PublicationTime.Of(null).Format(at));
    }

    [Fact]
    public void The_history_merges_saves_and_decisions_newest_first_a_decision_above_the_save_it_followed()
    {
        var time = PublicationTime.Of(null);
        var t0 = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
        ArticleRevision Revision(long id, int seconds, string summary) =>
            new() { Id = id, ArticleId = 1, Version = (int)id, At = t0.AddSeconds(seconds), UserName = "Wen", Summary = summary, Snapshot = "" };
        AuditEntry Audit(long id, int seconds, AuditAction action, string? detail = null) =>
            new() { Id = id, ArticleId = 1, At = t0.AddSeconds(seconds), Action = action, Headline = "H", UserName = "Ed", Detail = detail };

        var history = ArticleHistory.Merge(
            [Revision(1, 0, "Created"), Revision(2, 5, "Saved")],
            [Audit(1, 5, AuditAction.Submitted), Audit(2, 9, AuditAction.Scheduled, "For 2026-12-07T01:30:00.0000000+00:00"), Audit(3, 12, AuditAction.Correction, "Fixed.")],
            time);

        Assert.Equal(["Correction added", "Scheduled", "Submitted for review", "Saved", "Created"], history.Select(h => h.What));
        Assert.Equal("For 7 Dec 2026, 01:30:00 UTC", history[1].Detail);
        Assert.Equal("Fixed.", history[0].Detail);
        Assert.Equal([null, null, null, 2L, 1L], history.Select(h => h.Revision?.Id));
    }

    [Fact]
    public void The_writers_own_name_comes_first_among_byline_suggestions()
    {
        Assert.Equal(["wen li", "Ada Byron", "Zed"], BylineSuggestions.Order(["Ada Byron", "wen li", "Zed"], "Wen Li"));
        Assert.Equal(["New Person", "Ada Byron"], BylineSuggestions.Order(["Ada Byron"], "New Person"));
    }

    [Fact]
    public void The_reset_email_carries_the_link_and_says_how_long_it_works()
    {
        var text = PasswordMail.Text("Wen", "https://news.example/newsroom/signin/reset-password?user=u&token=t");
        Assert.Contains("\nhttps://news.example/newsroom/signin/reset-password?user=u&token=t\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"works once, for {PasswordLinks.Lifetime.TotalDays:0} days", text, StringComparison.Ordinal);
    }
}
