using Broadsheet.Articles;

namespace Broadsheet.Data.Demo;

/// <summary>
/// The demo publication's articles: fictional events, people, companies and institutions, written for this project.
/// They are labelled as samples on every page.
/// </summary>
internal static partial class DemoArticles
{
    /// <summary>Images placed inside article bodies, referenced from markup as <c>@image key</c>.</summary>
    public static readonly Dictionary<string, DemoIllustration> BodyImages = new()
    {
        ["rates-chart"] = new(IllustrationStyle.Chart, 37,
            "A line chart falling from left to right over bars of varying height, in orange tones.",
            "An illustrative chart of easing inflation; the shapes are decorative, not data."),
        ["marathon-route"] = new(IllustrationStyle.Track, 61,
            "A winding pale road along dark water with small red dots for runners and a low sun.",
            "The course hugs the harbour for most of its length before the climb to the bridge."),
        ["reef-depths"] = new(IllustrationStyle.Reef, 124,
            "Branching coral shapes in several colours under shafts of light and rising bubbles.",
            "Deeper reefs stay cooler during marine heatwaves, the survey found."),
    };

    public static IReadOnlyList<DemoArticleSpec> All => [.. News, .. Features];

    private static DemoIllustration Hero(IllustrationStyle style, int seed, string alt, string caption) => new(style, seed, alt, caption);

