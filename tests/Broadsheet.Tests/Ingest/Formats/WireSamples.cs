namespace Broadsheet.Tests.Ingest.Formats;

/// <summary>Small hand-written deliveries, one per format, each using every field its reader maps.</summary>
internal static class WireSamples
{
    public const string G2Message = """
        <?xml version="1.0" encoding="UTF-8"?>
        <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
          <header><sent>2026-03-02T09:00:00Z</sent></header>
          <itemSet>
            <newsItem guid="urn:newsml:example.org:20260302:harbour" version="3" standard="NewsML-G2" standardversion="2.35" xml:lang="en-GB">
              <itemMeta>
                <itemClass qcode="ninat:text"/>
                <provider qcode="nprov:EXA"/>
                <versionCreated>2026-03-02T08:55:00Z</versionCreated>
                <firstCreated>2026-03-01T17:10:00Z</firstCreated>
                <embargoed>2026-03-02T12:00:00Z</embargoed>
                <pubStatus qcode="stat:usable"/>
                <signal qcode="sig:update"/>
                <signal qcode="sig:correction"/>
                <link rel="irel:seeAlso" href="https://agency.example.org/harbour"/>
              </itemMeta>
              <contentMeta>
                <urgency>3</urgency>
                <language tag="en-GB"/>
                <subject type="cpnat:abstract" qcode="medtop:20000379"><name xml:lang="en">monetary policy</name></subject>
                <subject qcode="medtop:04000000"><name>economy</name></subject>
                <slugline>HARBOUR-TOLLS</slugline>
                <headline>Harbour tolls rise for the first time in a decade</headline>
                <headline role="hdl:sub">Shippers object</headline>
                <dateline>PORTSMOUTH, March 2</dateline>
                <by>By Ada Quill and Ben Marsh</by>
                <creditline>Example Agency</creditline>
                <description role="drol:summary">The port authority raises its tolls by 4 per cent.</description>
              </contentMeta>
              <contentSet>
                <inlineXML contenttype="application/xhtml+xml">
                  <html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head>
                    <body><p>The port authority said on <b>Monday</b> that tolls rise.</p><p>Shippers object.</p></body></html>
                </inlineXML>
              </contentSet>
            </newsItem>
            <packageItem guid="urn:newsml:example.org:20260302:gale-pkg" version="2">
              <itemMeta><itemClass qcode="ninat:composite"/><pubStatus qcode="stat:usable"/></itemMeta>
              <contentMeta><headline>Gale closes the coast road</headline></contentMeta>
              <groupSet root="G1">
                <group id="G1" role="group:main">
                  <itemRef residref="urn:newsml:example.org:20260302:gale-text"><itemClass qcode="ninat:text"/></itemRef>
                  <groupRef idref="G2"/>
                </group>
                <group id="G2" role="group:pictures">
                  <itemRef residref="urn:newsml:example.org:20260302:gale-photo"><itemClass qcode="ninat:picture"/></itemRef>
                  <itemRef residref="urn:newsml:example.org:20260302:gale-photo-2" href="https://pictures.example.org/gale-2.jpg" contenttype="image/jpeg">
                    <itemClass qcode="ninat:picture"/>
                    <title>Waves over the sea wall</title>
                    <description role="drol:caption">Waves break over the sea wall at dawn.</description>
                  </itemRef>
                </group>
              </groupSet>
            </packageItem>
            <newsItem guid="urn:newsml:example.org:20260302:gale-text" version="2">
              <itemMeta><itemClass qcode="ninat:text"/><pubStatus qcode="stat:usable"/></itemMeta>
              <contentMeta>
                <headline>Coast road shut</headline>
                <by>Cal Reed</by>
                <description role="drol:summary">Police close the road as the gale peaks.</description>
              </contentMeta>
              <contentSet>
                <inlineXML contenttype="application/nitf+xml">
                  <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content><p>The road is shut until the wind drops.</p></body.content></body></nitf>
                </inlineXML>
              </contentSet>
            </newsItem>
            <newsItem guid="urn:newsml:example.org:20260302:gale-photo" version="1">
              <itemMeta><itemClass qcode="ninat:picture"/><pubStatus qcode="stat:usable"/></itemMeta>
              <contentMeta>
                <headline>Closed road</headline>
                <creditline>Dee Lens/Example Agency</creditline>
                <description role="drol:caption">A police car blocks the coast road.</description>
                <description role="drol:alternative">Police car across a wet road</description>
              </contentMeta>
              <contentSet>
                <remoteContent href="https://pictures.example.org/gale-thumb.jpg" contenttype="image/jpeg" width="200" height="100"/>
                <remoteContent href="https://pictures.example.org/gale-large.jpg" contenttype="image/jpeg" width="2000" height="1000"/>
              </contentSet>
            </newsItem>
            <newsItem guid="urn:newsml:example.org:20260301:ferry" version="4">
              <itemMeta><itemClass qcode="ninat:text"/><pubStatus qcode="stat:canceled"/></itemMeta>
              <contentMeta><headline>KILL: ferry story</headline></contentMeta>
            </newsItem>
            <newsItem guid="urn:newsml:example.org:20260302:remote" version="1">
              <itemMeta><itemClass qcode="ninat:text"/><pubStatus qcode="stat:withheld"/></itemMeta>
              <contentMeta><headline>Budget leaks</headline></contentMeta>
              <contentSet><remoteContent href="https://agency.example.org/texts/budget.xml" contenttype="application/nitf+xml"/></contentSet>
            </newsItem>
          </itemSet>
        </newsMessage>
        """;

