using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Broadsheet.Tests.Discovery;

/// <summary>
/// Test-side XML schemas of our own for sitemaps, written from the sitemaps.org protocol 0.9 and Google's image and
/// news extensions (the published XSDs are not available here): the root elements and their namespaces, at most
/// 50,000 url or sitemap entries, a required loc that is a URI of at most 2,048 characters, lastmod in W3C
/// Datetime, changefreq and priority as the protocol allows, and for news a publication with name and language
/// (ISO 639, or zh-cn / zh-tw), a publication date and a title. Extension elements are validated strictly, so an
/// image: or news: element the schemas do not know fails too.
/// </summary>
internal static class SitemapSchemas
{
    private const string Sitemap = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
                   xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
          <xs:element name="urlset">
            <xs:complexType><xs:sequence>
              <xs:element name="url" minOccurs="0" maxOccurs="50000">
                <xs:complexType><xs:sequence>
                  <xs:element name="loc" type="loc"/>
                  <xs:element name="lastmod" type="w3cDate" minOccurs="0"/>
                  <xs:element name="changefreq" type="changefreq" minOccurs="0"/>
                  <xs:element name="priority" type="priority" minOccurs="0"/>
                  <xs:any namespace="##other" processContents="strict" minOccurs="0" maxOccurs="unbounded"/>
                </xs:sequence></xs:complexType>
              </xs:element>
            </xs:sequence></xs:complexType>
          </xs:element>
          <xs:element name="sitemapindex">
            <xs:complexType><xs:sequence>
              <xs:element name="sitemap" minOccurs="0" maxOccurs="50000">
                <xs:complexType><xs:sequence>
                  <xs:element name="loc" type="loc"/>
                  <xs:element name="lastmod" type="w3cDate" minOccurs="0"/>
                </xs:sequence></xs:complexType>
              </xs:element>
            </xs:sequence></xs:complexType>
          </xs:element>
          <xs:simpleType name="loc">
            <xs:restriction base="xs:anyURI"><xs:minLength value="12"/><xs:maxLength value="2048"/><xs:pattern value="https?://.+"/></xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="w3cDate">
            <xs:restriction base="xs:string">
              <xs:pattern value="\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+\-]\d{2}:\d{2}))?)?)?"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="changefreq">
            <xs:restriction base="xs:string">
              <xs:enumeration value="always"/><xs:enumeration value="hourly"/><xs:enumeration value="daily"/><xs:enumeration value="weekly"/>
              <xs:enumeration value="monthly"/><xs:enumeration value="yearly"/><xs:enumeration value="never"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="priority">
            <xs:restriction base="xs:decimal"><xs:minInclusive value="0.0"/><xs:maxInclusive value="1.0"/></xs:restriction>
          </xs:simpleType>
        </xs:schema>
        """;

    private const string Image = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.google.com/schemas/sitemap-image/1.1"
                   elementFormDefault="qualified">
          <xs:element name="image">
            <xs:complexType><xs:sequence>
              <xs:element name="loc"><xs:simpleType><xs:restriction base="xs:anyURI"><xs:pattern value="https?://.+"/></xs:restriction></xs:simpleType></xs:element>
            </xs:sequence></xs:complexType>
          </xs:element>
        </xs:schema>
        """;

    private const string News = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.google.com/schemas/sitemap-news/0.9"
                   elementFormDefault="qualified">
          <xs:element name="news">
            <xs:complexType><xs:sequence>
              <xs:element name="publication">
                <xs:complexType><xs:sequence>
                  <xs:element name="name"><xs:simpleType><xs:restriction base="xs:string"><xs:minLength value="1"/></xs:restriction></xs:simpleType></xs:element>
                  <xs:element name="language"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[a-z]{2,3}|zh-cn|zh-tw"/></xs:restriction></xs:simpleType></xs:element>
                </xs:sequence></xs:complexType>
              </xs:element>
              <xs:element name="publication_date">
                <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+\-]\d{2}:\d{2}))?"/></xs:restriction></xs:simpleType>
              </xs:element>
              <xs:element name="title"><xs:simpleType><xs:restriction base="xs:string"><xs:minLength value="1"/></xs:restriction></xs:simpleType></xs:element>
            </xs:sequence></xs:complexType>
          </xs:element>
        </xs:schema>
        """;

    private static readonly XmlSchemaSet Set = Build();

    private static XmlSchemaSet Build()
    {
        var set = new XmlSchemaSet();
        foreach (var xsd in new[] { Sitemap, Image, News })
        {
            using var reader = XmlReader.Create(new StringReader(xsd), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            set.Add(XmlSchema.Read(reader, null)!);
        }
        set.Compile();
        return set;
    }

    /// <summary>Parses and validates the document, failing the test with every schema error found.</summary>
    public static XDocument Validate(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Set };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var document = XDocument.Load(reader);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return document;
    }
}