    private static readonly DemoArticleSpec[] News =
    [
        new("asia/east-asia", ArticleType.News,
            "Fisheries talks resume in Busan as three neighbours seek calmer seas",
            [
                "Negotiators from South Korea, Japan and China met for the first time in two years to discuss shared fishing grounds",
                "A draft text seen by the Daily Meridian would set catch limits for squid and mackerel and create a joint incident hotline",
            ],
            ["diplomacy", "oceans", "trade"], ["hana-lim", "meridian-wire-service"], "BUSAN", 5,
            Hero(IllustrationStyle.Map, 11,
                "Three pale islands on a teal grid joined by dashed orange routes between small port markers.",
                "Shared fishing grounds lie between the three coastlines, and so do most of the disputes."),
            """
            Negotiators from South Korea, Japan and China sat down together in Busan on Tuesday for the first round of fisheries talks in two years, in a meeting officials on all sides described as **technical, unglamorous and long overdue**.

            The three delegations spent most of the day on the waters between their coasts, where shrinking squid stocks and crowded mackerel grounds have brought fishing fleets, and the coastguards that shadow them, into ever closer contact.

            “Nobody here is trying to solve history in a conference room,” said Park Joon-seo, the South Korean vice-minister who chaired the session. “We are trying to make sure a trawler captain at three in the morning knows who to call before a misunderstanding becomes an incident.”

            ## A hotline before a treaty

            A draft text seen by the _Daily Meridian_ would set provisional catch limits for two species and create a shared channel for reporting collisions, net damage and boardings. It stops well short of the binding agreement that fishing communities have asked for since the last talks collapsed over a dispute about inspection rights.

            Japanese delegate Aiko Fujimura said her side wanted “boring, reliable mechanisms” rather than headline commitments. “If the hotline rings and someone answers, that is a success,” she told reporters outside the venue, a converted warehouse on the city’s north port.

            Chinese officials did not speak to the press, but a statement issued after the session called the meeting “constructive” and said working groups would meet again within three months.

            >> If the hotline rings and someone answers, that is a success.
            — Aiko Fujimura, Japanese delegate

            ## What the fleets want

            For the crews who work these waters, the stakes are measured in fuel and days at sea. Kim Sang-hoon, who runs four boats out of a harbour south of the city, said squid catches had fallen by almost half over five years, pushing captains further from home.

            “When everyone chases the same fish into the same corner of the sea, tempers go up,” he said. “A phone number is a start. Quotas that people actually respect would be better.”

            Analysts cautioned against reading too much into a single day. Ines Marlowe, who studies maritime disputes at the Harbourline Institute, said the format mattered more than the outcome. “Three governments agreeing to keep meeting about fish is a small thing,” she said. “Small things are what you build on.”

            The delegations are due to exchange revised drafts next month. A second round, provisionally set for Nagasaki, would be the first time the talks have rotated to Japan.
            """),

        new("asia/southeast-asia", ArticleType.News,
            "Forecasters warn of a crowded late typhoon season as warm seas linger",
            [
                "Sea surface temperatures east of the Philippines remain well above the seasonal average",
                "Provinces are bringing evacuation drills forward and moving food and generators into shelters",
                "Officials urge households to keep a printed list of emergency numbers",
            ],
            ["typhoons", "climate-adaptation"], ["meridian-wire-service"], "MANILA", 9,
            Hero(IllustrationStyle.Storm, 26,
                "A spiral of pale and red bands swirling around a dark eye over a grey sea.",
                "Warm water is fuel: the longer the sea stays warm, the longer the season can run."),
            """
            Regional weather agencies have warned that the final months of the typhoon season could be unusually busy, as ocean waters east of the Philippines stay warmer than normal well into the autumn.

            Forecasters at a joint briefing in Manila said they expected between four and six more named storms to form before the end of the year, with at least two likely to make landfall somewhere between northern Luzon and central Vietnam.

            “Warm water is fuel,” said Teresa Villanueva, a senior forecaster who presented the outlook. “We are not predicting any single storm today. We are saying the conditions for strong storms will be there for longer than people are used to.”

            The outlook does not change the daily forecasts that coastal communities rely on, Villanueva stressed, but it gives local governments time to prepare. Several provinces have already brought forward evacuation drills that had been planned for later in the year.

            In a coastal town in Eastern Samar, disaster officer Rommel Dacanay said his team had moved rice, drinking water and two generators into school buildings designated as shelters. “Last year the roads closed before the supplies arrived,” he said. “This year the supplies go first.”

            ## What officials are asking households to do

            Authorities in several countries issued similar advice this week:

            - Know the nearest designated shelter and the safest route to it, on foot as well as by road
            - Keep a printed list of emergency numbers, in case phone batteries or networks fail
            - Store at least three days of drinking water and food that needs no cooking
            - Secure loose roofing, and move boats and vehicles to higher ground when a warning is raised

            Scientists at the briefing were careful about linking one season’s outlook to long-term trends. But Villanueva noted that storms in the region had in recent years tended to intensify more quickly near the coast, leaving less time between the first warning and landfall.

            “The window for decisions is getting shorter,” she said. “That is why the preparation has to happen now, on calm days like this one.”
            """)
        {
            UpdatedHoursAgo = 6,
            NoteKind = Articles.NoteKind.Update,
            Note = "This article was updated with the list of household preparations issued by regional authorities.",
        },

        new("business", ArticleType.News,
            "Alder Monetary Authority holds rates and signals a cut before year-end",
            [
                "The benchmark rate stays at 4.25 per cent for a third straight meeting",
                "Governor Sofia Brandt said inflation was cooling “more slowly than we would like, but in the right direction”",
                "Markets moved to price in a quarter-point cut in December",
            ],
            ["central-banks", "trade"], ["daniel-okafor"], "PORT ALDER", 20,
            Hero(IllustrationStyle.Chart, 33,
                "A line chart with round markers above translucent bars on a blue-green background.",
                "Inflation has eased for five months in a row, giving the authority room to talk about cuts."),
            """
            The Alder Monetary Authority kept its benchmark interest rate at 4.25 per cent on Thursday, the third meeting in a row without a change, but its governor gave the clearest hint yet that borrowing costs could fall before the end of the year.

            Inflation in the city eased to 2.9 per cent last month from a peak of 5.1 per cent eighteen months ago, helped by lower shipping costs and a slowdown in rents. The authority’s target is 2 per cent.

            “Inflation is cooling more slowly than we would like, but in the right direction,” Governor Sofia Brandt told a press conference. “If the next two months look like the last two, the committee will be in a position to act.”

            @image rates-chart

            ## Markets move first

            Traders took the remark as a signal. Two-year government bond yields fell by 12 basis points within an hour of the statement, and futures markets moved to price in a quarter-point cut at the December meeting. The Alder dollar slipped 0.4 per cent against a basket of trading partners’ currencies.

            Not everyone on the committee was convinced. The minutes, released alongside the decision, showed that two of the seven members argued that services inflation, which includes restaurant meals, haircuts and school fees, was still running too hot to talk about cuts.

            “Goods prices have done the heavy lifting,” said Lukas Feng, chief economist at Tidewater Securities. “Services are stickier. A cut in December is plausible, but the authority has left itself room to change its mind.”

            ## What it means for borrowers

            For the roughly one in three households in Port Alder with a floating-rate mortgage, a cut of a quarter point would take about 60 Alder dollars off the monthly payment on a typical loan, according to calculations by the _Daily Meridian_.

            Small businesses may feel it sooner. Noor Haddad, who runs a bakery with three branches in the old town, said her bank had already offered to renegotiate a loan she took out to replace ovens last year. “For two years every conversation with the bank was about how much more I would pay,” she said. “This is the first one that went the other way.”

            The authority next meets on December 11.
            """)
        {
            UpdatedHoursAgo = 17,
            NoteKind = Articles.NoteKind.Update,
            Note = "This article was updated with details from the committee’s minutes and comment from Tidewater Securities.",
        },

        new("technology", ArticleType.News,
            "Kestrel Semiconductor breaks ground on a $4 billion chip packaging plant",
            [
                "The plant in the Eastport industrial zone will assemble and test advanced chips rather than make the silicon itself",
                "The company expects to hire 2,400 people by 2029, about a third of them engineers",
            ],
            ["semiconductors", "trade", "artificial-intelligence"], ["priya-raman", "northstar-press-agency"], "PORT ALDER", 30,
            Hero(IllustrationStyle.Circuit, 44,
                "A dark chip with gold pins at the centre of a web of thin circuit traces on a purple and pink background.",
                "Advanced packaging connects finished chips so they can work as one component."),
            """
            Kestrel Semiconductor broke ground on Monday on a 4 billion Alder dollar plant in the Eastport industrial zone, the largest single investment in the city’s manufacturing sector in more than a decade.

            The plant will not make chips from raw silicon. Instead it will do what the industry calls **advanced packaging**: stacking, connecting and testing finished slivers of silicon so they can work together as one component, a step that has become a bottleneck as demand for chips used in artificial intelligence has soared.

            “Ten years ago, packaging was the part of the business people forgot about,” said Kestrel’s chief executive, Marcus Odum, speaking at the site beside a row of yellow excavators. “Now it is where a lot of the performance comes from. You can have the best chip in the world, and if you cannot connect it fast enough to its memory, it waits.”

            ## Jobs, water and power

            The company expects to employ 2,400 people when the plant reaches full production in 2029, about a third of them engineers. It has signed an agreement with the city’s polytechnic to train technicians on a replica production line that will open next year.

            The project has drawn questions about resources. Packaging plants use far less water than chip fabrication plants, but Kestrel’s own filing estimates the site will still need the equivalent of the daily use of about 9,000 households. The company says 70 per cent of that will be recycled on site.

            The environmental group Eastport Watch said it would follow the water figures closely. “We are not against the plant,” said its coordinator, Lydia Santos. “We are against finding out in five years that the numbers were optimistic.”

            ## Why it matters

            Governments across Asia, Europe and North America have spent heavily in recent years to bring more of the chip supply chain onto their own soil. Packaging has become a prize in that contest because a plant is cheaper to build than a fabrication plant and can be running sooner.

            Industry analyst Haruto Nishida said Kestrel’s choice of site reflected the city’s port and its pool of electronics workers. “This is a bet on logistics and people,” he said. “The machines you can buy. The people who can keep them running, you have to train.”

            Construction is expected to take two years, with the first production line due to start in early 2028.
            """)
        {
            UpdatedHoursAgo = 26,
            NoteKind = Articles.NoteKind.Correction,
            Note = "An earlier version of this article said the plant would employ 4,200 people. The company’s figure is 2,400.",
        },

        new("sport", ArticleType.News,
            "Selam Tadesse breaks the course record in a humid Harbour Marathon",
            [
                "Tadesse finished in 2:21:08, taking 74 seconds off a record that had stood since 2017",
                "Organisers moved the start forward and added water stations as humidity passed 85 per cent",
            ],
            ["running", "cities"], ["tomas-reyes"], "PORT ALDER", 40,
            Hero(IllustrationStyle.Track, 55,
                "A pale winding road with a dashed centre line crossing a dark landscape under a blue sun.",
                "More than 31,000 runners took to the streets across the weekend’s three races."),
            """
            Selam Tadesse broke the course record at the Port Alder Harbour Marathon on Sunday, running the final five kilometres alone along the sea wall to finish in 2 hours 21 minutes and 8 seconds, despite humidity that had organisers worried before dawn.

            Tadesse, 27, took 74 seconds off the women’s record that had stood since 2017. She was part of a lead group of six until the 35-kilometre mark, where the course turns back along the waterfront, then pulled away on the only real climb, the approach to the Lantern Bridge.

            “I was waiting for the bridge all morning,” she said afterwards, a towel over her shoulders. “On the flat everybody is strong. On the bridge you find out who saved something.”

            @image marathon-route

            ## Conditions tested everyone

            Organisers moved the start forward by 30 minutes, to 5.30am, after forecasters predicted humidity above 85 per cent, and added four water and sponge stations to the second half of the course. Medical teams treated 212 runners, most for dehydration and cramp, and 14 were taken to hospital as a precaution, race director Colm Brennan said.

            “We plan for heat every year,” Brennan said. “What we saw this morning was the humidity doing the damage. The air simply would not let people cool down.”

            The men’s race was decided by a sprint. Kenji Arakawa edged past Daniel Rotich in the final 200 metres to win in 2:09:51, one second ahead. Neither came close to the course record.

            ## A record field

            A record 31,400 runners started across the marathon, half marathon and 10-kilometre races. For most, the clock mattered less than the finish line. Retired teacher Margaret Ho, 71, completed her twentieth consecutive Harbour Marathon, walking the last eight kilometres with her granddaughter.

            “I used to run the whole thing,” she said. “Now I run the parts I like and enjoy the view for the rest. _Twenty_ is a good number. I might stop at twenty-five.”

            Tadesse said she would rest before choosing her next race. Asked whether she would return to defend her title, she laughed. “Ask me when it is cooler.”
            """),

        new("climate", ArticleType.News,
            "Mangrove replanting project doubles its target as coastal villages sign up",
            [
                "More than 40 villages have joined a scheme that pays households to plant and tend mangrove seedlings",
                "Researchers say a wide belt of mature mangroves can cut the energy of waves reaching the shore by more than half",
            ],
            ["climate-adaptation", "oceans"], ["mei-ling-chu", "pacific-newswire-collective"], "CA MAU, Vietnam", 52,
            Hero(IllustrationStyle.Roots, 94,
                "Rows of thin trees on arching roots standing in dark water under a green sky.",
                "Mangrove roots slow waves and trap sediment, protecting the dykes and fields behind them."),
            """
            A community project that pays households to plant and look after mangrove seedlings along Vietnam’s southern coast has doubled its target, after more than 40 villages asked to join in its second year.

            The scheme, run by a coalition of local cooperatives and a regional university, now aims to restore 1,200 hectares of mangrove forest by 2030, up from 600. Families receive a small monthly payment for each plot they tend, and a bonus when saplings survive their first two rainy seasons.

            “In the first year people came for the money,” said Nguyen Thi Lan, who coordinates planting in three villages. “Now they come because they have seen what happens behind the trees when the storm comes. The water is calmer. The fields flood less.”

            ## Trees as sea defences

            Mangroves grow in the salty mud between land and sea, and their tangled roots slow waves and trap sediment. Studies in the region have found that a wide enough belt of mature mangroves can cut the energy of waves reaching the shore by more than half, protecting the dykes and farmland behind.

            The forests also store large amounts of carbon in their soil, and shelter the young fish and crabs that coastal families depend on.

            Tran Quoc Bao, a coastal ecologist advising the project, said survival rates were the measure that mattered. “Planting is easy. Anyone can push a seedling into mud,” he said. “Keeping it alive through two monsoons is the real work, and that is why the payments are tied to survival, not to planting.”

            The project publishes its survival figures plot by plot:

            @embed https://example.org/mangrove-monitoring | Mangrove monitoring: survival rates by plot | Coastal Cooperative Network

            ## Not a replacement for dykes

            Engineers caution that mangroves work best alongside hard defences rather than instead of them, particularly where the coast is eroding fastest. Some plots planted in the first year were lost to unusually high tides before the roots could take hold.

            Lan said villages had learned from those losses, planting further back from the open sea and using bamboo fences to shelter seedlings for their first months. “The sea teaches you quickly,” she said. “This year we listen better.”
            """),

        new("world", ArticleType.News,
            "Shipping nations agree to map whale migration corridors and slow down inside them",
            [
                "Forty-one countries signed a voluntary agreement to publish shared maps of whale migration routes",
                "Ships would be asked to keep to 10 knots inside the corridors during migration seasons",
            ],
            ["oceans", "diplomacy", "trade"], ["northstar-press-agency"], "LISBON", 64,
            Hero(IllustrationStyle.Waves, 99,
                "Layered bands of wavy colour with a pale whale tail rising on the left and a dark ship on the right.",
                "Collisions with ships are among the leading human causes of death for several endangered whale species."),
            """
            Representatives of 41 countries agreed on Friday to publish a shared map of the main migration corridors used by large whales, and to ask ships to slow down when they pass through them during migration seasons.

            The voluntary agreement, reached at the close of a four-day maritime conference in Lisbon, is aimed at reducing collisions between ships and whales, which conservation scientists consider one of the leading human causes of death for several endangered species.

            “A whale cannot see a container ship coming, and a container ship cannot stop,” said Helena Duarte, who chaired the final session. “What we can do is agree where the whales are likely to be, and when, and give ships that information early enough to plan.”

            Under the agreement, a working group of marine scientists will combine tracking data, sightings and acoustic recordings into a single set of maps, to be updated every year. Ships would be asked to keep to 10 knots inside the marked corridors during the relevant months. Studies of similar local schemes have found that slower speeds sharply reduce the chance that a strike is fatal.

            Shipping industry representatives broadly welcomed the plan but warned about costs. Slower speeds mean longer voyages, and some routes pass through several corridors. “Our members support this, provided the maps are accurate and the corridors are not drawn more widely than the science supports,” said Pieter Vos of a shipowners’ association.

            Environmental groups called the agreement a useful first step but said it should become binding. “Voluntary speed limits work when most ships follow them,” said marine biologist Amara Okonjo. “We will know in two years whether they do.”

            The first maps are due to be published next spring.
            """),

        new("asia/southeast-asia", ArticleType.News,
            "Hawkers in George Town try a shared QR code, and keep the cash tin too",
            [
                "A pilot lets 120 street-food stalls take digital payments through one shared account per street",
                "Many hawkers say they will keep accepting cash for older customers and visitors",
            ],
            ["cities", "trade"], ["pacific-newswire-collective"], "GEORGE TOWN, Malaysia", 76,
            Hero(IllustrationStyle.Skyline, 68,
                "A night skyline of dark buildings with scattered lit windows under a pale moon and light rain.",
                "Weekend nights are the busiest time for the stalls taking part in the pilot."),
            """
            At the noodle stall Chong Wai Keat’s family has run for three generations, a laminated QR code now hangs beside the hand-painted menu. Below it, as always, sits a biscuit tin full of banknotes.

            Chong is one of 120 hawkers taking part in a six-month pilot in George Town that lets street-food stalls accept digital payments through a single shared account for each street, run by a hawkers’ cooperative. Customers scan one code, choose the stall from a list, and pay.

            “Before, every stall needed its own account, its own paperwork, its own fees,” Chong said between orders. “Most of the uncles and aunties here did not want the trouble. With one code for the whole street, the cooperative does the trouble.”

            The cooperative says about a third of sales at participating stalls were paid digitally in the first two months, rising to more than half on weekend nights, when younger locals and visitors crowd the lanes.

            ## Cash is not going anywhere

            For now, no one is giving up cash. Several hawkers said many of their regular customers, especially older ones, had no interest in paying by phone, and some tourists arrived without a local payment app.

            “I have customers who have eaten here for forty years,” said Fatimah Ismail, who sells grilled fish. “If I tell them phone only, I lose them. So I take both. It is more counting at night, but that is fine.”

            The pilot has had teething problems. On its second weekend a network outage knocked out payments for almost an hour, and stallholders said the list of stalls in the app was confusing when two of them sold the same dish.

            Organisers say they will decide by the end of the year whether to extend the scheme to other markets. Chong is in favour. “My grandfather had a tin,” he said, tapping it. “I have a tin and a code. My children will decide about the tin.”
            """),

        new("science", ArticleType.News,
            "Deep survey finds corals thriving below the reach of marine heatwaves",
            [
                "Divers and remotely operated cameras found healthy coral communities between 40 and 70 metres deep",
                "Researchers say deeper reefs could help reseed damaged shallow ones, but warn they are not a safe haven",
            ],
            ["oceans", "climate-adaptation"], ["mei-ling-chu"], "PUERTO PRINCESA, Philippines", 88,
            Hero(IllustrationStyle.Reef, 121,
                "Pale and teal branching coral shapes under slanting shafts of light, with bubbles rising.",
                "Below 40 metres, water stays cooler during heatwaves, which may explain why deeper corals fared better."),
            """
            A survey of reefs off the coast of Palawan in the Philippines has found thriving coral communities at depths of 40 to 70 metres, well below the shallow waters where repeated marine heatwaves have bleached and killed large areas of coral.

            The team, led by marine biologist Camille Navarro, used specialist technical divers and remotely operated cameras to map more than 30 sites over two seasons. At nearly two thirds of them, deeper corals showed little or no sign of bleaching, even where the reef directly above had been badly damaged.

            “It was like going down a staircase from a burnt house into a garden,” Navarro said. “The top floor was grey. Forty metres down, everything was in colour.”

            @image reef-depths

            ## A lifeboat, not a fortress

            Deep reefs, sometimes described as the ocean’s twilight zone, are less studied than shallow ones because they are difficult and expensive to reach. Water there stays cooler during heatwaves, which may explain why the corals have fared better.

            The researchers found that several species living at depth also occur in the shallows. That raises the hope that larvae released by deep corals could drift upward and help damaged shallow reefs recover.

            But the team cautioned against treating the deep reefs as a refuge. Some sites showed damage from fishing nets and anchors, and the researchers recorded warmer water reaching 50 metres during one heatwave.

            “If we tell people the deep reefs will save us, we will stop protecting them,” said co-author Samuel Ocampo. “They are a lifeboat. You still have to keep the lifeboat from sinking.”

            The team is calling for deep reef sites to be included in marine protected areas, most of which currently cover only shallow waters.
            """),

        new("asia/east-asia", ArticleType.News,
            "中日韓漁業會談睽違兩年於釜山重啟",
            [
                "三方代表討論魷魚與鯖魚的暫定捕撈上限，以及海上事故通報機制",
                "下一輪會談暫定於長崎舉行",
            ],
            // Half an hour before the English version, so the front page (in English) leads with the English story.
            ["diplomacy", "oceans"], ["meridian-wire-service"], "釜山", 5.5,
            Hero(IllustrationStyle.Map, 16,
                "Three pale islands joined by dashed routes on a gridded background in dusk colours.",
                "三國之間的共同漁場，也是多數爭議所在。"),
            """
            南韓、日本與中國的漁業談判代表週二在釜山舉行兩年來首次三方會談，重點討論三國之間日益擁擠的漁場，以及海上巡防單位之間的聯繫機制。

            主持會議的南韓副部長朴俊緒表示，這次會談的目標並非一次解決所有爭議，而是「讓凌晨在海上作業的船長，在誤會演變成事故之前，知道應該打電話給誰」。

            根據本報取得的草案內容，三方將為魷魚和鯖魚設定暫定捕撈上限，並設立共同的事故通報管道，處理船隻碰撞、漁網損壞及登檢等事件。不過，草案並未包含漁業團體長期要求、具約束力的協議。

            日本代表藤村愛子說，日方希望建立「平淡但可靠的機制」。中國方面沒有官員接受媒體訪問，但會後發表的聲明形容會談「具建設性」，並表示工作小組將在三個月內再次開會。

            釜山一名經營四艘漁船的船東指出，過去五年魷魚捕獲量幾乎減半，迫使漁船越駛越遠。「大家在同一片海追同一群魚，火氣自然就上來了。」

            下一輪會談暫定在長崎舉行。
            """)
        {
            Language = "zh-Hant",
        },
    ];
}
