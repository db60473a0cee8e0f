using System.Text.Json.Nodes;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Broadsheet.Feedback;
using Broadsheet.Newsroom.Articles;
using Broadsheet.Reader;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests.Feedback;

/// <summary>The Trust Project pieces that are pure logic: the sources block's rules, the form's source lines, the report token, the JSON-LD pieces.</summary>
public class TrustUnitTests
{
    [Fact]
    public void A_sources_block_needs_sources_each_with_a_title_and_a_web_address()
    {
        var errors = new ValidationErrors();
        Block[] body =
        [
            new SourcesBlock([]),
            new SourcesBlock([new SourceEntry("Port authority annual report", "https://port.example/report.pdf", "Table 3"), new SourceEntry(" ", "ftp://files.example/x", new string('n', 501))]),
        ];

        Assert.False(BodyRules.Validate(body, "body.blocks", errors));

        var found = errors.ToDictionary();
        Assert.Equal(["Sources 1 needs at least one source."], found["body.blocks[0].items"]);
        Assert.Equal(["The title of source 2 of sources 2 needs text."], found["body.blocks[1].items[1].title"]);
        Assert.Equal(["The link of source 2 of sources 2 must be an absolute http or https URL."], found["body.blocks[1].items[1].url"]);
        Assert.Equal(["The note of source 2 of sources 2 must be at most 500 characters."], found["body.blocks[1].items[1].note"]);
        Assert.DoesNotContain(found.Keys, k => k.StartsWith("body.blocks[1].items[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_forms_source_lines_find_the_address_so_a_title_may_hold_a_bar_and_round_trip()
    {
        var parsed = SourceLines.Parse("Budget | tables, 2026 | https://gov.example/budget | pages 4-6\n\n  Interview notes  \nLab study | https://lab.example/s1 ");

        Assert.Equal(
            [new SourceEntry("Budget | tables, 2026", "https://gov.example/budget", "pages 4-6"), new SourceEntry("Interview notes", ""), new SourceEntry("Lab study", "https://lab.example/s1")],
            parsed);
        Assert.Equal(parsed[0], SourceLines.Parse(SourceLines.Format([parsed[0]]))[0]);
    }

    [Fact]
    public void A_report_token_is_good_from_three_seconds_to_a_day_for_its_own_article_only()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        var tokens = new ReportTokens(new EphemeralDataProtectionProvider(), clock);
        var token = tokens.Issue(42);

        Assert.Equal(TokenCheck.TooFast, tokens.Check(token, 42));
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TokenCheck.Valid, tokens.Check(token, 42));
        Assert.Equal(TokenCheck.Invalid, tokens.Check(token, 43));
        Assert.Equal(TokenCheck.Invalid, tokens.Check(token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1], 42));
        Assert.Equal(TokenCheck.Invalid, tokens.Check(null, 42));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(TokenCheck.Expired, tokens.Check(token, 42));
        Assert.Equal(TokenCheck.Invalid, new ReportTokens(new EphemeralDataProtectionProvider(), clock).Check(tokens.Issue(42), 42));
    }

    [Theory]
    [InlineData("", null, "details")]
    [InlineData("The mayor's name is misspelt.", "not-an-address", "email")]
    [InlineData("The mayor's name is misspelt.", "Name <a@example.com>", "email")]
    public void A_report_needs_details_and_a_plain_email_address_or_none(string details, string? email, string field)
    {
        var errors = ErrorReports.Validate(new ErrorReportInput(1, details, email)).ToDictionary();
        Assert.Equal([field], errors.Keys);
        Assert.True(ErrorReports.Validate(new ErrorReportInput(1, "The date is wrong.", "reader@example.com")).IsEmpty);
    }

    [Fact]
    public void Json_ld_carries_the_type_sponsor_place_citations_and_corrections()
    {
        var at = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        var article = new Article
        {
            Slug = "s", Headline = "h", Type = ArticleType.Sponsored, Sponsor = "Harbour Bank", Dateline = "PENANG",
            Body = [new ParagraphBlock([new Inline("Text.")]), new SourcesBlock([new SourceEntry("Rates table", "https://bank.example/rates")])],
            Notes = [new ArticleNote { Kind = NoteKind.Update, Text = "Added figures.", At = at }, new ArticleNote { Kind = NoteKind.Correction, Text = "The rate is 3%, not 4%.", At = at }],
        };
        article.Section = new Section { Path = "business", Name = "Business" };

        var ld = JsonNode.Parse(ArticleJsonLd.NewsArticle(article, new ArticleJsonLd.Context("Paper", p => "https://paper.example" + p, null, null, [], 1, [])))!;

        Assert.Equal("AdvertiserContentArticle", ld["@type"]!.GetValue<string>());
        Assert.Equal("Harbour Bank", ld["sponsor"]!["name"]!.GetValue<string>());
        Assert.Equal("PENANG", ld["contentLocation"]!["name"]!.GetValue<string>());
        Assert.Equal("https://bank.example/rates", ld["citation"]![0]!["url"]!.GetValue<string>());
        var correction = Assert.Single(ld["correction"]!.AsArray())!;
        Assert.Equal("CorrectionComment", correction["@type"]!.GetValue<string>());
        Assert.Equal("The rate is 3%, not 4%.", correction["text"]!.GetValue<string>());
        Assert.Equal(at, DateTimeOffset.Parse(correction["datePublished"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("OpinionNewsArticle", TrustMarkup.SchemaType(ArticleType.Opinion));
        Assert.Equal("AnalysisNewsArticle", TrustMarkup.SchemaType(ArticleType.Analysis));
        Assert.Equal("ReportageNewsArticle", TrustMarkup.SchemaType(ArticleType.News));
        Assert.Equal("Sponsored by Harbour Bank", TrustMarkup.Label(article, Words.For("en")).Text);
        Assert.Equal("由Harbour Bank贊助", TrustMarkup.Label(article, Words.For("zh-Hant")).Text);
    }

    [Fact]
    public void The_publisher_names_only_the_policy_pages_that_exist()
    {
        var article = new Article { Slug = "s", Headline = "h", Section = new Section { Path = "news", Name = "News" } };
        var ld = JsonNode.Parse(ArticleJsonLd.NewsArticle(article, new ArticleJsonLd.Context(
            "Paper", p => "https://paper.example" + p, null, null, [], 1, [("corrections", "Corrections"), ("masthead", "Masthead"), ("contact", "Contact")])))!;
        var publisher = ld["publisher"]!.AsObject();

        Assert.Equal("https://paper.example/standards/corrections", publisher["correctionsPolicy"]!.GetValue<string>());
        Assert.Equal("https://paper.example/standards/masthead", publisher["masthead"]!.GetValue<string>());
        Assert.Equal(["@type", "name", "url", "publishingPrinciples", "correctionsPolicy", "masthead"], publisher.Select(p => p.Key));
    }
}
