using System.Globalization;
using System.Text;
using Broadsheet.Ingest;
using Broadsheet.Ingest.Formats;

namespace Broadsheet.Tests.Ingest.Formats;

/// <summary>Each format's fields, read from the hand-written samples into a <see cref="WireItem"/>.</summary>
public class FormatMappingTests
{
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static WireParse Parse(string text, string? contentType = null) => WireFormats.Parse(Encoding.UTF8.GetBytes(text), contentType);

    private static WireItem Read(WireParse parse, string itemId) =>
        parse.Items.Single(i => i.ItemId == itemId).Item ?? throw new Xunit.Sdk.XunitException($"{itemId} refused: {parse.Items.Single(i => i.ItemId == itemId).Reason}");

    [Fact]
    public void NewsML_G2_news_item_maps_every_field()
    {
        var parse = Parse(WireSamples.G2Message, "application/json");

        Assert.Equal(WireFormat.NewsMLG2, parse.Format);
        Assert.Null(parse.Refusal);
        var item = Read(parse, "urn:newsml:example.org:20260302:harbour");
        Assert.Equal(3, item.Version);
        Assert.Equal(WirePubStatus.Usable, item.PubStatus);
        Assert.True(item.IsCorrection);
        Assert.Equal("Harbour tolls rise for the first time in a decade", item.Headline);
        Assert.Equal("HARBOUR-TOLLS", item.Slugline);
        Assert.Equal("The port authority raises its tolls by 4 per cent.", item.Summary);
        Assert.Equal("<p>The port authority said on <b>Monday</b> that tolls rise.</p><p>Shippers object.</p>", item.BodyHtml);
        Assert.Equal("PORTSMOUTH, March 2", item.Dateline);
        Assert.Equal(["Ada Quill", "Ben Marsh"], item.Byline);
        Assert.Equal("Example Agency", item.Credit);
        Assert.Equal("en-GB", item.Language);
        Assert.Equal([new WireSubject("medtop:20000379", "monetary policy"), new WireSubject("medtop:04000000", "economy")], item.Subjects);
        Assert.Equal(3, item.Urgency);
        Assert.Equal(At("2026-03-02T12:00:00Z"), item.Embargoed);
        Assert.Equal(At("2026-03-01T17:10:00Z"), item.FirstCreated);
        Assert.Equal(At("2026-03-02T08:55:00Z"), item.VersionCreated);
        Assert.Equal(new Uri("https://agency.example.org/harbour"), item.Link);
        Assert.Empty(item.Pictures);
    }

    [Fact]
    public void NewsML_G2_package_resolves_its_text_and_pictures_in_the_message_or_by_href()
    {
        var parse = Parse(WireSamples.G2Message);

        // The package's text and picture items are read as part of it, not once more on their own.
        Assert.DoesNotContain(parse.Items, i => i.ItemId is "urn:newsml:example.org:20260302:gale-text" or "urn:newsml:example.org:20260302:gale-photo");
        var story = Read(parse, "urn:newsml:example.org:20260302:gale-pkg");
        Assert.Equal(2, story.Version);
        Assert.Equal("Gale closes the coast road", story.Headline);
        Assert.Equal("<p>The road is shut until the wind drops.</p>", story.BodyHtml);
        Assert.Equal("Police close the road as the gale peaks.", story.Summary);
        Assert.Equal(["Cal Reed"], story.Byline);
        Assert.Collection(story.Pictures,
            inMessage =>
            {
                Assert.Equal("urn:newsml:example.org:20260302:gale-photo", inMessage.PictureId);
                Assert.Equal(new Uri("https://pictures.example.org/gale-large.jpg"), inMessage.Href);
                Assert.Equal("image/jpeg", inMessage.ContentType);
                Assert.Equal("A police car blocks the coast road.", inMessage.Caption);
                Assert.Equal("Dee Lens/Example Agency", inMessage.Credit);
                Assert.Equal("Police car across a wet road", inMessage.Alt);
            },
            byHref =>
            {
                Assert.Equal("urn:newsml:example.org:20260302:gale-photo-2", byHref.PictureId);
                Assert.Equal(new Uri("https://pictures.example.org/gale-2.jpg"), byHref.Href);
                Assert.Equal("Waves break over the sea wall at dawn.", byHref.Caption);
                Assert.Equal("Waves break over the sea wall at dawn.", byHref.Alt);
            });
    }