    public const string Ninjs1 = """
        {
          "uri": "http://agency.example.org/items/2026-mill",
          "type": "text",
          "version": "5",
          "pubstatus": "usable",
          "versioncreated": "2026-02-01T10:00:00Z",
          "firstcreated": "2026-01-31T08:00:00Z",
          "embargoed": "2026-02-01T12:00:00Z",
          "urgency": 2,
          "language": "en",
          "headline": "Old mill reopens as a bakery",
          "slugline": "MILL",
          "byline": "By Ann Baker, Rob Miller",
          "located": "MILLBROOK",
          "copyrightholder": "Example Agency",
          "description_text": "Bread again, after forty years.",
          "body_html": "<p>The mill turns again.</p>",
          "subject": [{ "code": "medtop:04000000", "name": "economy", "scheme": "http://cv.iptc.org/newscodes/mediatopic/" }],
          "associations": {
            "featureimage": {
              "uri": "http://agency.example.org/pictures/mill",
              "type": "picture",
              "byline": "Pat Snap",
              "description_text": "The wheel of the old mill.",
              "renditions": {
                "thumb": { "href": "https://cdn.example.org/mill-thumb.jpg", "mimetype": "image/jpeg", "width": 100, "height": 60 },
                "large": { "href": "https://cdn.example.org/mill-large.jpg", "mimetype": "image/jpeg", "width": 1600, "height": 960 }
              }
            }
          }
        }
        """;

    public const string Ninjs3List = """
        [
          {
            "uri": "urn:agency.example.org:2026:tram",
            "type": "text",
            "version": "2",
            "pubStatus": "usable",
            "versionCreated": "2026-04-10T09:30:00+02:00",
            "firstCreated": "2026-04-10T07:00:00+02:00",
            "language": "de",
            "urgency": 4,
            "headlines": [{ "role": "sub", "value": "Die Linie 4" }, { "role": "main", "value": "Tram line extended" }],
            "descriptions": [{ "role": "summary", "contentType": "text/plain", "value": "Two new stops by summer." }],
            "bodies": [
              { "role": "main", "contentType": "text/plain", "value": "Plain version." },
              { "role": "main", "contentType": "text/html", "value": "<html><body><p>The tram runs further.</p></body></html>" }
            ],
            "by": "Von Uta Schiene",
            "subjects": [{ "uri": "http://cv.iptc.org/newscodes/mediatopic/20000446", "name": "public transport" }],
            "signals": [{ "uri": "sig:correction" }],
            "associations": [
              {
                "name": "main-picture",
                "uri": "urn:agency.example.org:pictures:tram",
                "type": "picture",
                "by": "Eva Bild",
                "descriptions": [{ "role": "caption", "value": "The new stop at the depot." }, { "role": "alt", "value": "A tram at a stop" }],
                "renditions": [{ "name": "web", "href": "https://cdn.example.org/tram.jpg", "contentType": "image/jpeg", "width": 1200, "height": 800 }]
              }
            ]
          },
          { "uri": "urn:agency.example.org:2026:old", "version": "7", "pubStatus": "canceled" },
          { "uri": "urn:agency.example.org:2026:photo", "type": "picture", "headline": "A photo" },
          42
        ]
        """;

