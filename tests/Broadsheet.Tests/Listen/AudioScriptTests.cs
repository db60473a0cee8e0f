using Broadsheet.Articles;
using Broadsheet.Listen;

namespace Broadsheet.Tests.Listen;

public class AudioScriptTests
{
    // A fictional article that uses every kind of block.
    private static Article Story(Action<Article>? change = null)
    {
        var article = new Article
        {
            Slug = "harbour-bridge-reopens",
            Headline = "Harbour bridge reopens after £12m repair",
            Language = "en-GB",
            Summary =
            [
                "The crossing was shut for 21 months",
                "Engineers say it will last until the 2080s",
            ],
            Body =
            [
                new ParagraphBlock([new Inline("The bridge reopened on "), new Inline("12 March 2024", Bold: true), new Inline(". Mr. Okafor cut the ribbon.")]),
                new ImageBlock(Guid.Parse("7d4f1c2e-0000-4000-8000-000000000001"), Caption: "The bridge at dawn", Credit: "Photo: City Archive", Alt: "A steel bridge"),
                new HeadingBlock("What changed"),
                new ListBlock([[new Inline("New steel cables")], [new Inline("A wider footpath")], [new Inline("LED lighting")]]),
                new QuoteBlock([new Inline("It is stronger than ever.")], Attribution: "Dr. Ada Okafor, chief engineer"),
                new QuoteBlock([new Inline("Stronger than ever")], Pull: true),
                new EmbedBlock("https://video.example.org/watch/123", Title: "Watch: the first cars cross", Provider: "ExampleTube"),
                new EmbedBlock("https://social.example.org/post/456"),
                new DividerBlock(),
                new ParagraphBlock([new Inline("Tolls rise to "), new Inline("$5.20", Href: "https://example.org/tolls"), new Inline(" in June.")]),
            ],
        };
        change?.Invoke(article);
        return article;
    }

    [Fact]
    public void Reads_headline_then_summary_then_body_in_page_order()
    {
        var script = AudioScript.Build(Story());

        Assert.Equal(
            [
                new PagePlace(PageRegion.Headline, 0, 0),
                new PagePlace(PageRegion.Summary, 0, 0),
                new PagePlace(PageRegion.Summary, 0, 1),
                new PagePlace(PageRegion.Body, 0, 0),
                new PagePlace(PageRegion.Body, 2, 0),
                new PagePlace(PageRegion.Body, 3, 0),
                new PagePlace(PageRegion.Body, 3, 1),
                new PagePlace(PageRegion.Body, 3, 2),
                new PagePlace(PageRegion.Body, 4, 0),
                new PagePlace(PageRegion.Body, 4, 0, PageField.Attribution),
                new PagePlace(PageRegion.Body, 6, 0, PageField.EmbedTitle),
                new PagePlace(PageRegion.Body, 9, 0),
            ],
            script.Parts.Select(p => p.Place));
        Assert.Equal(
            [
                "Harbour bridge reopens after twelve million pounds repair",
                "The crossing was shut for twenty-one months",
                "Engineers say it will last until the twenty eighties",
                "The bridge reopened on the twelfth of March twenty twenty-four. Mister Okafor cut the ribbon.",
                "What changed",
                "New steel cables",
                "A wider footpath",
                "LED lighting",
                "It is stronger than ever.",
                "Doctor Ada Okafor, chief engineer",
                "Watch: the first cars cross",
                "Tolls rise to five dollars and twenty cents in June.",
            ],
            script.Parts.Select(p => p.Spoken));
    }

    [Fact]
    public void Each_part_keeps_the_page_text_it_was_made_from()
    {
        var script = AudioScript.Build(Story());

        Assert.Equal("The bridge reopened on 12 March 2024. Mr. Okafor cut the ribbon.", script.Parts[3].Text);
        Assert.Equal("Dr. Ada Okafor, chief engineer", script.Parts[9].Text);
        Assert.Equal("Tolls rise to $5.20 in June.", script.Parts[11].Text);
    }

