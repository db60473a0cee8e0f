using Broadsheet.Ingest;
using Broadsheet.Ingest.Formats;

namespace Broadsheet.Tests.Ingest.Formats;

/// <summary>
/// Every file of the IPTC fixtures in ../shared/fixtures (ninjs examples and validation suite, NewsML-G2 examples and
/// unit test files, and the schemas and licences beside them) goes through <see cref="WireFormats.Parse"/> and gives the
/// outcome this table records: each item read (guid, version, headline) or refused with the reason a person would see.
/// A file added to the fixtures fails <see cref="The_table_names_every_fixture_file"/> until its outcome is recorded.
/// </summary>
public class WireFixtureTests
{
    public sealed record Outcome(string? ItemId, int Version, string? Headline, string? Reason, bool Whole)
    {
        public override string ToString() =>
            Whole ? $"delivery refused: {Reason}" : Reason is null ? $"read {ItemId} v{Version} \"{Headline}\"" : $"item refused: {Reason}";
    }

    private static Outcome Read(string itemId, int version, string? headline) => new(itemId, version, headline, null, false);

    private static Outcome Refused(string reason) => new(null, 0, null, reason, false);

    private static Outcome Whole(string reason) => new(null, 0, null, reason, true);

    /// <summary>Paths are relative to ../shared/fixtures.</summary>
    private static readonly Dictionary<string, Outcome[]> Expected = new(StringComparer.Ordinal)
    {
        ["iptc-newsml-g2/LICENSE"] = [Whole("unknown format: the delivery starts with 'C', neither XML ('<') nor JSON ('{' or '[')")],
        ["iptc-newsml-g2/examples/LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml"] = [Refused("not a story: a conceptItem carries the description of a concept (a person, an event, a")],
        ["iptc-newsml-g2/examples/LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml"] = [Refused("not a story: a conceptItem carries the description of a concept (a person, an event, a")],
        ["iptc-newsml-g2/examples/LISTING_12_Knowledge_Item_for_Access_Codes.xml"] = [Refused("not a story: a knowledgeItem carries a set of concepts")],
        ["iptc-newsml-g2/examples/LISTING_13_Complete_Catalog_Item.xml"] = [Refused("not a story: a catalogItem carries a catalog of codes")],
        ["iptc-newsml-g2/examples/LISTING_14_Event_sent_as_a_Concept_Item.xml"] = [Refused("not a story: a conceptItem carries the description of a concept (a person, an event, a")],
        ["iptc-newsml-g2/examples/LISTING_15_Two_Related_Events_in_a_Knowledge_Item.xml"] = [Refused("not a story: a knowledgeItem carries a set of concepts")],
        ["iptc-newsml-g2/examples/LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/examples/LISTING_17_Planning_Item_a_CCL.xml"] = [Refused("not a story: a planningItem carries news planning (coverage to come)")],
        ["iptc-newsml-g2/examples/LISTING_18_Planning_Item_at_PCL.xml"] = [Refused("not a story: a planningItem carries news planning (coverage to come)")],
        ["iptc-newsml-g2/examples/LISTING_19_Planning_Item_with_delivery_at_CCL.xml"] = [Refused("not a story: a planningItem carries news planning (coverage to come)")],
        ["iptc-newsml-g2/examples/LISTING_1_A_NewsML-G2_News_Item.xml"] = [Refused("no body text: the item has no inlineXML (XHTML or NITF), inlineData or text remoteContent")],
        ["iptc-newsml-g2/examples/LISTING_20_Planning_Item_with_delivery_at_PCL.xml"] = [Refused("not a story: a planningItem carries news planning (coverage to come)")],
        ["iptc-newsml-g2/examples/LISTING_21_A_complete_sample_SportsML-G2_document.xml"] = [Refused("no body text: the item has no inlineXML (XHTML or NITF), inlineData or text remoteContent")],
        ["iptc-newsml-g2/examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml"] = [Read("tag:xmlteam.com,2016:xt.5932656-preview", 11, "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.")],
        ["iptc-newsml-g2/examples/LISTING_23_SportsML-G2_Package.xml"] = [Refused("no body text: the package's text item tag:xmlteam.com,2016:xt.5932656-pitcher-preview is")],
        ["iptc-newsml-g2/examples/LISTING_24_News_Message_conveying_a_complete_News_Package.xml"] = [Refused("no guid: the <packageItem> has no guid attribute, so its versions cannot be told apart"), Refused("no headline: the item has neither <headline> nor <slugline>"), Refused("no headline: the item has neither <headline> nor <slugline>"), Refused("no headline: the item has neither <headline> nor <slugline>"), Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/examples/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml"] = [Whole("unknown format: the root element is <contentSet> in no known namespace")],
        ["iptc-newsml-g2/examples/LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml"] = [Refused("not a story: a picture item on its own")],
        ["iptc-newsml-g2/examples/LISTING_27_Company_Financial_Information.xml"] = [Refused("no body text: the item has no inlineXML (XHTML or NITF), inlineData or text remoteContent")],
        ["iptc-newsml-g2/examples/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml"] = [Whole("unknown format: the root element is <contentMeta> in no known namespace")],
        ["iptc-newsml-g2/examples/LISTING_29_Hop_History.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/examples/LISTING_2_NewsML-G2_Text_Document.xml"] = [Read("urn:newsml:acmenews.com:20161121:US-FINANCE-FED", 11, "Fed to halt QE to avert \"bubble\"")],
        ["iptc-newsml-g2/examples/LISTING_3A_Photo_in_NewsML-G2_(URI_sibling_attributes).xml"] = [Refused("not a story: a picture item on its own")],
        ["iptc-newsml-g2/examples/LISTING_3_Photo_in_NewsML-G2.xml"] = [Refused("not a story: a picture item on its own")],
        ["iptc-newsml-g2/examples/LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml"] = [Refused("not a story: a video item (itemClass ninat:video)")],
        ["iptc-newsml-g2/examples/LISTING_5_Multi-part_Video_in_NewsML-G2.xml"] = [Refused("not a story: a video item (itemClass ninat:video)")],
        ["iptc-newsml-g2/examples/LISTING_6_Simple_NewsML-G2_Package.xml"] = [Refused("no body text: the package's text item urn:newsml:iptc.org:20081007:tutorial-item-A is")],
        ["iptc-newsml-g2/examples/LISTING_7_Group_Set_example_showing_Hierarchical_Package_Structure.xml"] = [Whole("unknown format: the root element is <groupSet> in no known namespace")],
        ["iptc-newsml-g2/examples/LISTING_8_Group_Set_example_showing_an_ALT_Package_Mode.xml"] = [Whole("unknown format: the root element is <groupSet> in no known namespace")],
        ["iptc-newsml-g2/examples/LISTING_9_Group_Set_example_showing_a_SEQ_Package_Mode.xml"] = [Whole("unknown format: the root element is <groupSet> in no known namespace")],
        ["iptc-newsml-g2/examples/NewsML-G2_2.24-spec-All-Core.xsd"] = [Whole("unknown format: the root element is <schema> in namespace")],
        ["iptc-newsml-g2/examples/NewsML-G2_2.35-spec-All-Power.xsd"] = [Whole("empty delivery: the body has no bytes")],
        ["iptc-newsml-g2/examples/Receiver View.xml"] = [Read("urn:newsml:NAG.com:20161121:US-FINANCE-FED", 11, "Fed to halt QE to avert \"bubble\"")],
        ["iptc-newsml-g2/examples/ap_metadata_example.xml"] = [Refused("not a story: a video item (itemClass ninat:video)")],
        ["iptc-newsml-g2/examples/facet-example-2.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/examples/facet-example-3.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/examples/facet-example.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/examples/nitf-3-6-ruby-include.xsd"] = [Whole("unknown format: the root element is <schema> in namespace")],
        ["iptc-newsml-g2/examples/nitf-3-6.xsd"] = [Whole("unknown format: the root element is <schema> in namespace")],
        ["iptc-newsml-g2/examples/xml.xsd"] = [Whole("unknown format: the root element is <schema> in namespace")],
        ["iptc-newsml-g2/specification/NewsML-G2_2.35-spec-All-Power.xsd"] = [Whole("unknown format: the root element is <schema> in namespace")],
        ["iptc-newsml-g2/specification/xml.xsd"] = [Whole("unknown format: the root element is <schema> in namespace")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_fail/CR00212_02_residrefformaturi_badly_formatted.xml"] = [Refused("no body text: the package's text item urn:newsml:iptc.org:20081007:tutorial-item-A is")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_fail/CR00215_hasInstrument_on_concept.xml"] = [Refused("not a story: a conceptItem carries the description of a concept (a person, an event, a")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00211_01_newsitem_with_no_catalog.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00211_02_knowledgeitem_with_no_catalog.xml"] = [Refused("not a story: a knowledgeItem carries a set of concepts")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00211_03_conceptitem_with_no_catalog.xml"] = [Refused("not a story: a conceptItem carries the description of a concept (a person, an event, a")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00211_04_packageitem_with_no_catalog.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00211_05_conceptitem_with_no_catalog.xml"] = [Refused("not a story: a conceptItem carries the description of a concept (a person, an event, a")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00211_06_newsitem_with_catalogref.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00211_07_newsitem_with_catalog.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00212_01_residrefformat.xml"] = [Refused("no body text: the package's text item urn:newsml:iptc.org:20081007:tutorial-item-A is")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00212_02_residrefformaturi.xml"] = [Refused("no body text: the package's text item urn:newsml:iptc.org:20081007:tutorial-item-A is")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00213_01_attribute_cardinality_newsitem.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00213_02_attribute_cardinality_knowledgeitem.xml"] = [Refused("not a story: a knowledgeItem carries a set of concepts")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00213_03_attribute_cardinality_conceptitem.xml"] = [Refused("not a story: a conceptItem carries the description of a concept (a person, an event, a")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00213_04_attribute_cardinality_packageitem.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.30/should_pass/CR00213_05_attribute_cardinality_planningitem.xml"] = [Refused("not a story: a planningItem carries news planning (coverage to come)")],
        ["iptc-newsml-g2/tests/unit_test_files/2.31/should_pass/CR00215_hasInstrument_on_assert.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.31/should_pass/CR00215_hasInstrument_on_concept.xml"] = [Refused("not a story: a conceptItem carries the description of a concept (a person, an event, a")],
        ["iptc-newsml-g2/tests/unit_test_files/2.32/should_pass/CR00216_authoritystatus_on_catalog.xml"] = [Whole("unknown format: <catalog> is in the NewsML-G2 namespace but is none of newsMessage,")],
        ["iptc-newsml-g2/tests/unit_test_files/2.32/should_pass/CR00216_authoritystatus_on_catalog_uri.xml"] = [Whole("unknown format: <catalog> is in the NewsML-G2 namespace but is none of newsMessage,")],
        ["iptc-newsml-g2/tests/unit_test_files/2.32/should_pass/CR00216_authoritystatus_on_scheme.xml"] = [Whole("unknown format: <catalog> is in the NewsML-G2 namespace but is none of newsMessage,")],
        ["iptc-newsml-g2/tests/unit_test_files/2.32/should_pass/CR00216_authoritystatus_on_schememeta.xml"] = [Refused("not a story: a knowledgeItem carries a set of concepts")],
        ["iptc-newsml-g2/tests/unit_test_files/2.32/should_pass/CR00216_authoritystatus_on_schememeta_uri.xml"] = [Refused("not a story: a knowledgeItem carries a set of concepts")],
        ["iptc-newsml-g2/tests/unit_test_files/2.33/should_fail/digitalSourceType_catalogItem.xml"] = [Refused("not a story: a catalogItem carries a catalog of codes")],
        ["iptc-newsml-g2/tests/unit_test_files/2.33/should_pass/CR00217_digitalSourceType_on_contentMeta.xml"] = [Read("urn:newsml:acmenews.com:20231121:US-FINANCE-FED", 11, "Fed to halt QE to avert \"bubble\"")],
        ["iptc-newsml-g2/tests/unit_test_files/2.33/should_pass/CR00217_digitalSourceType_on_contentMeta_conceptItem.xml"] = [Refused("not a story: a conceptItem carries the description of a concept (a person, an event, a")],
        ["iptc-newsml-g2/tests/unit_test_files/2.33/should_pass/CR00217_digitalSourceType_on_contentMeta_knowledgeItem.xml"] = [Refused("not a story: a knowledgeItem carries a set of concepts")],
        ["iptc-newsml-g2/tests/unit_test_files/2.33/should_pass/CR00217_digitalSourceType_on_contentMeta_newsItem.xml"] = [Read("urn:newsml:acmenews.com:20231121:US-FINANCE-FED", 11, "Fed to halt QE to avert \"bubble\"")],
        ["iptc-newsml-g2/tests/unit_test_files/2.33/should_pass/CR00217_digitalSourceType_on_contentMeta_packageItem.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.33/should_pass/CR00217_digitalSourceType_on_contentMeta_partMeta.xml"] = [Refused("not a story: a video item (itemClass ninat:video)")],
        ["iptc-newsml-g2/tests/unit_test_files/2.33/should_pass/CR00217_digitalSourceType_on_contentMeta_planningItem.xml"] = [Refused("not a story: a planningItem carries news planning (coverage to come)")],
        ["iptc-newsml-g2/tests/unit_test_files/2.34/should_fail/CR00218_too_many_nested_related.xml"] = [Refused("no body text: the item has no inlineXML (XHTML or NITF), inlineData or text remoteContent")],
        ["iptc-newsml-g2/tests/unit_test_files/2.34/should_pass/CR00218_increase_nesting_of_related.xml"] = [Refused("no body text: the item has no inlineXML (XHTML or NITF), inlineData or text remoteContent")],
        ["iptc-newsml-g2/tests/unit_test_files/2.34/should_pass/CR00219_datamining_in_rightsinfo_embeddedrights.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.34/should_pass/CR00219_datamining_in_rightsinfo_multilang.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.34/should_pass/CR00219_datamining_in_rightsinfo_otherconstraints.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.34/should_pass/CR00219_datamining_in_rightsinfo_qcode.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.34/should_pass/CR00219_datamining_in_rightsinfo_qcode_multilang.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.34/should_pass/CR00219_datamining_in_rightsinfo_simple.xml"] = [Refused("no headline: the item has neither <headline> nor <slugline>")],
        ["iptc-newsml-g2/tests/unit_test_files/2.35/should_pass/CR00221_eventstatus.xml"] = [Refused("not a story: a conceptItem carries the description of a concept (a person, an event, a")],
        ["iptc-newsml-g2/tests/unit_test_files/2.35/should_pass/CR00221_eventstatus_uri.xml"] = [Refused("not a story: a conceptItem carries the description of a concept (a person, an event, a")],
        ["iptc-ninjs/LICENSE"] = [Whole("unknown format: the delivery starts with 'M', neither XML ('<') nor JSON ('{' or '[')")],
        ["iptc-ninjs/documentation/includes/examples/1.6/001_simple_example.json"] = [Read("http://ninjs.example.com/newsitems/20130709simp123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/documentation/includes/examples/1.6/002_renditions_example.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/documentation/includes/examples/1.6/003_associations_example.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/documentation/includes/examples/1.6/004_simple_text_article.json"] = [Read("http://ninjs.example.com/newsitems/20130709simp123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/documentation/includes/examples/1.6/005_complex_text_article.json"] = [Read("http://ninjs.example.com/newsitems/20130709med123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/documentation/includes/examples/1.6/006_photo_only.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/documentation/includes/examples/1.6/007_multimedia.json"] = [Read("http://ninjs.example.com/newsitems/20130709cplx456", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/documentation/includes/examples/2.2/001_simple_example.json"] = [Read("http://ninjs.example.com/newsitems/20130709simp123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/documentation/includes/examples/2.2/002_renditions_example.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/documentation/includes/examples/2.2/003_associations_example.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/documentation/includes/examples/2.2/004_simple_text_article.json"] = [Read("http://ninjs.example.com/newsitems/20130709simp123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/documentation/includes/examples/2.2/005_complex_text_article.json"] = [Read("http://ninjs.example.com/newsitems/20130709med123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/documentation/includes/examples/2.2/006_photo_only.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/documentation/includes/examples/2.2/007_multimedia.json"] = [Read("http://ninjs.example.com/newsitems/20130709cplx456", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/documentation/includes/examples/3.1/001_simple_example.json"] = [Read("http://ninjs.example.com/newsitems/20130709simp123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/documentation/includes/examples/3.1/002_renditions_example.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/documentation/includes/examples/3.1/003_associations_example.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/documentation/includes/examples/3.1/004_simple_text_article.json"] = [Read("http://ninjs.example.com/newsitems/20130709simp123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/documentation/includes/examples/3.1/005_complex_text_article.json"] = [Read("http://ninjs.example.com/newsitems/20130709med123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/documentation/includes/examples/3.1/006_photo_only.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/documentation/includes/examples/3.1/007_multimedia.json"] = [Read("http://ninjs.example.com/newsitems/20130709cplx456", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/documentation/includes/examples/3.1/008_event.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/documentation/includes/examples/not-valid/008_extension.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/examples/1.4/businesswire-newsml-20130515006361.json"] = [Read("http://www.businesswire.com/news/home/20130515006361/en", 1, "Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations")],
        ["iptc-ninjs/examples/1.4/businesswire-newsml-20130605006126.json"] = [Read("http://www.businesswire.com/news/home/20130605006126/zh", 1, "Cambrios被Gartner評選為「最酷供應商」")],
        ["iptc-ninjs/examples/1.4/businesswire-newsml-20130612006110.json"] = [Read("http://www.businesswire.com/news/home/20130612006110/zh", 1, "APP发布“2020 可持续发展路线图”第三次工作进展报告，并将继续落实森林保护政策")],
        ["iptc-ninjs/examples/1.4/businesswire-newsml-20130731006140.json"] = [Read("http://www.businesswire.com/news/home/20130731006140/en", 1, "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In")],
        ["iptc-ninjs/examples/1.4/ninjs-1-4-examples.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/examples/1.4/ninjsExComplex1.json"] = [Read("http://ninjs.example.com/newsitems/20130709cplx123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/examples/1.4/ninjsExComplex2.json"] = [Read("http://ninjs.example.com/newsitems/20130709cplx456", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/examples/1.4/ninjsExMediumText1.json"] = [Read("http://ninjs.example.com/newsitems/20130709med123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/examples/1.4/ninjsExSimplePhoto1.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/examples/1.4/ninjsExSimpleText1.json"] = [Read("http://ninjs.example.com/newsitems/20130709simp123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/examples/2.1/SIPA_image_2.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/examples/2.1/ap_audio.json"] = [Refused("not a story: an audio item (type \"audio\")")],
        ["iptc-ninjs/examples/2.1/ap_image.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/examples/2.1/ap_video.json"] = [Refused("not a story: a video item (type \"video\")")],
        ["iptc-ninjs/examples/2.1/businesswire-newsml-20130605006126.json"] = [Read("http://www.businesswire.com/news/home/20130605006126/zh", 1, "Cambrios被Gartner評選為「最酷供應商」")],
        ["iptc-ninjs/examples/2.1/businesswire-newsml-20130731006140.json"] = [Read("http://www.businesswire.com/news/home/20130731006140/en", 1, "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In")],
        ["iptc-ninjs/examples/2.1/dpa_text.json"] = [Read("urn:newsml:dpa.com:20090101:190510-99-167362", 2, "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?")],
        ["iptc-ninjs/examples/2.1/imageEncodedRights.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/examples/2.1/imageLinkedRights.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/examples/2.1/ninjsExSimpleText_2.json"] = [Read("http://ninjs.example.com/newsitems/20130709simp123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/examples/2.1/ntb_text.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/examples/2.1/schema-extension/extension-example.json"] = [Read("http://tt.se/media/text/210526-militarovning-a0f2d045", 1, "Militärövning i jätteformat hålls 2023")],
        ["iptc-ninjs/examples/2.1/schema-extension/extension-schema.json"] = [Refused("no guid: the ninjs object has neither \"uri\" nor \"guid\"")],
        ["iptc-ninjs/examples/2.1/tt_text_image_2.json"] = [Read("http://tt.se/media/text/210526-militarovning-a0f2d045", 1, "Militärövning i jätteformat hålls 2023")],
        ["iptc-ninjs/examples/3.0/20231004-UEFA-ChampionLeague.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/examples/3.0/20231005-65-addb-event.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/examples/3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json"] = [Read("https://antidopingdatabase.com/news/anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever", 2, "Anti-doping measures at the 'Tour Down Under' will be the toughest ever")],
        ["iptc-ninjs/examples/3.0/20231016-addb-example-press-conference.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/examples/3.0/SIPA_image_3.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/examples/3.0/ap_audio.json"] = [Refused("not a story: an audio item (type \"audio\")")],
        ["iptc-ninjs/examples/3.0/ap_image.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/examples/3.0/ap_video.json"] = [Refused("not a story: a video item (type \"video\")")],
        ["iptc-ninjs/examples/3.0/businesswire-newsml-20130605006126.json"] = [Read("http://www.businesswire.com/news/home/20130605006126/zh", 1, "Cambrios被Gartner評選為「最酷供應商」")],
        ["iptc-ninjs/examples/3.0/businesswire-newsml-20130731006140.json"] = [Read("http://www.businesswire.com/news/home/20130731006140/en", 1, "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In")],
        ["iptc-ninjs/examples/3.0/collection/20231016-event-timeline-sample.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 1 of the"), Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 2 of the"), Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 3 of the"), Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 4 of the"), Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 5 of the"), Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 6 of the"), Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 7 of the"), Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 8 of the"), Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 9 of the"), Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 10 of the"), Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 11 of the"), Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 12 of the"), Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 13 of the"), Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\" (item 14 of the")],
        ["iptc-ninjs/examples/3.0/dpa_text.json"] = [Read("urn:newsml:dpa.com:20090101:190510-99-167362", 2, "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?")],
        ["iptc-ninjs/examples/3.0/imageEncodedRights.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/examples/3.0/imageLinkedRights.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/examples/3.0/ninjsExSimpleText_3.json"] = [Read("http://ninjs.example.com/newsitems/20130709simp123", 1, "Captain of wrecked cruise ship on trial in Italy")],
        ["iptc-ninjs/examples/3.0/ntb_text.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/examples/3.0/simpleEvent.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/examples/3.0/tt_event_pressconference_3.0.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/examples/3.0/tt_text_image_3.json"] = [Read("http://tt.se/media/text/210526-militarovning-a0f2d045", 1, "Militärövning i jätteformat hålls 2023")],
        ["iptc-ninjs/specification/ninjs-schema_1.6.json"] = [Refused("no guid: the ninjs object has neither \"uri\" nor \"guid\"")],
        ["iptc-ninjs/specification/ninjs-schema_2.2.json"] = [Refused("no guid: the ninjs object has neither \"uri\" nor \"guid\"")],
        ["iptc-ninjs/specification/ninjs-schema_3.1.json"] = [Refused("no guid: the ninjs object has neither \"uri\" nor \"guid\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/001_no_uri_declared.json"] = [Refused("no guid: the ninjs object has neither \"uri\" nor \"guid\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/002_type_invalid.json"] = [Refused("not a story: an invalid item (type \"invalid\")")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/003_malformed_property.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/004_representationtype_invalid.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/005_profile_must_be_string.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/006_version_must_be_string.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/007_pubstatus_cancelled.json"] = [Read("007_pubstatus_cancelled", 1, null)],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/008_usageterms_object.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/009_body_text_with_cr.json"] = [Whole("not well-formed JSON at line 3, column 42: '0x0A' is invalid within a JSON string. The")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/010_body_must_be_string.json"] = [Whole("not well-formed JSON at line 7, column 9: '\"' is invalid after a value. Expected either")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/011_description_must_be_string.json"] = [Whole("not well-formed JSON at line 7, column 9: '\"' is invalid after a value. Expected either")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/012_location_not_object.json"] = [Refused("no guid: the ninjs object has neither \"uri\" nor \"guid\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/013_person_not_string.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/014_type_component.json"] = [Refused("not a story: a component item (type \"component\")")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/015_pubstatus_commissioned.json"] = [Refused("unknown status: pubstatus \"commissioned\" is none of usable, withheld, canceled")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/016_infosource.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_fail/017_description_extension.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/001_simplest_file.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/002_type_text.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/003_type_audio.json"] = [Refused("not a story: an audio item (type \"audio\")")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/004_type_video.json"] = [Refused("not a story: a video item (type \"video\")")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/005_type_picture.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/006_type_graphic.json"] = [Refused("not a story: a graphic item (type \"graphic\")")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/007_type_composite.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/008_mimetype.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/009_representationtype_complete.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/010_representationtype_incomplete.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/011_profile.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/012_profile_anytext.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/013_version.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/014_version_anytext.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/015_versioncreated.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/016_versioncreated_bad_datetime.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/017_versioncreated_date_only.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/018_embargoed.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/019_embargoed_bad_datetime.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/020_embargoed_date_only.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/021_pubstatus_usable.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/022_pubstatus_withheld.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/023_pubstatus_canceled.json"] = [Read("023_pubstatus_canceled", 1, null)],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/026_language.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/027_copyrightholder.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/028_copyrightnotice.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/030_headline.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/031_byline.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/032_body_text.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/033_body_html.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/034_body_text_and_html.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/035_body_new.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/036_description_text.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/037_description_html.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/038_description_text_and_html.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/039_description_new.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/040_located.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/041_person_empty.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/042_person_complete.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/043_person_multiple.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/044_organisation_empty.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/045_organisation_complete.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/046_organisation_multiple.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/047_place_empty.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/048_place_complete.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/049_place_multiple.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/050_subject_empty.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/051_subject_complete.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/052_subject_multiple.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/053_event_empty.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/054_event_complete.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/055_event_multiple.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/056_object_empty.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/057_object_complete.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/058_object_multiple.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/059_renditions_empty.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/060_renditions_single.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/061_renditions_multiple.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/062_associations_empty.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/063_associations_single.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.0/should_pass/064_associations_multiple.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.1/should_fail/001_type_component.json"] = [Refused("not a story: a component item (type \"component\")")],
        ["iptc-ninjs/validation/test_suite/1.1/should_fail/002_infosource.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.1/should_pass/001_urgency.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.1/should_pass/002_urgency_9.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.1/should_pass/003_usageterms.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.1/should_pass/004_place_with_geometry.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.1/should_pass/005_place_multiple_with_geometry.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.2/should_fail/001_title_as_number.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.2/should_fail/002_firstcreated_bad_type.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.2/should_fail/003_ednote_bad_type.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.2/should_fail/004_infosource_bad_type.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.2/should_fail/005_pubstatus_replaced.json"] = [Refused("unknown status: pubstatus \"replaced\" is none of usable, withheld, canceled")],
        ["iptc-ninjs/validation/test_suite/1.2/should_fail/006_pubstatus_commissioned.json"] = [Refused("unknown status: pubstatus \"commissioned\" is none of usable, withheld, canceled")],
        ["iptc-ninjs/validation/test_suite/1.2/should_pass/001_title.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.2/should_pass/002_long_title.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.2/should_pass/003_type_component.json"] = [Refused("not a story: a component item (type \"component\")")],
        ["iptc-ninjs/validation/test_suite/1.2/should_pass/004_first_created.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.2/should_pass/005_firstcreated_bad_datetime.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.2/should_pass/008_ednote.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.2/should_pass/009_infosource_simple.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.2/should_pass/010_infosource_full.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.2/should_pass/011_infosource_multiple.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.3/should_fail/001_schema_bad.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.3/should_fail/002_headline_nonascii.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.3/should_fail/003_headline_blank_extension.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.3/should_fail/004_headline_dash.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.3/should_fail/005_bad_altids.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.3/should_fail/006_bad_genre.json"] = [Whole("not well-formed JSON at line 9, column 20: 'h' is an invalid start of a value.")],
        ["iptc-ninjs/validation/test_suite/1.3/should_fail/007_invalid_genre.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.3/should_pass/001_ninjs_example.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.3/should_pass/002_schema.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.3/should_pass/003_schema_only.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.3/should_pass/004_headlines.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.3/should_pass/005_altids.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.3/should_pass/006_genre.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.3/should_pass/007_trust_indicator.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.3/should_pass/008_regex_bug.json"] = [Read("008-regex-bug", 1, "This is actually valid in ninjs 1.0, 1.1, 1.2 and 1.3, due to a bug in the patternProperties regex. But we can't change it without potentially breaking some implementations so the fix will have to wait for 2.0")],
        ["iptc-ninjs/validation/test_suite/1.4/should_fail/001_bad_contentcreated.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.4/should_fail/002_bad_contentcreated.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.4/should_fail/003_bad_expires.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.4/should_fail/004_bad_expires.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.4/should_fail/005_bad_rightsinfo.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.4/should_fail/006_bad_rightsinfo.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.4/should_pass/001_ninjs_example.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.4/should_pass/002_contentcreated.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.4/should_pass/003_rightsinfo_linked.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.4/should_pass/004_rightsinfo_embedded.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.5/002_association.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.5/should_fail/001_bad_property.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.5/should_fail/002_bad_association.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.5/should_pass/001_contactinfo.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/validation/test_suite/1.5/should_pass/002_subject_confidence_relevance.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.5/should_pass/003_org_symbol.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.6/should_fail/001_bad_digital_source.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.6/should_pass/001_good_digital_source.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_fail/001_advice_string.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_fail/002_advice_wrongtypes.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_fail/003_advice_wrongelements.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_fail/004_linked_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_fail/005_encoded_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_fail/006_combined_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_pass/001_advice_simple.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_pass/002_advice_complex.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_pass/003_advice_anyvalue.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_pass/004_standard_declaration.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_pass/005_altids.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_pass/006_trustindicator.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_pass/007_linked_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/1.x_dev/should_pass/008_encoded_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.0/should_fail/001_bad_geojson.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/validation/test_suite/2.0/should_fail/001_bad_toplevel.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.0/should_fail/002_bad_association.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.0/should_pass/001_ninjs_example.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.0/should_pass/002_schema.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.0/should_pass/003_schema_only.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.0/should_pass/004_headlines.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.0/should_pass/005_altids.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.0/should_pass/006_genre.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.0/should_pass/007_trust_indicator.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.0/should_pass/009_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.0/should_pass/010_geojson.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/validation/test_suite/2.1/should_fail/001_bad_association.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.1/should_fail/002_good_association_but_no_name.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.1/should_fail/003_good_association_but_no_uri.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.1/should_fail/004_bad_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.1/should_pass/001_ninjs_example.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.1/should_pass/002_schema.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.1/should_pass/003_schema_only.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.1/should_pass/004_headlines.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.1/should_pass/005_altids.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.1/should_pass/006_genre.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.1/should_pass/007_trust_indicator.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.1/should_pass/009_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.1/should_pass/010_geojson.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/validation/test_suite/2.1/should_pass/011_contactinfo.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/validation/test_suite/2.1/should_pass/012_subject_confidence_relevance.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.1/should_pass/013_org_symbol.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.1/should_pass/014_expires.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.2/should_fail/001_bad_digital_source.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.2/should_pass/001_good_digital_source.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_fail/001_advice_string.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_fail/002_advice_wrongtypes.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_fail/003_advice_wrongelements.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_fail/004_linked_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_fail/005_encoded_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_fail/006_combined_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_pass/001_advice_simple.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_pass/002_advice_complex.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_pass/003_advice_anyvalue.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_pass/004_standard_declaration.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_pass/005_altids.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_pass/006_trustindicator.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_pass/007_linked_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/2.x_dev/should_pass/008_encoded_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/3.0/should_fail/001_bad_geojson.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_fail/001_bad_toplevel.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/3.0/should_fail/002_bad_association.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/3.0/should_fail/003_event_with_conflicting_start.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_fail/004_event_with_renditions.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_fail/004_invalid_truncated_date.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_fail/005_planned_coverage_bad_urgency.json"] = [Refused("not a story: a planning item (type \"planning\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_fail/006_bad_urgency.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/001_ninjs_example.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/002_schema.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/002_simple_event.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/003_event_with_organiser.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/003_schema_only.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/004_headlines.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/005_altids.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/005_planned_coverage.json"] = [Refused("not a story: a planning item (type \"planning\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/006_genre.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/006_planning_with_rendition.json"] = [Refused("not a story: a planning item (type \"planning\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/007_planning_rendition_reuters.json"] = [Refused("not a story: a planning item (type \"planning\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/007_trust_indicator.json"] = [Refused("no body text: the item has no \"body_html\", \"body_xhtml\", \"body_text\" or \"bodies\" with")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/008_planning_with_rendition_srt.json"] = [Refused("not a story: a planning item (type \"planning\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/009_planned_coverage_commissioninginfo.json"] = [Refused("not a story: a planning item (type \"planning\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/009_rights.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/010_event_with_truncated_date.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/010_geojson.json"] = [Refused("not a story: a picture item (type \"picture\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/010_planned_news_item.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/011_event_with_truncated_start_and_end_date.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/012_recurring_event.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/013_planned_coverage.json"] = [Refused("not a story: a planning item (type \"planning\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/014_planning_rendition_reuters.json"] = [Refused("not a story: a planning item (type \"planning\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/015_complex_recurrence.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/016_complex_recurrence_2.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/017_expectedduration.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/018_expectedduration_2.json"] = [Refused("not a story: an event item (type \"event\")")],
        ["iptc-ninjs/validation/test_suite/3.0/should_pass/019_good_urgency.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/3.1/should_fail/001_bad_digital_source.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/3.1/should_pass/001_good_digital_source.json"] = [Refused("no headline: the item has neither \"headline\", \"headlines\" nor \"slugline\"")],
        ["iptc-ninjs/validation/test_suite/GeoJSON-schema.json"] = [Refused("no guid: the ninjs object has neither \"uri\" nor \"guid\"")],
    };

    public static TheoryData<string> Files() => [.. Expected.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_fixture_file_is_read_or_refused_with_its_reason(string file)
    {
        var parse = WireFormats.Parse(File.ReadAllBytes(Path.Combine(FixturesRoot, file)), null);

        var actual = parse.Refusal is not null
            ? [new Outcome(null, 0, null, parse.Refusal, true)]
            : parse.Items.Select(i => i.Item is { } item
                ? new Outcome(item.ItemId, item.Version, item.Headline, null, false)
                : new Outcome(i.ItemId, i.Version ?? 0, null, i.Reason, false)).ToArray();
        var expected = Expected[file];
        Assert.True(expected.Length == actual.Length,
            $"{file}: expected {expected.Length} outcome(s) [{string.Join("; ", expected.AsEnumerable())}] but got [{string.Join("; ", actual.AsEnumerable())}]");
        for (var i = 0; i < expected.Length; i++)
        {
            var (want, got) = (expected[i], actual[i]);
            var matches = want.Reason is null
                ? got.Reason is null && got.ItemId == want.ItemId && got.Version == want.Version && got.Headline == want.Headline
                : got.Whole == want.Whole && got.Reason?.Contains(want.Reason, StringComparison.Ordinal) == true;
            Assert.True(matches, $"{file}, outcome {i + 1}: expected {want} but got {got}");
        }
    }

    [Fact]
    public void The_table_names_every_fixture_file()
    {
        var onDisk = new[] { "iptc-ninjs", "iptc-newsml-g2" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(FixturesRoot, d), "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(FixturesRoot, f).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(onDisk.Count > 300, $"only {onDisk.Count} fixture files under {FixturesRoot}");
        Assert.Empty(onDisk.Except(Expected.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(Expected.Keys.Except(onDisk).Order(StringComparer.Ordinal));
    }

    /// <summary>The read items of the fixtures carry what a story needs: a body (or a remote one) and a guid with a version.</summary>
    [Fact]
    public void Read_fixture_items_have_a_body_and_a_version()
    {
        foreach (var file in Expected.Where(e => e.Value.Any(o => o.Reason is null)).Select(e => e.Key))
        {
            var parse = WireFormats.Parse(File.ReadAllBytes(Path.Combine(FixturesRoot, file)), null);
            foreach (var item in parse.Items.Select(i => i.Item).OfType<WireItem>().Where(i => i.PubStatus != WirePubStatus.Canceled))
            {
                Assert.True(item.RemoteBody is not null || !string.IsNullOrWhiteSpace(item.BodyHtml), $"{file}: {item.ItemId} has no body");
                Assert.True(item.Version >= 1, $"{file}: {item.ItemId} has version {item.Version}");
            }
        }
    }

    internal static string FixturesRoot { get; } = FindFixtures();

    private static string FindFixtures()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx")))
        {
            dir = dir.Parent;
        }
        return dir is null
            ? throw new InvalidOperationException("The repository root (Broadsheet.slnx) is not above the test binaries.")
            : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures"));
    }
}