    public const string Nitf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">
        <nitf version="-//IPTC//DTD NITF 3.6//EN" xml:lang="en-US">
          <head>
            <title>Library title</title>
            <tobject tobject.type="news">
              <tobject.subject tobject.subject.refnum="01000000" tobject.subject.matter="arts, culture and entertainment"/>
            </tobject>
            <docdata management-status="embargoed">
              <doc-id id-string="EXA-2026-0117-LIB"/>
              <urgency ed-urg="5"/>
              <date.issue norm="20260117T083000Z"/>
              <date.release norm="20260117T140000+0100"/>
              <du-key version="3" key="LIBRARY"/>
              <doc.copyright year="2026" holder="Example Agency"/>
              <correction info="Corrects the opening hours" id-string="EXA-2026-0117-LIB"/>
            </docdata>
            <pubdata type="web" name="Example Wire"/>
          </head>
          <body>
            <body.head>
              <hedline><hl1>Library opens on Sundays</hl1><hl2>A trial for six months</hl2></hedline>
              <byline>By <person>Ivy Page</person> <byttl>Culture Reporter</byttl></byline>
              <dateline><location>LEEDS</location>, <story.date norm="20260117">Jan. 17</story.date></dateline>
              <abstract><p>Sunday opening from next week.</p></abstract>
            </body.head>
            <body.content>
              <p>The central library opens on Sundays.</p>
              <media media-type="image">
                <media-reference source="https://pictures.example.org/library.jpg" mime-type="image/jpeg" alternate-text="Reading room" width="1800" height="1200"/>
                <media-caption>The reading room.</media-caption>
                <media-producer>Lu Shutter</media-producer>
              </media>
              <p>It is a trial.</p>
            </body.content>
          </body>
        </nitf>
        """;

    public const string NewsMl1 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <NewsML Version="1.2">
          <NewsEnvelope><DateAndTime>20260220T101500Z</DateAndTime></NewsEnvelope>
          <NewsItem>
            <Identification>
              <NewsIdentifier>
                <ProviderId>example.org</ProviderId>
                <DateId>20260220</DateId>
                <NewsItemId>BRIDGE</NewsItemId>
                <RevisionId PreviousRevision="1" Update="N">2</RevisionId>
                <PublicIdentifier>urn:newsml:example.org:20260220:BRIDGE:2</PublicIdentifier>
              </NewsIdentifier>
            </Identification>
            <NewsManagement>
              <NewsItemType FormalName="News"/>
              <FirstCreated>20260220T090000Z</FirstCreated>
              <ThisRevisionCreated>20260220T101000Z</ThisRevisionCreated>
              <Status FormalName="Embargoed"/>
              <StatusWillChange><FutureStatus FormalName="Usable"/><DateAndTime>20260220T120000Z</DateAndTime></StatusWillChange>
              <Urgency FormalName="2"/>
              <Instruction FormalName="Correction"/>
            </NewsManagement>
            <NewsComponent>
              <NewsLines>
                <HeadLine>Bridge reopens after repairs</HeadLine>
                <SubHeadLine>Traffic flows again</SubHeadLine>
                <ByLine>By Kit Mason</ByLine>
                <DateLine>YORK, Feb 20</DateLine>
                <CreditLine>Example Agency</CreditLine>
                <SlugLine>BRIDGE-REOPENS</SlugLine>
              </NewsLines>
              <DescriptiveMetadata>
                <Language FormalName="en"/>
                <SubjectCode><Subject FormalName="11000000" Description="politics"/></SubjectCode>
              </DescriptiveMetadata>
              <NewsComponent>
                <Role FormalName="Main"/>
                <ContentItem>
                  <MediaType FormalName="Text"/>
                  <DataContent>
                    <nitf><body><body.content><p>The bridge is open.</p></body.content></body></nitf>
                  </DataContent>
                </ContentItem>
              </NewsComponent>
              <NewsComponent Duid="photo-1">
                <Role FormalName="Photo"/>
                <NewsLines><HeadLine>The bridge at dusk</HeadLine><CreditLine>Example Agency/Jo Frame</CreditLine></NewsLines>
                <ContentItem Href="https://pictures.example.org/bridge-small.jpg">
                  <MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/>
                  <Characteristics><Property FormalName="Width" Value="300"/></Characteristics>
                </ContentItem>
                <ContentItem Href="https://pictures.example.org/bridge.jpg">
                  <MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/>
                  <Characteristics><Property FormalName="Width" Value="3000"/></Characteristics>
                </ContentItem>
              </NewsComponent>
            </NewsComponent>
          </NewsItem>
        </NewsML>
        """;