    [Fact]
    public void Never_reads_captions_credits_alt_text_pull_quotes_or_embed_addresses()
    {
        var spoken = string.Join('\n', AudioScript.Build(Story()).Parts.Select(p => p.Spoken));

        Assert.DoesNotContain("dawn", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("Archive", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("steel bridge", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("example", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("ExampleTube", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("Stronger than ever", spoken, StringComparison.Ordinal);
    }

    [Fact]
    public void Pauses_longer_after_parts_than_within_lists_and_longest_at_section_breaks()
    {
        var pauses = AudioScript.Build(Story()).Parts.Select(p => p.PauseAfterMs).ToList();

        Assert.Equal(
            [
                ScriptPauses.AfterHeadline, // headline
                ScriptPauses.ListItem, // summary point
                ScriptPauses.AfterHeadline, // last summary point
                ScriptPauses.SectionBreak, // paragraph before a heading
                ScriptPauses.Paragraph, // heading
                ScriptPauses.ListItem,
                ScriptPauses.ListItem,
                ScriptPauses.Paragraph, // last list item
                ScriptPauses.Sentence, // quote, before its attribution
                ScriptPauses.Paragraph, // attribution
                ScriptPauses.SectionBreak, // embed title before a divider
                0, // the end
            ],
            pauses);
    }

    [Fact]
    public void Splits_each_part_into_sentences_with_page_and_spoken_ranges()
    {
        var part = AudioScript.Build(Story()).Parts[3];

        Assert.Equal(
            ["The bridge reopened on 12 March 2024.", "Mr. Okafor cut the ribbon."],
            part.Sentences.Select(s => s.Original.Of(part.Text)));
        Assert.Equal(
            ["The bridge reopened on the twelfth of March twenty twenty-four.", "Mister Okafor cut the ribbon."],
            part.Sentences.Select(s => s.Spoken.Of(part.Spoken)));
        Assert.Equal([ScriptPauses.Sentence, 0], part.Sentences.Select(s => s.PauseAfterMs));
        var second = part.Spoken.IndexOf("Okafor", StringComparison.Ordinal);
        Assert.Equal(part.Sentences[1], part.SentenceAt(second));
    }

    [Fact]
    public void Maps_an_engine_word_mark_back_to_the_word_on_the_page()
    {
        var script = AudioScript.Build(Story());
        var part = script.Parts[3];

        var march = script.Locate(3, part.Spoken.IndexOf("March", StringComparison.Ordinal));
        var mister = script.Locate(3, part.Spoken.IndexOf("Mister", StringComparison.Ordinal));
        var ribbon = script.Locate(3, part.Spoken.IndexOf("ribbon", StringComparison.Ordinal) + 2);
        var cents = script.Locate(11, script.Parts[11].Spoken.IndexOf("cents", StringComparison.Ordinal));

        Assert.Equal(new PagePlace(PageRegion.Body, 0, 0), march.Place);
        Assert.Equal("12 March 2024", march.Range.Of(part.Text));
        Assert.Equal("Mr.", mister.Range.Of(part.Text));
        Assert.Equal("ribbon", ribbon.Range.Of(part.Text));
        Assert.Equal(new PagePlace(PageRegion.Body, 9, 0), cents.Place);
        Assert.Equal("$5.20", cents.Range.Of(script.Parts[11].Text));
    }

    [Fact]
    public void Maps_a_word_mark_with_a_length_to_the_page_range_it_covers()
    {
        var part = AudioScript.Build(Story()).Parts[0];
        var start = part.Spoken.IndexOf("twelve", StringComparison.Ordinal);

        var location = part.Locate(start, "twelve million pounds".Length);

        Assert.Equal("£12m", location.Range.Of(part.Text));
        Assert.Equal("bridge", part.Locate(part.Spoken.IndexOf("bridge", StringComparison.Ordinal), 6).Range.Of(part.Text));
    }

    [Fact]
    public void Reads_other_languages_unchanged_with_an_identity_map()
    {
        var script = AudioScript.Build("Le pont rouvre après 12 mois", ["Coût : 12 M€"], [new ParagraphBlock([new Inline("M. Dupont a coupé le ruban. C'est fini.")])], "fr-FR");

        Assert.Equal(["Le pont rouvre après 12 mois", "Coût : 12 M€", "M. Dupont a coupé le ruban. C'est fini."], script.Parts.Select(p => p.Spoken));
        var body = script.Parts[2];
        Assert.Equal("ruban", body.Locate(body.Spoken.IndexOf("ruban", StringComparison.Ordinal)).Range.Of(body.Text));
        Assert.Equal(2, body.Sentences.Count);
        Assert.Equal("fr-fr", script.Language);
    }

    [Fact]
    public void Skips_blocks_with_nothing_to_say()
    {
        var script = AudioScript.Build("Headline", ["  "], [new ParagraphBlock([new Inline("   ")]), new HeadingBlock(""), new ListBlock([])], "en");

        Assert.Single(script.Parts);
        Assert.Equal(0, script.Parts[0].PauseAfterMs);
    }

    [Fact]
    public void Fingerprint_is_stable_for_the_same_article()
    {
        var first = AudioScript.Build(Story());
        var second = AudioScript.Build(Story());

        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", first.Fingerprint);
        Assert.StartsWith($"broadsheet-audio-script/{AudioScript.Version}\nen-gb\n", first.CanonicalText, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<Article>> SpokenChanges => new()
    {
        { "headline", a => a.Headline = "Harbour bridge reopens after £13m repair" },
        { "summary point", a => a.Summary[1] = "Engineers say it will last until the 2090s" },
        { "summary point removed", a => a.Summary.RemoveAt(0) },
        { "paragraph", a => a.Body[0] = new ParagraphBlock([new Inline("The bridge reopened on 13 March 2024. Mr. Okafor cut the ribbon.")]) },
        { "list item", a => a.Body[3] = new ListBlock([[new Inline("New steel cables")], [new Inline("A wider footpath")]]) },
        { "attribution", a => a.Body[4] = new QuoteBlock([new Inline("It is stronger than ever.")], Attribution: "Ada Okafor") },
        { "embed title", a => a.Body[6] = new EmbedBlock("https://video.example.org/watch/123", Title: "Watch: the first lorries cross") },
        { "divider removed, so a shorter pause", a => a.Body.RemoveAt(8) },
        { "language", a => a.Language = "en-US" },
    };

    [Theory]
    [MemberData(nameof(SpokenChanges))]
    public void Fingerprint_changes_when_what_is_heard_changes(string what, Action<Article> change)
    {
        var (before, after) = (AudioScript.Build(Story()).Fingerprint, AudioScript.Build(Story(change)).Fingerprint);

        Assert.True(before != after, $"changing the {what} should change the fingerprint");
    }

    public static TheoryData<string, Action<Article>> SilentChanges => new()
    {
        { "image caption", a => a.Body[1] = new ImageBlock(Guid.Parse("7d4f1c2e-0000-4000-8000-000000000001"), Caption: "The bridge at dusk") },
        { "image added", a => a.Body.Insert(1, new ImageBlock(Guid.NewGuid(), Caption: "Cars queue")) },
        { "hero caption and credit", a => (a.HeroCaption, a.HeroCredit) = ("Opening day", "Photo: Pool") },
        { "pull quote", a => a.Body[5] = new QuoteBlock([new Inline("Stronger")], Pull: true) },
        { "embed address and provider", a => a.Body[6] = new EmbedBlock("https://other.example.net/v/9", Title: "Watch: the first cars cross", Provider: "Other") },
        { "untitled embed removed", a => a.Body.RemoveAt(7) },
        { "bold and links", a => a.Body[0] = new ParagraphBlock([new Inline("The bridge reopened on 12 March 2024. Mr. Okafor cut the ribbon.", Italic: true, Href: "https://example.org")]) },
        { "spelling that reads the same", a => a.Body[0] = new ParagraphBlock([new Inline("The bridge reopened on 12 March 2024. Mr Okafor  cut the ribbon.")]) },
        { "slug, byline and status", a => (a.Slug, a.Status, a.Dateline) = ("bridge", ArticleStatus.Published, "LONDON") },
    };

    [Theory]
    [MemberData(nameof(SilentChanges))]
    public void Fingerprint_ignores_changes_nobody_hears(string what, Action<Article> change)
    {
        var (before, after) = (AudioScript.Build(Story()).Fingerprint, AudioScript.Build(Story(change)).Fingerprint);

        Assert.True(before == after, $"changing the {what} should not change the fingerprint");
    }
}