    [Fact]
    public void NewsML_G2_kill_withheld_and_remote_text()
    {
        var parse = Parse(WireSamples.G2Message);

        var kill = Read(parse, "urn:newsml:example.org:20260301:ferry");
        Assert.Equal(WirePubStatus.Canceled, kill.PubStatus);
        Assert.Equal(4, kill.Version);
        var remote = Read(parse, "urn:newsml:example.org:20260302:remote");
        Assert.Equal(WirePubStatus.Withheld, remote.PubStatus);
        Assert.Null(remote.BodyHtml);
        Assert.Equal(new Uri("https://agency.example.org/texts/budget.xml"), remote.RemoteBody);
        Assert.Equal(4, parse.Items.Count);
    }

    [Fact]
    public void NewsML_G2_item_without_headline_or_body_is_refused_with_its_guid()
    {
        const string noHeadline = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g1" version="2"><contentSet><inlineData contenttype="text/plain">Text</inlineData></contentSet></newsItem>""";
        const string noBody = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g2"><contentMeta><slugline>SLUG</slugline></contentMeta></newsItem>""";
        const string plain = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g3\"><contentMeta><slugline>SLUG</slugline></contentMeta>"
            + "<contentSet><inlineData contenttype=\"text/plain\">One &amp; two\n\nThree</inlineData></contentSet></newsItem>";

        var refused = Assert.Single(Parse(noHeadline).Items);
        Assert.Equal(("g1", 2), (refused.ItemId, refused.Version));
        Assert.Equal("no headline: the item has neither <headline> nor <slugline>", refused.Reason);
        Assert.StartsWith("no body text:", Assert.Single(Parse(noBody).Items).Reason);
        var slugOnly = Assert.Single(Parse(plain).Items).Item!;
        Assert.Equal("SLUG", slugOnly.Headline);
        Assert.Equal("<p>One &amp; two</p><p>Three</p>", slugOnly.BodyHtml);
    }

    [Fact]
    public void Ninjs_1_maps_lower_case_fields_and_named_associations()
    {
        var parse = Parse(WireSamples.Ninjs1, "text/plain");

        Assert.Equal(WireFormat.Ninjs, parse.Format);
        var item = Read(parse, "http://agency.example.org/items/2026-mill");
        Assert.Equal(5, item.Version);
        Assert.Equal("Old mill reopens as a bakery", item.Headline);
        Assert.Equal("MILL", item.Slugline);
        Assert.Equal("Bread again, after forty years.", item.Summary);
        Assert.Equal("<p>The mill turns again.</p>", item.BodyHtml);
        Assert.Equal("MILLBROOK", item.Dateline);
        Assert.Equal(["Ann Baker", "Rob Miller"], item.Byline);
        Assert.Equal("Example Agency", item.Credit);
        Assert.Equal("en", item.Language);
        Assert.Equal(2, item.Urgency);
        Assert.Equal([new WireSubject("medtop:04000000", "economy")], item.Subjects);
        Assert.Equal(At("2026-02-01T12:00:00Z"), item.Embargoed);
        Assert.Equal(At("2026-01-31T08:00:00Z"), item.FirstCreated);
        Assert.Equal(At("2026-02-01T10:00:00Z"), item.VersionCreated);
        var picture = Assert.Single(item.Pictures);
        Assert.Equal("http://agency.example.org/pictures/mill", picture.PictureId);
        Assert.Equal(new Uri("https://cdn.example.org/mill-large.jpg"), picture.Href);
        Assert.Equal("image/jpeg", picture.ContentType);
        Assert.Equal("The wheel of the old mill.", picture.Caption);
        Assert.Equal("Pat Snap", picture.Credit);
    }

    [Fact]
    public void Ninjs_3_list_maps_camel_case_arrays_and_refuses_what_is_no_story()
    {
        var parse = Parse(WireSamples.Ninjs3List);

        Assert.Equal(4, parse.Items.Count);
        var item = Read(parse, "urn:agency.example.org:2026:tram");
        Assert.Equal(2, item.Version);
        Assert.Equal("Tram line extended", item.Headline);
        Assert.Equal("Two new stops by summer.", item.Summary);
        Assert.Equal("<p>The tram runs further.</p>", item.BodyHtml);
        Assert.Equal(["Uta Schiene"], item.Byline);
        Assert.True(item.IsCorrection);
        Assert.Equal("de", item.Language);
        Assert.Equal(4, item.Urgency);
        Assert.Equal(new DateTimeOffset(2026, 4, 10, 9, 30, 0, TimeSpan.FromHours(2)), item.VersionCreated);
        Assert.Equal([new WireSubject("http://cv.iptc.org/newscodes/mediatopic/20000446", "public transport")], item.Subjects);
        var picture = Assert.Single(item.Pictures);
        Assert.Equal((new Uri("https://cdn.example.org/tram.jpg"), "The new stop at the depot.", "A tram at a stop", "Eva Bild"), (picture.Href, picture.Caption, picture.Alt, picture.Credit));

        var kill = Read(parse, "urn:agency.example.org:2026:old");
        Assert.Equal((WirePubStatus.Canceled, 7), (kill.PubStatus, kill.Version));
        Assert.Contains("not a story: a picture item (item 3 of the array)", parse.Items[2].Reason);
        Assert.Contains("element 4 of the array is a JSON number", parse.Items[3].Reason);
    }

