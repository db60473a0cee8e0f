using Broadsheet.Articles;

namespace Broadsheet.Data.Demo;

/// <summary>The fictional publication the demo seeds: its sections, topics and contributors. Every name is invented.</summary>
internal static class DemoPublication
{
    public const string Name = "The Daily Meridian";
    public const string Tagline = "News from Port Alder, Asia and the world";
    public const string TimeZone = "Asia/Hong_Kong";
    public const string IllustrationCredit = "Illustration: Daily Meridian demo";

    /// <summary>Path, name; children follow their parent, and the order here is the navigation order.</summary>
    public static readonly (string Path, string Name)[] Sections =
    [
        ("asia", "Asia"),
        ("asia/east-asia", "East Asia"),
        ("asia/southeast-asia", "Southeast Asia"),
        ("world", "World"),
        ("business", "Business"),
        ("technology", "Technology"),
        ("science", "Science"),
        ("climate", "Climate"),
        ("sport", "Sport"),
        ("opinion", "Opinion"),
    ];

    public static readonly (string Slug, string Name, string Description)[] Topics =
    [
        ("diplomacy", "Diplomacy", "Talks, treaties and the people who negotiate them, from regional summits to quiet working groups."),
        ("typhoons", "Typhoons", "Forecasts, warnings and recovery through the western Pacific storm season."),
        ("central-banks", "Central banks", "Interest rates, inflation and the institutions that set the price of money."),
        ("semiconductors", "Semiconductors", "The chip industry: factories, supply chains and the technology inside every device."),
        ("climate-adaptation", "Climate adaptation", "How cities, farms and coasts are changing to live with a warmer, wetter climate."),
        ("oceans", "Oceans", "Fisheries, shipping, reefs and the science of the seas around us."),
        ("running", "Running", "Races, records and the everyday runners who fill the streets on race day."),
        ("cities", "Cities", "How urban life works: housing, transport, markets and public space."),
        ("ageing-societies", "Ageing societies", "What longer lives and fewer births mean for work, care and public finances."),
        ("artificial-intelligence", "Artificial intelligence", "Machine learning in daily life, and the rules being written for it."),
        ("trade", "Trade", "Ports, tariffs and the flows of goods that tie economies together."),
    ];

    /// <summary>New instances each time: entities must not be shared between two seedings (two apps in one process).</summary>
    public static Contributor[] NewContributors() =>
    [
        Person("hana-lim", "Hana Lim", "Seoul correspondent",
            "Hana Lim covers the Korean peninsula and East Asian diplomacy from Seoul. Before joining the Daily Meridian she reported on labour and industry in Busan for eight years."),
        Person("daniel-okafor", "Daniel Okafor", "Economics editor",
            "Daniel Okafor edits the Daily Meridian's economics coverage and writes about central banks, housing and the cost of living. He trained as a statistician."),
        Person("priya-raman", "Priya Raman", "Technology reporter",
            "Priya Raman reports on semiconductors, telecoms and the rules governing new technology. She previously covered the chip industry from Hsinchu."),
        Person("tomas-reyes", "Tomás Reyes", "Sports writer",
            "Tomás Reyes writes about running, football and the business of sport. He has finished eleven marathons, none of them quickly."),
        Person("mei-ling-chu", "Mei-ling Chu", "Science and climate correspondent",
            "Mei-ling Chu covers weather, oceans and climate science across the Asia-Pacific. She holds a master's degree in atmospheric science."),
        Person("eleanor-voss", "Eleanor Voss", "Columnist",
            "Eleanor Voss writes a weekly column about cities and the people who live in them. She spent a decade as an urban planner before turning to journalism."),
        Agency("meridian-wire-service", "Meridian Wire Service"),
        Agency("northstar-press-agency", "Northstar Press Agency"),
        Agency("pacific-newswire-collective", "Pacific Newswire Collective"),
    ];

    private static Contributor Person(string slug, string name, string role, string bio) =>
        new() { Slug = slug, Name = name, Kind = ContributorKind.Person, Role = role, Bio = bio };

    private static Contributor Agency(string slug, string name) =>
        new() { Slug = slug, Name = name, Kind = ContributorKind.Agency, Role = "News agency" };
}