    public const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
          <channel>
            <title>Partner news</title>
            <link>https://partner.example.org/</link>
            <description>Partner feed</description>
            <language>en-gb</language>
            <item>
              <title>Market hall gets a new roof</title>
              <link>https://partner.example.org/news/market-hall</link>
              <guid isPermaLink="false">partner-2026-0042</guid>
              <description>&lt;p&gt;The roof is &lt;b&gt;new&lt;/b&gt;.&lt;/p&gt;</description>
              <content:encoded><![CDATA[<p>The market hall has a new roof.</p><p>Traders are pleased.</p>]]></content:encoded>
              <dc:creator>Moe Slate</dc:creator>
              <category>Local</category>
              <category domain="https://partner.example.org/topics">buildings</category>
              <pubDate>Tue, 03 Mar 2026 10:15:00 GMT</pubDate>
              <enclosure url="https://partner.example.org/img/roof.jpg" length="12345" type="image/jpeg"/>
              <media:content url="https://partner.example.org/img/roof-2.jpg" type="image/jpeg" medium="image">
                <media:description>Roofers at work.</media:description>
                <media:credit>Partner/Ray Beam</media:credit>
              </media:content>
            </item>
            <item>
              <title>Second item</title>
              <guid>https://partner.example.org/news/second</guid>
              <description>Only a description here.</description>
              <author>ed@partner.example.org (Ed Itor)</author>
              <pubDate>Tue, 03 Mar 2026 09:00:00 EST</pubDate>
              <media:thumbnail url="https://partner.example.org/img/second-thumb.jpg"/>
            </item>
          </channel>
        </rss>
        """;

    public const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Agency Atom</title>
          <id>urn:agency:feed</id>
          <updated>2026-05-05T10:00:00Z</updated>
          <entry>
            <title type="html">Council &lt;em&gt;approves&lt;/em&gt; budget</title>
            <id>urn:agency:2026:budget</id>
            <link rel="alternate" href="https://agency.example.org/budget"/>
            <link rel="enclosure" type="image/png" href="https://agency.example.org/budget.png"/>
            <published>2026-05-05T08:00:00Z</published>
            <updated>2026-05-05T09:30:00Z</updated>
            <author><name>Nia Ledger</name></author>
            <category term="politics" scheme="https://agency.example.org/cats" label="Politics"/>
            <summary>The budget passes.</summary>
            <content type="html">&lt;p&gt;The council approved the budget by 30 votes to 12.&lt;/p&gt;</content>
          </entry>
        </feed>
        """;

    public static readonly string[] All = [G2Message, Ninjs1, Ninjs3List, Nitf, NewsMl1, Rss, Atom];
}