    [Fact]
    public void Ninjs_2_headline_body_text_and_unknown_status()
    {
        const string json = """{"uri":"u1","version":3,"headline":"Plain","body_text":"First.\nSecond.","pubstatus":"commissioned"}""";
        const string usable = """{"uri":"u1","version":3,"headline":"Plain","body_text":"First.\nSecond < third."}""";

        Assert.Equal("unknown status: pubstatus \"commissioned\" is none of usable, withheld, canceled", Assert.Single(Parse(json).Items).Reason);
        var item = Assert.Single(Parse(usable).Items).Item!;
        Assert.Equal(3, item.Version);
        Assert.Equal("<p>First.</p><p>Second &lt; third.</p>", item.BodyHtml);
    }

    [Fact]
    public void Nitf_maps_docdata_and_body()
    {
        var parse = Parse(WireSamples.Nitf);

        Assert.Equal(WireFormat.Nitf, parse.Format);
        var item = Read(parse, "EXA-2026-0117-LIB");
        Assert.Equal(3, item.Version);
        Assert.Equal(WirePubStatus.Usable, item.PubStatus);
        Assert.True(item.IsCorrection);
        Assert.Equal("Library opens on Sundays", item.Headline);
        Assert.Equal("LIBRARY", item.Slugline);
        Assert.Equal("Sunday opening from next week.", item.Summary);
        Assert.Equal("<p>The central library opens on Sundays.</p><p>It is a trial.</p>", item.BodyHtml);
        Assert.Equal("LEEDS, Jan. 17", item.Dateline);
        Assert.Equal(["Ivy Page"], item.Byline);
        Assert.Equal("Example Agency", item.Credit);
        Assert.Equal("en-US", item.Language);
        Assert.Equal(5, item.Urgency);
        Assert.Equal([new WireSubject("01000000", "arts, culture and entertainment")], item.Subjects);
        Assert.Equal(new DateTimeOffset(2026, 1, 17, 14, 0, 0, TimeSpan.FromHours(1)), item.Embargoed);
        Assert.Equal(new DateTimeOffset(2026, 1, 17, 8, 30, 0, TimeSpan.Zero), item.VersionCreated);
        var picture = Assert.Single(item.Pictures);
        Assert.Equal((new Uri("https://pictures.example.org/library.jpg"), "The reading room.", "Lu Shutter", "Reading room"), (picture.Href, picture.Caption, picture.Credit, picture.Alt));
    }

    [Fact]
    public void Nitf_management_status_canceled_and_withheld()
    {
        static string Doc(string status) =>
            $"""<nitf><head><docdata management-status="{status}"><doc-id id-string="D1"/><du-key version="2"/></docdata></head><body><body.head><hedline><hl1>H</hl1></hedline></body.head></body></nitf>""";

        Assert.Equal(WirePubStatus.Canceled, Assert.Single(Parse(Doc("canceled")).Items).Item!.PubStatus);
        var withheld = Assert.Single(Parse(Doc("withheld")).Items);
        Assert.StartsWith("no body text", withheld.Reason);
        Assert.Equal(("D1", 2), (withheld.ItemId, withheld.Version));
        Assert.StartsWith("no guid: the NITF document has no <doc-id", Assert.Single(Parse("<nitf><body/></nitf>").Items).Reason);
    }

