using Broadsheet.Articles;

namespace Broadsheet.Data.Demo;

internal static partial class DemoArticles
{
    private static readonly DemoArticleSpec[] Features =
    [
        new("opinion", ArticleType.Opinion,
            "Our streets were built for cars. The next typhoon will ask whether they can be rebuilt for water",
            [
                "Every storm season exposes the same weak points: low roads, blocked drains and too much concrete",
                "Cities that make room for water, rather than only pumping it away, are recovering faster",
            ],
            ["climate-adaptation", "cities", "typhoons"], ["eleanor-voss"], null, 28,
            Hero(IllustrationStyle.Skyline, 66,
                "A dark city skyline with small red windows under a grey sky streaked with rain.",
                "Pipes sized for the storms of the last century struggle with a month’s rain in an afternoon."),
            """
            Every typhoon season, the same photographs appear. A bus stranded to its windows in an underpass. A shopkeeper sweeping brown water out of a doorway. A car park that has become, for an afternoon, a lake. We look at them, we clean up, and by the next season we have mostly forgotten where the water went, and why.

            It went where we told it to go. For most of the last century, cities in this region were designed around a simple idea: rain is a nuisance to be removed as quickly as possible. Pour concrete, pave the slopes, straighten the streams into channels and send everything to the sea through pipes sized for the storms our grandparents knew.

            That idea is running out of road. The storms do not only come more often in some years; they drop more rain in less time, and they arrive on top of higher tides. A drain that could cope with a long wet afternoon cannot cope with a month’s rain in six hours.

            >> A drain that could cope with a long wet afternoon cannot cope with a month’s rain in six hours.

            ## Making room instead of building walls

            The cities recovering fastest are the ones that have started to treat water as a guest that needs somewhere to sit. They are building parks designed to flood, so that a football pitch becomes a pond for a day and the houses around it stay dry. They are breaking up concrete channels and letting rivers wander again, with wetlands to slow them down. They are planting trenches along roads, so that rain soaks in where it falls instead of racing downhill to the lowest junction.

            None of this is glamorous. A rain garden does not make a ribbon-cutting photograph. But a city engineer I spoke to last year put it plainly: **“Every cubic metre we hold upstream is a cubic metre we do not have to pump downstream at two in the morning.”**

            ## The harder part is politics

            The obstacle is rarely engineering. It is that room for water means less room for something else: a traffic lane, a parking space, a plot that could be sold. Those trade-offs are visible and immediate, while the benefit arrives invisibly, in the flood that does not happen.

            That is why the argument has to be made before the storm, not after it. If you want to understand what forecasters mean when they grade a storm, our [explainer on how typhoons are tracked](/news/science) is a good place to start. But the question for the rest of us is simpler. When the next one comes, and it will, do we want our streets to be channels, or sponges?

            _Eleanor Voss writes about cities and the people who live in them._
            """),

        new("science", ArticleType.Explainer,
            "Explainer: how forecasters name, track and grade a typhoon",
            [
                "A storm gets a name only once its winds reach tropical-storm strength",
                "Local warning signals describe the danger where you are, not the strength of the storm itself",
            ],
            ["typhoons", "oceans"], ["mei-ling-chu"], null, 46,
            Hero(IllustrationStyle.Storm, 22,
                "Pale spiral arms curling around a small dark eye on a green gradient, with thin lines for the sea.",
                "A typhoon organises around a calm centre, the eye, when the ocean keeps feeding it warm, moist air."),
            """
            When a storm forms over the western Pacific, a lot happens before it reaches the evening news. Here is how forecasters turn a swirl of cloud into a named typhoon with a track, a grade and a warning.

            ## Where does a typhoon come from?

            Typhoons are the same kind of storm that is called a hurricane in the Atlantic and a cyclone in the Indian Ocean. They grow over warm sea water. Warm, moist air rises, cools and condenses into cloud, releasing heat that draws in more air from below. If the winds high above are light enough not to tear the system apart, and the ocean is warm enough to keep feeding it, the storm can organise around a calm centre: the eye.

            ## When does it get a name?

            A tropical disturbance does not get a name straight away. Forecasters watch satellite images and measurements from ships, buoys and aircraft for signs that the winds around the centre have reached tropical-storm strength. Only then is it named, from a list contributed by countries around the region and used in turn.

            Names that become associated with especially destructive storms are usually retired and replaced.

            ## How is it tracked?

            Forecasters run many computer models, each starting from slightly different measurements of the atmosphere. Together they produce a spread of possible paths. The familiar cone on a forecast map shows where the centre is likely to travel; it does not show how wide the storm is, and damaging wind and rain often reach far outside it.

            “People look at the line in the middle of the cone and think that is where the storm goes,” said Anand Pillai, a tropical meteorologist. “The line is our best guess. The cone is our honesty about how uncertain we are.”

            ## Grades and signals are different things

            This is the part that confuses most readers. There are two separate scales:

            1. **The storm’s grade** describes the storm itself, from its sustained wind speed near the centre: tropical depression, tropical storm, severe tropical storm, typhoon and, in some agencies’ systems, super typhoon.
            2. **The local warning signal** describes the danger where you are. A powerful typhoon far out at sea may bring only a low signal; a weaker storm passing close by can bring a high one.

            That is why a city can raise its highest warning for a storm that is not, on paper, the strongest of the season.

            ---

            ## What to watch

            As a storm approaches, the most useful numbers are often not wind speeds but timings: when the local signal is expected to change, and when the heaviest rain and the highest tide will coincide. Those are the hours that decide whether a street floods.

            As Pillai put it: “The storm’s strength is physics. The damage is about timing and geography.”
            """),

        new("asia/east-asia", ArticleType.Analysis,
            "Analysis: fewer workers, more robots – how East Asia’s ageing factories are adapting",
            [
                "Factories in South Korea, Japan and Taiwan are automating quickly as working-age populations shrink",
                "Older workers are staying on longer, often in new roles supervising machines",
                "The shift is changing which skills employers look for, and where they build",
            ],
            ["ageing-societies", "semiconductors", "trade"], ["hana-lim"], "CHANGWON, South Korea", 58,
            Hero(IllustrationStyle.Rings, 77,
                "Overlapping circles and dashed rings like gears in cream and red on an orange gradient.",
                "Many new robots fill vacancies that had gone unfilled for months, managers say."),
            """
            On the floor of a car-parts factory on the outskirts of Changwon, the newest worker is a robot arm that sorts bolts. The second newest is 63.

            Lee Mi-sook joined the plant after retiring from a career in textiles, and now spends her shifts watching a bank of screens that tell her when the arm has dropped something, jammed or needs a new tray. “The robot does the lifting,” she said. “I do the noticing.”

            Her job is a small picture of a large change. The working-age populations of South Korea, Japan and Taiwan are all shrinking, and birth rates in each are among the lowest in the world. Employers who once worried about the cost of labour now worry about finding any at all.

            ## Automation out of necessity

            The region already has some of the highest densities of industrial robots in the world, and the pace is quickening. Industry groups say many of the newest installations are not replacing workers so much as filling vacancies that had gone unfilled for months.

            “Ten years ago the question was whether a robot was cheaper than a person,” said Yoo Dong-hyun, who advises manufacturers on automation. “Now the question is whether there is a person at all.”

            That has changed which jobs are disappearing. The hardest-hit roles are repetitive, physically demanding ones that younger people were already avoiding. What is growing is a middle layer of work: maintaining machines, checking quality and making the judgement calls that machines cannot.

            ## Three ways employers are adapting

            Across interviews with managers and workers, three strategies came up again and again:

            - **Keeping older staff longer**, with shorter shifts and roles that rely on experience rather than strength
            - **Redesigning lines around fewer people**, so that one technician can supervise several stations
            - **Moving the most labour-hungry work abroad**, often to Southeast Asia, while keeping high-value steps at home

            Each has limits. Older workers eventually retire. Automated lines need technicians, who are themselves scarce. And moving work abroad sends away jobs that governments would rather keep.

            ## A bet on skills

            Governments are responding with retraining subsidies and, more cautiously, with looser rules on foreign workers. Economists say the bigger test will be whether schools and companies can produce enough technicians, quickly enough.

            Back in Changwon, Lee said she had been asked to train two younger colleagues on the monitoring system. “They are faster with the screens,” she said. “I am faster at knowing when something sounds wrong. We make a good team.”
            """),

        new("technology", ArticleType.Explainer,
            "Explainer: what Port Alder’s new rules on synthetic voices mean for your calls",
            [
                "From March, companies must tell callers at the start when they are hearing a computer-generated voice",
                "A real person’s recordings cannot be used to build a synthetic copy of their voice without written consent",
            ],
            ["artificial-intelligence", "cities"], ["priya-raman"], "PORT ALDER", 70,
            Hero(IllustrationStyle.Soundwave, 111,
                "A symmetrical audio waveform of rounded pale bars with a few pink ones, on a dark grey background.",
                "The rules cover any voice produced by software rather than recorded from a person speaking those words."),
            """
            From March, companies in Port Alder that use computer-generated voices to call customers will have to say so at the start of the call. The rules, passed by the city’s legislative council last week, also limit copying the voices of real people. Here is what changes.

            ## What counts as a synthetic voice?

            Any voice produced by software rather than recorded from a person speaking those words. That covers the automated messages that read out a delivery time, as well as more advanced systems that can hold a conversation and sound convincingly human.

            Pre-recorded messages spoken by a real person, such as a voicemail greeting, are not covered.

            ## What do companies have to do?

            The rules set out three main obligations:

            1. **Say so at the start.** A call using a synthetic voice must disclose it within its first few seconds, in plain words.
            2. **Offer a person.** Customers must be able to ask for a human, and the company must provide one within a reasonable time or offer a call back.
            3. **Keep records.** Companies must log which calls used synthetic voices and keep the logs for two years, so that complaints can be investigated.

            ## Can someone copy my voice?

            Not legally without your written consent. The rules ban using recordings of an identifiable person to build a synthetic version of their voice unless that person has agreed, in writing, to the specific use. Consent can be withdrawn.

            > The question we kept coming back to was simple: does the person on the other end of the line know what they are talking to? If the answer is no, something has gone wrong.
            — Ruth Adebayo, the councillor who chaired the committee that drafted the rules

            ## What about news and audiobooks?

            Publishers that offer articles read aloud by a synthetic voice must label them. The _Daily Meridian_ already does: our listen feature uses a synthetic voice, and says so. You can read more on our page about [how we use automation](/standards/automation).

            ## What if a company breaks the rules?

            The city’s consumer council can issue warnings, and fines of up to 500,000 Alder dollars for repeated breaches. People who believe their voice has been copied without consent can also seek damages in court.

            Consumer groups welcomed the rules but said enforcement would be the test. “A law is only as good as the number of people who know how to complain,” said Wei Han of the Alder Consumers’ Association.
            """),
    ];
}