    [Fact]
    public void NewsML_1_maps_identification_management_and_components()
    {
        var parse = Parse(WireSamples.NewsMl1);

        Assert.Equal(WireFormat.NewsML1, parse.Format);
        var item = Read(parse, "urn:newsml:example.org:20260220:BRIDGE");
        Assert.Equal(2, item.Version);
        Assert.Equal(WirePubStatus.Usable, item.PubStatus);
        Assert.Equal(At("2026-02-20T12:00:00Z"), item.Embargoed);
        Assert.True(item.IsCorrection);
        Assert.Equal("Bridge reopens after repairs", item.Headline);
        Assert.Equal("BRIDGE-REOPENS", item.Slugline);
        Assert.Equal("Traffic flows again", item.Summary);
        Assert.Equal("<p>The bridge is open.</p>", item.BodyHtml);
        Assert.Equal("YORK, Feb 20", item.Dateline);
        Assert.Equal(["Kit Mason"], item.Byline);
        Assert.Equal("Example Agency", item.Credit);
        Assert.Equal("en", item.Language);
        Assert.Equal(2, item.Urgency);
        Assert.Equal([new WireSubject("11000000", "politics")], item.Subjects);
        Assert.Equal(At("2026-02-20T09:00:00Z"), item.FirstCreated);
        Assert.Equal(At("2026-02-20T10:10:00Z"), item.VersionCreated);
        var picture = Assert.Single(item.Pictures);
        Assert.Equal((new Uri("https://pictures.example.org/bridge.jpg"), "The bridge at dusk", "Example Agency/Jo Frame", "image/jpeg"), (picture.Href, picture.Caption, picture.Credit, picture.ContentType));
    }

    [Fact]
    public void NewsML_1_canceled_status()
    {
        var kill = WireSamples.NewsMl1.Replace("<Status FormalName=\"Embargoed\"/>", "<Status FormalName=\"Canceled\"/>", StringComparison.Ordinal);
        Assert.Equal(WirePubStatus.Canceled, Assert.Single(Parse(kill).Items).Item!.PubStatus);
    }

    [Fact]
    public void Rss_maps_items_with_content_enclosures_and_media()
    {
        var parse = Parse(WireSamples.Rss);

        Assert.Equal(WireFormat.Rss, parse.Format);
        var item = Read(parse, "partner-2026-0042");
        Assert.Equal("Market hall gets a new roof", item.Headline);
        Assert.Equal("<p>The market hall has a new roof.</p><p>Traders are pleased.</p>", item.BodyHtml);
        Assert.Equal("The roof is new .", item.Summary);
        Assert.Equal(["Moe Slate"], item.Byline);
        Assert.Equal("en-gb", item.Language);
        Assert.Equal([new WireSubject(null, "Local"), new WireSubject("buildings", "buildings")], item.Subjects);
        Assert.Equal(At("2026-03-03T10:15:00Z"), item.FirstCreated);
        Assert.Equal(new Uri("https://partner.example.org/news/market-hall"), item.Link);
        Assert.Equal([new Uri("https://partner.example.org/img/roof.jpg"), new Uri("https://partner.example.org/img/roof-2.jpg")], item.Pictures.Select(p => p.Href));
        Assert.Equal(("Roofers at work.", "Partner/Ray Beam"), (item.Pictures[1].Caption, item.Pictures[1].Credit));

        var second = Read(parse, "https://partner.example.org/news/second");
        Assert.Equal("<p>Only a description here.</p>", second.BodyHtml);
        Assert.Equal(["Ed Itor"], second.Byline);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.FromHours(-5)), second.VersionCreated);
        Assert.Equal(new Uri("https://partner.example.org/img/second-thumb.jpg"), Assert.Single(second.Pictures).Href);
    }

    [Fact]
    public void Atom_maps_entries()
    {
        var parse = Parse(WireSamples.Atom);

        Assert.Equal(WireFormat.Atom, parse.Format);
        var item = Read(parse, "urn:agency:2026:budget");
        Assert.Equal("Council approves budget", item.Headline);
        Assert.Equal("<p>The council approved the budget by 30 votes to 12.</p>", item.BodyHtml);
        Assert.Equal("The budget passes.", item.Summary);
        Assert.Equal(["Nia Ledger"], item.Byline);
        Assert.Equal([new WireSubject("politics", "Politics")], item.Subjects);
        Assert.Equal(At("2026-05-05T08:00:00Z"), item.FirstCreated);
        Assert.Equal(At("2026-05-05T09:30:00Z"), item.VersionCreated);
        Assert.Equal(new Uri("https://agency.example.org/budget"), item.Link);
        Assert.Equal(new Uri("https://agency.example.org/budget.png"), Assert.Single(item.Pictures).Href);
    }

    [Fact]
    public void Feed_item_without_title_is_refused()
    {
        const string rss = """<rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description><item><guid>g1</guid><description>Body</description></item></channel></rss>""";

        var refused = Assert.Single(Parse(rss).Items);
        Assert.Equal(("g1", "no headline: the item has neither <title>"), (refused.ItemId, refused.Reason));
    }
}
